/** `npm run schema`: regenerates data/rallies.schema.json from the zod schema in src/lib/rally-schema.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { rallyJsonSchemaText, rallySchemaPath } from './lib/rally-json-schema.ts';

const text = await rallyJsonSchemaText();
let current: string | null = null;
try {
  current = readFileSync(rallySchemaPath, 'utf8');
} catch {
  // Not written yet.
}
const shown = relative(process.cwd(), rallySchemaPath);
if (current === text) {
  console.log(`${shown} is up to date`);
} else {
  writeFileSync(rallySchemaPath, text);
  console.log(`${shown} written`);
}
