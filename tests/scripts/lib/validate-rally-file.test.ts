import { describe, expect, it } from 'vitest';
import {
  collectProblems,
  formatReport,
  notesListedOneByOne,
  reportAsJson,
  validateRallyBytes,
  validateRallyText,
} from '../../../scripts/lib/validate-rally-file.ts';
import { rallyIds, readRallyFileText, replaceOnce } from '../../lib/rally-fixtures.ts';

const fileName = 'data/rallies.geojson';
const realText = readRallyFileText();
/** The seven cities whose venue the article does not report (all but London): notes, not problems. */
const venueNotReported = rallyIds.filter((id) => id !== 'london');

/** The report's lines without notes. */
function withoutNotes(lines: readonly string[]): string[] {
  return lines.filter((line) => !/^\S+ {2}note: /.test(line));
}

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
  it('passes the real data file, noting each venue that is not reported', () => {
    const report = validateRallyText(realText, fileName);
    expect(report).toMatchObject({ exitCode: 0, errorCount: 0, warningCount: 0, noteCount: 7, rallyCount: 8 });
    expect(report.lines.at(-1)).toBe('data/rallies.geojson: 8 valid rallies, 0 errors, 0 warnings, 7 notes');
    expect(report.lines.slice(0, -1)).toEqual(
      venueNotReported.map((id, index) => {
        const { line, column } = locate(realText, '"venue": null', realText.indexOf(`"id": "${id}"`));
        return `data/rallies.geojson:${line}:${column}  note: features[${index + 1}] (${id}) .properties.venue: not reported (null): the map says "Venue not reported"`;
      }),
    );
  });

  it('locates a trailing comma before }', () => {
    const text = replaceOnce(realText, '{ "name": "Amnesty International" }', '{ "name": "Amnesty International", }');
    const { line } = locate(text, '"Amnesty International", }');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.rallyCount).toBe(0);
    expect(report.lines[0]).toMatch(
      new RegExp(`^data/rallies\\.geojson:${line}:\\d+  JSON syntax: a trailing comma before \\} .*remove this comma$`),
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
      `data/rallies.geojson:${line}:${column}  JSON syntax: a trailing comma before ] (at line ${line}, column ${column + 1}): JSON allows no comma after the last item; remove this comma`,
      'data/rallies.geojson: not valid JSON, 1 syntax error',
    ]);
  });

  it('locates smart quotes and says to use straight ones', () => {
    const text = replaceOnce(realText, '"name": "Rome"', '"name": “Rome”');
    const { line, column } = locate(text, '“Rome”');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toBe(
      `data/rallies.geojson:${line}:${column}  JSON syntax: smart quotes (“): JSON needs straight double quotes ("). A word processor or a chat app may have changed them`,
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
    expect(report.lines[0]).toContain('it looks cut short (truncated)');
  });

  it('reports an empty file as empty, as the browser does', () => {
    const report = validateRallyText('', fileName);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual([
      'data/rallies.geojson:1:1  JSON syntax: the file is empty',
      'data/rallies.geojson: not valid JSON, 1 syntax error',
    ]);
  });

  it('reports an empty file once', () => {
    expect(validateRallyText('', fileName).errorCount).toBe(1);
  });

  it('reports a missing comma where the comma belongs, naming where the next item starts', () => {
    const text = replaceOnce(realText, '"name": "Rome",', '"name": "Rome"');
    const end = locate(text, '"name": "Rome"');
    const next = locate(text, '"localName": "Roma"');
    expect(validateRallyText(text, fileName).lines[0]).toBe(
      `data/rallies.geojson:${end.line}:${end.column + '"name": "Rome"'.length}  JSON syntax: a comma is missing here, between two items (the next one starts at line ${next.line}, column ${next.column})`,
    );
  });

  it('reports an HTML page as a web page, once', () => {
    const report = validateRallyText('\n<!doctype html><title>404</title>', fileName);
    expect(report.lines).toEqual([
      'data/rallies.geojson:2:1  JSON syntax: this is a web page (HTML), not the rally data (JSON): an error page saved by mistake, or the wrong file',
      'data/rallies.geojson: not valid JSON, 1 syntax error',
    ]);
  });

  it('reports independent slips on different lines, but not the parser stumbling after one slip', () => {
    let text = replaceOnce(realText, '"approximate": true', '"approximate": True');
    text = replaceOnce(text, '"name": "York"', "'name': 'York'");
    const report = validateRallyText(text, fileName);
    expect(reportedLines(report.lines)).toEqual([locate(text, 'True').line, locate(text, "'name'").line]);
  });

  it('locates a schema error at its field: an empty quote text for Berlin', () => {
    const berlinQuote =
      '"quotes": [\n          {\n            "text": "",\n            "speaker": "Someone",\n            "role": "Activist",\n            "lang": "de"\n          }\n        ],';
    const text = replaceAfter(realText, '"id": "berlin"', '"quotes": [],', berlinQuote);
    const { line, column } = locate(text, '"text": ""');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(withoutNotes(report.lines)).toEqual([
      `data/rallies.geojson:${line}:${column}  features[4] (berlin) .properties.quotes[0].text: must not be empty`,
      'data/rallies.geojson: 7 valid rallies, 1 error, 0 warnings, 6 notes',
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
    const report = validateRallyText(text, fileName);
    expect(report).toMatchObject({ exitCode: 0, errorCount: 0, warningCount: 1, noteCount: 7, rallyCount: 8 });
    expect(withoutNotes(report.lines)).toEqual([
      `data/rallies.geojson:${line}:${column}  warning: features[6] (stockholm) .properties.colour: is not a known field and is ignored (a typo?)`,
      'data/rallies.geojson: 8 valid rallies, 0 errors, 1 warning, 7 notes',
    ]);
  });

  it('prints errors, then warnings, then notes, each in file order', () => {
    let text = replaceOnce(realText, '"name": "Stockholm",', '"name": "Stockholm",\n        "colour": "blue",');
    text = replaceOnce(text, '"name": "Brasilia",', '"name": "Brasilia",\n        "colour": "green",');
    text = replaceOnce(text, '"country": "SE"', '"country": "Sweden"');
    text = replaceOnce(text, '"count": 50', '"count": -1');
    const kinds = validateRallyText(text, fileName)
      .lines.slice(0, -1)
      .map((line) => {
        const match = /^\S+:(\d+):\d+ {2}(warning: |note: )?/.exec(line);
        return [match?.[2]?.trim() ?? 'error', Number(match?.[1])] as const;
      });
    expect(kinds.map(([kind]) => kind)).toEqual([
      'error',
      'error',
      'warning:',
      'warning:',
      ...Array<string>(6).fill('note:'),
    ]);
    for (const kind of ['error', 'warning:', 'note:']) {
      const lines = kinds.filter(([k]) => k === kind).map(([, line]) => line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    }
  });

  it('fails a file with an error whether or not it also has warnings, listing errors first', () => {
    let text = replaceOnce(realText, '"name": "Stockholm",', '"name": "Stockholm",\n        "colour": "blue",');
    text = replaceAfter(text, '"id": "munich"', '"country": "DE"', '"country": "Germany"');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.errorCount).toBe(1);
    expect(report.warningCount).toBe(1);
    expect(report.rallyCount).toBe(7);
    expect(withoutNotes(report.lines).map((line) => line.replace(/^\S+ {2}/, ''))).toEqual([
      'features[3] (munich) .properties.country: must be an ISO 3166-1 alpha-2 code such as "GB"',
      'warning: features[6] (stockholm) .properties.colour: is not a known field and is ignored (a typo?)',
      'data/rallies.geojson: 7 valid rallies, 1 error, 1 warning, 6 notes',
    ]);
  });

  it('warns about a byte-order mark but passes the file, counting lines without it', () => {
    const report = validateRallyText(`\ufeff${realText}`, fileName);
    expect(report.exitCode).toBe(0);
    expect(withoutNotes(report.lines)).toEqual([
      'data/rallies.geojson:1:1  warning: the file starts with a byte-order mark; it is ignored',
      'data/rallies.geojson: 8 valid rallies, 0 errors, 1 warning, 7 notes',
    ]);
    expect(report.problems.filter((problem) => problem.severity === 'info').map((problem) => problem.line)).toEqual(
      validateRallyText(realText, fileName)
        .problems.filter((problem) => problem.severity === 'info')
        .map((problem) => problem.line),
    );
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
    expect(validateRallyText(realText, 'elsewhere/my-rallies.json').lines.at(-1)).toBe(
      'elsewhere/my-rallies.json: 8 valid rallies, 0 errors, 0 warnings, 7 notes',
    );
  });

  it('accepts a $schema member without a word', () => {
    expect(realText.split('\n')[1]).toBe('  "$schema": "./rallies.schema.json",');
    const without = replaceOnce(realText, '  "$schema": "./rallies.schema.json",\n', '');
    expect(withoutNotes(validateRallyText(without, fileName).lines)).toEqual(
      withoutNotes(validateRallyText(realText, fileName).lines),
    );
  });

  it('reports a duplicate key at the later key, which JSON.parse keeps, naming the line of the one it drops', () => {
    const text = replaceOnce(realText, '"country": "SE",', '"country": "SE",\n        "country": "NO",');
    const first = locate(text, '"country": "SE"');
    const second = locate(text, '"country": "NO"');
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    // The kept value is the one checked, and Stockholm is not in Norway: errors come in file order.
    expect(withoutNotes(report.lines)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^data/rallies\\.geojson:${locate(text, '"coordinates"', text.indexOf('"id": "stockholm"')).line}:38  features\\[6\\] \\(stockholm\\) \\.geometry\\.coordinates: \\[18\\.0686, 59\\.3293\\] is in Sweden \\(SE\\), about \\d+ km from Norway \\(NO\\)`,
        ),
      ),
      `data/rallies.geojson:${second.line}:${second.column}  features[6] (stockholm) .properties.country: duplicate key: "country" is already on line ${first.line}, and JSON keeps only the last one, so the value on line ${first.line} is silently ignored; remove one of them`,
      'data/rallies.geojson: 7 valid rallies, 2 errors, 0 warnings, 6 notes',
    ]);
  });

  it('checks photo files under the given public folder, and only local ones', () => {
    const photo = (src: string) =>
      replaceOnce(
        realText,
        '"alt": "Protesters outside the Russian Embassy in London"',
        `"alt": "Protesters outside the Russian Embassy in London", "src": "${src}", "width": 4, "height": 3`,
      );
    const publicDir = 'tests/fixtures/public';
    expect(validateRallyText(photo('photos/london-embassy.png'), fileName, { publicDir }).exitCode).toBe(0);
    expect(validateRallyText(photo('https://example.org/london.jpg'), fileName, { publicDir }).exitCode).toBe(0);
    const missing = validateRallyText(photo('photos/london-embassy.png'), fileName, { publicDir: 'tests/fixtures' });
    expect(missing.exitCode).toBe(1);
    expect(missing.rallyCount).toBe(7);
    expect(missing.lines[0]).toMatch(
      / {2}features\[0\] \(london\) \.properties\.photos\[0\]\.src: public\/photos\/london-embassy\.png does not exist: put the photo there, or correct src$/,
    );
  });

  it('checks photo files in the project public/ folder by default', () => {
    const text = replaceOnce(
      realText,
      '"alt": "Protesters outside the Russian Embassy in London"',
      '"alt": "Protesters outside the Russian Embassy in London", "src": "photos/no-such-photo.jpg", "width": 4, "height": 3',
    );
    expect(validateRallyText(text, fileName).lines[0]).toContain('public/photos/no-such-photo.jpg does not exist');
  });

  it('lists every problem for tools, with file, line, column, severity, feature and path', () => {
    const text = replaceOnce(realText, '"country": "SE"', '"country": "Sweden"');
    const { line, column } = locate(text, '"country": "Sweden"');
    const report = validateRallyText(text, fileName);
    expect(report.problems[0]).toEqual({
      file: fileName,
      line,
      column,
      severity: 'error',
      featureIndex: 6,
      featureId: 'stockholm',
      path: ['features', 6, 'properties', 'country'],
      message: 'must be an ISO 3166-1 alpha-2 code such as "GB"',
    });
    expect(report.problems.map((problem) => problem.severity)).toEqual(['error', ...Array<string>(6).fill('info')]);
    const json = JSON.parse(reportAsJson(report, fileName)) as Record<string, unknown>;
    expect(json).toEqual({
      file: fileName,
      valid: false,
      rallyCount: 7,
      errorCount: 1,
      warningCount: 0,
      noteCount: 6,
      problems: report.problems,
    });
  });

  it('gives syntax errors an empty path and no feature in the JSON report', () => {
    const report = validateRallyText('{"type": "FeatureCollection",}', fileName);
    expect(report.problems).toEqual([
      {
        file: fileName,
        line: 1,
        column: 29,
        severity: 'error',
        featureIndex: null,
        featureId: null,
        path: [],
        message:
          'JSON syntax: a trailing comma before } (at line 1, column 30): JSON allows no comma after the last item; remove this comma',
      },
    ]);
  });
});

describe('files that are not UTF-8 text', () => {
  const utf8 = new TextEncoder().encode(realText);
  /** The real file as UTF-16, little- or big-endian, with its byte-order mark. */
  function utf16(littleEndian: boolean): Uint8Array {
    const bytes = new Uint8Array(2 + realText.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    for (let index = 0; index < realText.length; index += 1) {
      view.setUint16(2 + index * 2, realText.charCodeAt(index), littleEndian);
    }
    return bytes;
  }

  it.each([
    ['UTF-16 little-endian (FF FE)', utf16(true), 'it starts with the byte-order mark FF FE'],
    ['UTF-16 big-endian (FE FF)', utf16(false), 'it starts with the byte-order mark FE FF'],
    ['binary, with NUL bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x7b]), 'NUL bytes'],
    [
      'Latin-1',
      new Uint8Array([...new TextEncoder().encode('{"name": "M'), 0xfc, ...new TextEncoder().encode('nchen"}')]),
      'not valid UTF-8',
    ],
  ])('reports %s in one message that says to save as UTF-8', (_kind, bytes, detail) => {
    const report = validateRallyBytes(bytes, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.errorCount).toBe(1);
    expect(report.lines).toHaveLength(2);
    expect(report.lines[0]).toContain(detail);
    expect(report.lines[0]).toMatch(/^data\/rallies\.geojson:1:1 {2}.*save the file as UTF-8/);
    expect(report.lines[1]).toBe('data/rallies.geojson: not UTF-8 text, 1 error');
  });

  it('reads UTF-8 bytes as the text validator does', () => {
    expect(validateRallyBytes(utf8, fileName)).toEqual(validateRallyText(realText, fileName));
  });
});

describe('files at scale and hostile files', () => {
  it('summarises many notes with one message in one line, and still counts each', () => {
    const features = Array.from({ length: notesListedOneByOne + 5 }, (_, index) => ({
      type: 'Feature',
      id: `town-${index + 1}`,
      geometry: { type: 'Point', coordinates: [-0.1908, 51.5103] },
      properties: {
        name: `Town ${index + 1}`,
        country: 'GB',
        date: '2018-04-07',
        venue: null,
        locationPrecision: 'city',
        attendance: null,
        quotes: [],
        photos: [],
        sources: [],
      },
    }));
    const document = { ...(JSON.parse(realText) as Record<string, unknown>), features };
    const text = JSON.stringify(document, null, 2);
    const report = validateRallyText(text, fileName);
    const { line, column } = locate(text, '"venue": null');
    expect(report.noteCount).toBe(notesListedOneByOne + 5);
    expect(report.lines).toEqual([
      `data/rallies.geojson:${line}:${column}  note: ${notesListedOneByOne + 5} rallies: .properties.venue: not reported (null): the map says "Venue not reported" (the first here)`,
      `data/rallies.geojson: ${notesListedOneByOne + 5} valid rallies, 0 errors, 0 warnings, ${notesListedOneByOne + 5} notes`,
    ]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ severity: 'info', count: notesListedOneByOne + 5, line, column });
  });

  it('names the feature and field, with line and column, of problems deep in a file of many features', () => {
    const template = (JSON.parse(realText) as { features: { properties: Record<string, unknown> }[] }).features[0];
    const features = Array.from({ length: 1200 }, (_, index) => ({
      ...template,
      id: `town-${index + 1}`,
      properties: {
        ...template?.properties,
        name: `Town ${index + 1}`,
        ...(index % 2 === 0 ? { venue: null, locationPrecision: 'city' } : {}),
      },
    }));
    const document = { ...(JSON.parse(realText) as Record<string, unknown>), features };
    let text = JSON.stringify(document, null, 2);
    text = replaceAfter(text, '"id": "town-1111"', '"name": "Town 1111"', '"name": ""');
    text = replaceAfter(text, '"id": "town-1199"', '"country": "GB"', '"country": "GB",\n"country": "GB"');
    const report = validateRallyText(text, fileName);
    // The two features with errors get no note: 600 venues are null, 598 are noted.
    const emptyName = locate(text, '"name": ""');
    const duplicate = locate(text, '"country": "GB"', text.indexOf('"country": "GB",\n"country"') + 1);
    const firstNote = locate(text, '"venue": null');
    expect(report.lines).toEqual([
      `data/rallies.geojson:${emptyName.line}:${emptyName.column}  features[1110] (town-1111) .properties.name: must not be empty`,
      `data/rallies.geojson:${duplicate.line}:${duplicate.column}  features[1198] (town-1199) .properties.country: duplicate key: "country" is already on line ${duplicate.line - 1}, and JSON keeps only the last one, so the value on line ${duplicate.line - 1} is silently ignored; remove one of them`,
      `data/rallies.geojson:${firstNote.line}:${firstNote.column}  note: 598 rallies: .properties.venue: not reported (null): the map says "Venue not reported" (the first here)`,
      'data/rallies.geojson: 1,198 valid rallies, 2 errors, 0 warnings, 598 notes',
    ]);
  });

  it('warns about a byte-order mark in the bytes of a file, as in its text', () => {
    const bytes = new TextEncoder().encode(`\ufeff${realText}`);
    expect(validateRallyBytes(bytes, fileName)).toEqual(validateRallyText(`\ufeff${realText}`, fileName));
    expect(validateRallyBytes(bytes, fileName).warningCount).toBe(1);
  });

  it('reports nesting 20,000 deep as nested too deeply, with its line and column, and no throw', () => {
    const text = `{\n  "type": "FeatureCollection",\n  "features": ${'['.repeat(20_000)}${']'.repeat(20_000)}\n}`;
    const report = validateRallyText(text, fileName);
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toMatch(
      /^data\/rallies\.geojson:3:\d+ {2}JSON syntax: nested too deeply: more than 256 levels/,
    );
    expect(JSON.parse(reportAsJson(report, fileName))).toMatchObject({ valid: false, errorCount: 1 });
  });

  it('collects problems with offsets first, and words them separately', () => {
    const text = replaceOnce(realText, '"name": "Rome",', '"name": "",');
    const collected = collectProblems(text);
    const emptyName = collected.findings.find((finding) => finding.severity === 'error');
    expect(emptyName).toMatchObject({ kind: 'data', offset: text.indexOf('"name": ""'), message: 'must not be empty' });
    expect(formatReport(collected, fileName)).toEqual(validateRallyText(text, fileName));
  });
});
