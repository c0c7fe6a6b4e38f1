/**
 * `npm run validate` as a real process (`tsx scripts/validate.ts`, what the
 * npm script runs): its exit status, its output streams and `--json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = 'node_modules/.bin/tsx';

function validate(...args: string[]) {
  const result = spawnSync(tsx, ['scripts/validate.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  file: string;
  valid: boolean;
  rallyCount: number;
  errorCount: number;
  warningCount: number;
  noteCount: number;
  problems: {
    file: string;
    line: number;
    column: number;
    severity: string;
    featureIndex: number | null;
    featureId: string | null;
    path: (string | number)[];
    message: string;
  }[];
}

// Each case starts one or two Node processes: allow for a busy machine.
describe('npm run validate', { timeout: 30_000 }, () => {
  it('exits 0 on the real data file, the default, printing to stdout', () => {
    const { status, stdout, stderr } = validate();
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'data/rallies.geojson: 8 valid rallies, 0 errors, 0 warnings, 7 notes',
    );
  });

  it('exits 1 on an invalid file, printing its problems to stderr', () => {
    const file = 'tests/fixtures/invalid/62-swapped-berlin.geojson';
    const { status, stdout, stderr } = validate(file);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(
      `${file}:211:38  features[4] (berlin) .geometry.coordinates: [52.52, 13.405] is not in Germany (DE), but [13.405, 52.52] is: did you swap longitude and latitude? GeoJSON puts longitude first`,
    );
  });

  it('exits 1 on a syntax error', () => {
    const { status, stderr } = validate('tests/fixtures/invalid/03-smart-quotes.txt');
    expect(status).toBe(1);
    expect(stderr).toContain(':236:17  JSON syntax: smart quotes (“)');
  });

  it('exits 0 on a file with warnings only', () => {
    expect(validate('tests/fixtures/valid/warnings-only.geojson').status).toBe(0);
  });

  it('prints one JSON report with --json, for a valid and for an invalid file', () => {
    const valid = validate('--json');
    expect(valid.status).toBe(0);
    const validReport = JSON.parse(valid.stdout) as JsonReport;
    expect(validReport).toMatchObject({ file: 'data/rallies.geojson', valid: true, rallyCount: 8, noteCount: 7 });

    const file = 'tests/fixtures/invalid/43-empty-quote-text.geojson';
    const invalid = validate(file, '--json');
    expect(invalid.status).toBe(1);
    const report = JSON.parse(invalid.stdout) as JsonReport;
    expect(report).toMatchObject({ file, valid: false, errorCount: 1, warningCount: 0, rallyCount: 7 });
    expect(report.problems[0]).toEqual({
      file,
      line: 69,
      column: 13,
      severity: 'error',
      featureIndex: 0,
      featureId: 'london',
      path: ['features', 0, 'properties', 'quotes', 1, 'text'],
      message: 'must not be empty',
    });
  });

  it('exits 1 for a file that cannot be read, and 2 for a wrong command line', () => {
    const missing = validate('no/such/file.geojson');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^no\/such\/file\.geojson: cannot be read \(ENOENT/);
    const wrong = validate('--jsn');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('Unknown option: --jsn');
  });

  describe('on hostile files', () => {
    const folder = mkdtempSync(join(tmpdir(), 'validate-cli-'));
    afterAll(() => {
      rmSync(folder, { recursive: true, force: true });
    });
    const deep = join(folder, 'deep.geojson');
    writeFileSync(deep, `{"type": "FeatureCollection", "features": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    const utf16 = join(folder, 'utf16.geojson');
    writeFileSync(utf16, Buffer.from(`\ufeff{"type": "FeatureCollection", "features": []}`, 'utf16le'));

    it('reports 20,000 nested [ as nested too deeply with its line and column, exit 1, no stack trace', () => {
      const { status, stdout, stderr } = validate(deep);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(
        `${deep}:1:298  JSON syntax: nested too deeply: more than 256 levels of [ and { (a rally file needs 6); is this the right file?`,
      );
      expect(stderr).not.toMatch(/RangeError|^\s+at /m);
    });

    it('still prints JSON with --json for a file nested too deeply', () => {
      const { status, stdout } = validate(deep, '--json');
      expect(status).toBe(1);
      const report = JSON.parse(stdout) as JsonReport;
      expect(report.problems[0]).toMatchObject({ line: 1, column: 298, severity: 'error' });
      expect(report.problems[0]?.message).toContain('nested too deeply');
    });

    it('reports a UTF-16 file once, saying to save it as UTF-8', () => {
      const { status, stderr } = validate(utf16);
      expect(status).toBe(1);
      expect(stderr.trimEnd().split('\n')).toEqual([
        `${utf16}:1:1  the file is UTF-16 text (it starts with the byte-order mark FF FE), not UTF-8: save the file as UTF-8 (in most editors: Save as… or File ▸ Encoding ▸ UTF-8)`,
        `${utf16}: not UTF-8 text, 1 error`,
      ]);
    });
  });
});
