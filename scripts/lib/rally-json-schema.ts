/**
 * The JSON Schema for editors, data/rallies.schema.json, generated from the
 * same zod schema the app and the validator use (`npm run schema` writes it;
 * a unit test fails when the file is out of date). Draft 7, the version every
 * editor supports: VS Code, JetBrains IDEs and anything built on
 * vscode-json-languageservice.
 *
 * JSON Schema cannot express everything the validator checks: unique ids,
 * each point inside its country, photo files existing, and hints such as
 * "did you swap longitude and latitude?" stay with `npm run validate`.
 */
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import * as z from 'zod/mini';
import { rallySchemaFileName, strictSchemas } from '../../src/lib/rally-schema.ts';

/** Where the schema is written. */
export const rallySchemaPath = fileURLToPath(new URL(`../../data/${rallySchemaFileName}`, import.meta.url));

/** The schema as a JSON value. */
export function rallyJsonSchema(): z.core.JSONSchema.BaseSchema {
  // "input": what may be written in the file (before trimming), which is what an editor sees.
  return z.toJSONSchema(strictSchemas.collection, { target: 'draft-7', io: 'input' });
}

/** The schema file's text, formatted as Prettier formats the rest of the project. */
export async function rallyJsonSchemaText(): Promise<string> {
  const options = (await resolveConfig(rallySchemaPath)) ?? {};
  return format(JSON.stringify(rallyJsonSchema(), null, 2), { ...options, filepath: rallySchemaPath });
}
