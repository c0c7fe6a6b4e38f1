/**
 * `npm run import -- <file.csv> [out.geojson]`: turns a spreadsheet export
 * into a rally file (the columns are listed in docs/data.md). Prints each
 * problem as `file.csv:row:column  column: message`, keeps the good rows,
 * and writes them to `out.geojson` (by default the CSV's name with
 * `.geojson`), checked as `npm run validate` checks a file. Exits 0 when
 * every row went in, 1 when any row was left out or the file cannot be
 * read, 2 when the command line is wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatImportProblem, importRallyCsv } from './lib/import-rally-csv.ts';

const usage = `Usage: npm run import -- <file.csv> [out.geojson]

Turns a spreadsheet export (CSV, with , or ; between fields) into a rally
file. Columns: city, country, latitude, longitude, date (required); venue,
attendance, local name, source title, source URL (optional). See docs/data.md.

Exit status: 0 every row imported, 1 a row or the file had errors, 2 usage error.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || args.length === 0 || args.length > 2) {
  (args.length === 0 || args.length > 2 ? console.error : console.log)(usage);
  process.exit(args.length === 0 || args.length > 2 ? 2 : 0);
}
const input = args[0] ?? '';
const output = args[1] ?? `${input.replace(/\.csv$/i, '')}.geojson`;

let text: string;
try {
  text = readFileSync(input, 'utf8');
} catch (error) {
  console.error(`${input}: cannot be read (${(error as Error).message})`);
  process.exit(1);
}

const result = importRallyCsv(text);
const name = basename(input);
for (const problem of result.problems) {
  (problem.severity === 'error' ? console.error : console.log)(formatImportProblem(name, problem));
}
if (result.document !== null) {
  writeFileSync(output, `${JSON.stringify(result.document, null, 2)}\n`);
  console.log(
    `${output}: ${result.goodRows} rall${result.goodRows === 1 ? 'y' : 'ies'} written` +
      (result.badRows > 0 ? `; ${result.badRows} row${result.badRows === 1 ? '' : 's'} left out` : '') +
      '. Add the campaign (title, date, summary, source) to it, then run npm run validate.',
  );
}
process.exit(result.document === null || result.badRows > 0 ? 1 : 0);
