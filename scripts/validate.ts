/**
 * `npm run validate [file] [--json]`: checks a rally file
 * (data/rallies.geojson by default). Prints each problem as
 * `file:line:col  feature field: message` (errors, then warnings, then
 * notes), or with --json one JSON object for tools. Exits 0 when the file is
 * valid (warnings and notes allowed), 1 when it has errors or cannot be read,
 * 2 when the command line is wrong.
 */
import { readFileSync } from 'node:fs';
import { reportAsJson, validateRallyBytes, type ValidationReport } from './lib/validate-rally-file.ts';

const usage = `Usage: npm run validate -- [file] [--json]

Checks a rally file (data/rallies.geojson by default): JSON syntax, GeoJSON
structure, the rally schema, the country of each point and the photo files.

  --json   print the result as JSON: { file, valid, rallyCount, errorCount,
           warningCount, noteCount, problems: [{ file, line, column, severity,
           featureIndex, featureId, path, message }] }
  --help   show this help

Exit status: 0 valid (warnings and notes allowed), 1 errors, 2 usage error.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const json = args.includes('--json');
const unknownOptions = args.filter((arg) => arg.startsWith('-') && arg !== '--json');
const files = args.filter((arg) => !arg.startsWith('-'));
if (unknownOptions.length > 0 || files.length > 1) {
  console.error(
    unknownOptions.length > 0 ? `Unknown option: ${unknownOptions.join(' ')}` : 'Give at most one file to check.',
  );
  console.error(usage);
  process.exit(2);
}

const fileName = files[0] ?? 'data/rallies.geojson';

/** Prints one error about the file, in the form asked for, and exits 1. */
function failWith(message: string): never {
  if (json) {
    const problem = { file: fileName, line: 1, column: 1, severity: 'error', featureIndex: null, featureId: null };
    const report = { file: fileName, valid: false, rallyCount: 0, errorCount: 1, warningCount: 0, noteCount: 0 };
    console.log(JSON.stringify({ ...report, problems: [{ ...problem, path: [], message }] }, null, 2));
  } else {
    console.error(`${fileName}: ${message}`);
  }
  process.exit(1);
}

let bytes: Uint8Array;
try {
  bytes = readFileSync(fileName);
} catch (error) {
  failWith(`cannot be read (${(error as Error).message})`);
}

let report: ValidationReport;
try {
  report = validateRallyBytes(bytes, fileName);
} catch (error) {
  // No stack trace for a person: the validator's own failure, said in one line.
  failWith(`could not be checked: ${error instanceof Error ? error.message : String(error)}`);
}
if (json) {
  console.log(reportAsJson(report, fileName));
} else {
  const print = report.exitCode === 0 ? console.log : console.error;
  for (const line of report.lines) print(line);
}
process.exit(report.exitCode);
