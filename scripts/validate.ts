/**
 * `npm run validate [file]`: checks a rally file (data/rallies.geojson by
 * default). Prints each problem as `file:line:col  feature field: message`,
 * exits 0 when the file is valid and 1 when it has errors or cannot be read.
 */
import { readFileSync } from 'node:fs';
import { validateRallyText } from './validate-rally-file.ts';

const fileName = process.argv[2] ?? 'data/rallies.geojson';
let text: string;
try {
  text = readFileSync(fileName, 'utf8');
} catch (error) {
  console.error(`${fileName}: cannot be read (${(error as Error).message})`);
  process.exit(1);
}
const report = validateRallyText(text, fileName);
for (const line of report.lines) (report.exitCode === 0 ? console.log : console.error)(line);
process.exit(report.exitCode);
