/**
 * The fixture corpus (tests/fixtures/, made by make-fixtures.ts): every
 * invalid file is rejected with exactly the expected lines, each with its
 * `line:col`, feature and field; every valid file passes. The browser's parser
 * and the editors' JSON Schema are held to the same corpus, so the three
 * agree on which layer catches what.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { validateRallyText } from '../../scripts/lib/validate-rally-file.ts';
import { decodeRallyJson, parseRallyCollection } from '../../src/lib/parse-rallies.ts';

interface Expected {
  layer?: 'syntax' | 'structure' | 'schema' | 'cli-only';
  editorSchema?: 'rejects' | 'accepts';
  lines: string[];
  summary: string;
}

const fixtures = 'tests/fixtures';
const publicDir = `${fixtures}/public`;

function readExpected(folder: string): Record<string, Expected> {
  return JSON.parse(readFileSync(`${fixtures}/${folder}/expected.json`, 'utf8')) as Record<string, Expected>;
}

function filesIn(folder: string): string[] {
  return readdirSync(`${fixtures}/${folder}`)
    .filter((name) => name !== 'expected.json')
    .sort();
}

const invalid = readExpected('invalid');
const valid = readExpected('valid');
const invalidCases = Object.entries(invalid);
const validCases = Object.entries(valid);

/** The report's lines without notes, which say what is not reported rather than what is wrong. */
function linesWithoutNotes(lines: readonly string[]): string[] {
  return lines.filter((line) => !/^\S+ {2}note: /.test(line));
}

function expectedLines(file: string, expected: Expected): string[] {
  return [...expected.lines.map((line) => `${file}:${line}`), `${file}: ${expected.summary}`];
}

const editorSchema = JSON.parse(readFileSync('data/rallies.schema.json', 'utf8')) as object;
// Keys that only editors read (VS Code's messages); not validation keywords.
const ajv = new Ajv({ allErrors: true, validateFormats: false, keywords: ['patternErrorMessage'] });
const editorCheck = ajv.compile(editorSchema);

describe('the fixture corpus', () => {
  it('has an expected report for every fixture file, and a file for every expected report', () => {
    expect(filesIn('invalid')).toEqual(Object.keys(invalid).sort());
    expect(filesIn('valid')).toEqual(Object.keys(valid).sort());
  });

  it('holds at least 40 invalid files, covering every layer', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(invalidCases.map(([, expected]) => expected.layer))).toEqual(
      new Set(['syntax', 'structure', 'schema', 'cli-only']),
    );
  });

  it('gives every expected error a line and column, and names the feature and field where there is one', () => {
    for (const [, expected] of invalidCases) {
      expect(expected.lines.length).toBeGreaterThan(0);
      for (const line of expected.lines) expect(line).toMatch(/^\d+:\d+ {2}(?:JSON syntax: |features\[\d+\]|\.)/);
    }
  });
});

describe.each(invalidCases)('invalid fixture %s', (name, expected) => {
  const file = `${fixtures}/invalid/${name}`;
  const text = readFileSync(file, 'utf8');

  it('is rejected with exactly the expected problems, in order, at the expected line and column', () => {
    const report = validateRallyText(text, file, { publicDir });
    expect(report.exitCode).toBe(1);
    expect(linesWithoutNotes(report.lines)).toEqual(expectedLines(file, expected));
  });

  it(`is caught by the right layer (${expected.layer ?? '?'}), in the browser too unless CLI-only`, () => {
    const decoded = decodeRallyJson(text);
    if (expected.layer === 'syntax') {
      expect(decoded.ok).toBe(false);
      return;
    }
    expect(decoded.ok).toBe(true);
    const errors = parseRallyCollection(decoded.ok ? decoded.value : null).problems.filter(
      (problem) => problem.severity === 'error',
    );
    expect(errors.length > 0).toBe(expected.layer !== 'cli-only');
  });

  if (expected.editorSchema !== undefined) {
    it(`is ${expected.editorSchema === 'rejects' ? 'flagged' : 'not flagged'} by the editors' JSON Schema`, () => {
      const decoded = decodeRallyJson(text);
      expect(editorCheck(decoded.ok ? decoded.value : null)).toBe(expected.editorSchema === 'accepts');
    });
  }
});

describe.each(validCases)('valid fixture %s', (name, expected) => {
  const file = `${fixtures}/valid/${name}`;
  const text = readFileSync(file, 'utf8');

  it('is accepted with exactly the expected warnings', () => {
    const report = validateRallyText(text, file, { publicDir });
    expect(report.exitCode).toBe(0);
    expect(linesWithoutNotes(report.lines)).toEqual(expectedLines(file, expected));
  });

  it('is accepted by the browser', () => {
    const decoded = decodeRallyJson(text);
    expect(decoded.ok).toBe(true);
    const value = decoded.ok ? decoded.value : null;
    expect(parseRallyCollection(value).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it(`is ${expected.editorSchema === 'rejects' ? 'flagged (an unknown field)' : 'not flagged'} by the editors' JSON Schema`, () => {
    const decoded = decodeRallyJson(text);
    expect(editorCheck(decoded.ok ? decoded.value : null)).toBe(expected.editorSchema === 'accepts');
  });
});

describe('the real data file', () => {
  it('is accepted by the editors’ JSON Schema', () => {
    expect(editorCheck(JSON.parse(readFileSync('data/rallies.geojson', 'utf8')))).toBe(true);
    expect(editorCheck.errors ?? null).toBeNull();
  });
});
