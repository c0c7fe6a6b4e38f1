import { describe, expect, it } from 'vitest';
import { validateRallyText } from '../../scripts/validate-rally-file.ts';
import { readRallyFileText, replaceOnce } from '../lib/rally-fixtures.ts';

const fileName = 'data/rallies.geojson';
const realText = readRallyFileText();

/** 1-based line and column of the first `search` in `text`, counted independently of the validator. */
function locate(text: string, search: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(search, from);
  if (offset === -1) throw new Error(`${JSON.stringify(search)} is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Replaces `search`, found after the first `anchor`, with `replacement`. */
function replaceAfter(text: string, anchor: string, search: string, replacement: string): string {
  const start = text.indexOf(search, text.indexOf(anchor));
  if (text.indexOf(anchor) === -1 || start === -1) throw new Error(`no ${search} after ${anchor}`);
  return text.slice(0, start) + replacement + text.slice(start + search.length);
}

/** The line numbers of every `file:line:col` location in the report. */
function reportedLines(lines: readonly string[]): number[] {
  return lines.flatMap((line) => {
    const match = /^data\/rallies\.geojson:(\d+):\d+ {2}/.exec(line);
    return match ? [Number(match[1])] : [];
  });
}

describe('validateRallyText', () => {
  it('passes the real data file', () => {
    expect(validateRallyText(realText, fileName)).toEqual({
      exitCode: 0,
      lines: ['data/rallies.geojson: 8 valid rallies, 0 errors, 0 warnings'],
      errorCount: 0,
      warningCount: 0,
      rallyCount: 8,
    });
  });

  it('locates a trailing comma before }', () => {
    const text = replaceOnce(realText, '{ "name": "Amnesty International" }', '{ "name": "Amnesty International", }');
    const { line } = locate(text, '"Amnesty International", }');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.rallyCount).toBe(0);
    expect(report.lines[0]).toMatch(
      new RegExp(`^data/rallies\\.geojson:${line}:\\d+  JSON syntax: PropertyNameExpected \\(a trailing comma`),
    );
    expect(new Set(reportedLines(report.lines))).toEqual(new Set([line]));
    expect(report.lines.at(-1)).toMatch(/^data\/rallies\.geojson: not valid JSON, \d+ syntax errors?$/);
  });

  it('locates a trailing comma before ]', () => {
    const text = replaceOnce(realText, '[-1.0815, 53.959]', '[-1.0815, 53.959,]');
    const { line, column } = locate(text, ',]');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual([
      `data/rallies.geojson:${line}:${column + 1}  JSON syntax: ValueExpected (a trailing comma before ] or } is not allowed in JSON, or a value is missing)`,
      'data/rallies.geojson: not valid JSON, 1 syntax error',
    ]);
  });

  it('locates smart quotes and says to use straight ones', () => {
    const text = replaceOnce(realText, '"name": "Rome"', '"name": “Rome”');
    const { line, column } = locate(text, '“Rome”');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toBe(
      `data/rallies.geojson:${line}:${column}  JSON syntax: InvalidSymbol (use straight double quotes ("), not smart quotes (“ ” ‘ ’) or single quotes)`,
    );
  });

  it('reports a truncated file at its last line, as cut short', () => {
    const cut = realText.indexOf('"id": "rome"') + '"id": "rome"'.length;
    const text = realText.slice(0, cut);
    const lastLine = text.split('\n').length;
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.errorCount).toBeGreaterThan(0);
    expect(new Set(reportedLines(report.lines))).toEqual(new Set([lastLine]));
    expect(report.lines[0]).toContain('the file may be cut short');
  });

  it('reports an empty file as invalid', () => {
    const report = validateRallyText('', fileName);
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toMatch(/^data\/rallies\.geojson:1:1 {2}JSON syntax: ValueExpected/);
  });

  it('reports an empty file once', () => {
    expect(validateRallyText('', fileName).errorCount).toBe(1);
  });

  it('locates a schema error at its field: an empty quote text for Berlin', () => {
    const berlinQuote =
      '"quotes": [\n          {\n            "text": "",\n            "speaker": "Someone",\n            "role": "Activist",\n            "lang": "de"\n          }\n        ],';
    const text = replaceAfter(realText, '"id": "berlin"', '"quotes": [],', berlinQuote);
    const { line, column } = locate(text, '"text": ""');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual([
      `data/rallies.geojson:${line}:${column}  features[4] (berlin) .properties.quotes[0].text: must not be empty`,
      'data/rallies.geojson: 7 valid rallies, 1 error, 0 warnings',
    ]);
    expect(line).toBeGreaterThan(locate(text, '"id": "berlin"').line);
  });

  it('locates a missing field at the object that should hold it', () => {
    const text = replaceAfter(realText, '"id": "york"', '        "name": "York",\n', '');
    const report = validateRallyText(text, fileName);
    const properties = locate(text, '"properties"', text.indexOf('"id": "york"'));
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toBe(
      `data/rallies.geojson:${properties.line}:${properties.column}  features[7] (york) .properties.name: is missing`,
    );
  });

  it('lets a file with only warnings pass, listing the warnings', () => {
    const text = replaceOnce(realText, '"name": "Stockholm",', '"name": "Stockholm",\n        "colour": "blue",');
    const { line, column } = locate(text, '"colour"');
    expect(validateRallyText(text, fileName)).toEqual({
      exitCode: 0,
      lines: [
        `data/rallies.geojson:${line}:${column}  warning: features[6] (stockholm) .properties.colour: is not a known field and is ignored (a typo?)`,
        'data/rallies.geojson: 8 valid rallies, 0 errors, 1 warning',
      ],
      errorCount: 0,
      warningCount: 1,
      rallyCount: 8,
    });
  });

  it('fails a file with an error whether or not it also has warnings, listing errors first', () => {
    let text = replaceOnce(realText, '"name": "Stockholm",', '"name": "Stockholm",\n        "colour": "blue",');
    text = replaceAfter(text, '"id": "munich"', '"country": "DE"', '"country": "Germany"');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.errorCount).toBe(1);
    expect(report.warningCount).toBe(1);
    expect(report.rallyCount).toBe(7);
    expect(report.lines.map((line) => line.replace(/^\S+ {2}/, ''))).toEqual([
      'features[3] (munich) .properties.country: must be an ISO 3166-1 alpha-2 code such as "GB"',
      'warning: features[6] (stockholm) .properties.colour: is not a known field and is ignored (a typo?)',
      'data/rallies.geojson: 7 valid rallies, 1 error, 1 warning',
    ]);
  });

  it('warns about a byte-order mark but passes the file, counting lines without it', () => {
    const report = validateRallyText(`\ufeff${realText}`, fileName);
    expect(report.exitCode).toBe(0);
    expect(report.lines).toEqual([
      'data/rallies.geojson:1:1  warning: the file starts with a byte-order mark; it is ignored',
      'data/rallies.geojson: 8 valid rallies, 0 errors, 1 warning',
    ]);
  });

  it('reports a problem outside any feature by its path', () => {
    const text = replaceOnce(realText, '"type": "FeatureCollection",', '"type": "FeatureCollection",\n  "crs": null,');
    const { line, column } = locate(text, '"crs"');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toBe(
      `data/rallies.geojson:${line}:${column}  .crs: is not allowed: GeoJSON (RFC 7946) coordinates are always WGS 84 longitude, latitude`,
    );
  });

  it('uses the file name it is given', () => {
    expect(validateRallyText(realText, 'elsewhere/my-rallies.json').lines).toEqual([
      'elsewhere/my-rallies.json: 8 valid rallies, 0 errors, 0 warnings',
    ]);
  });
});
