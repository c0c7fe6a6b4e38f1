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
import { bboxProblem, membersNotAllowed, type GeoJsonObjectKind } from '../../src/lib/geojson-rules.ts';
import {
  described,
  lenientSchemas,
  rallySchemaFileName,
  slugMessage,
  strictSchemas,
} from '../../src/lib/rally-schema.ts';
import { slugPattern } from '../../src/lib/slug.ts';

/** A `bbox` member (RFC 7946 §5), checked as parse-rallies.ts checks it. */
const boundingBox = () =>
  z.optional(
    z.array(z.number()).check(
      z.superRefine((value, context) => {
        const problem = bboxProblem(value);
        if (problem) {
          context.issues.push({
            code: 'custom',
            input: value,
            path: problem.index === undefined ? [] : [problem.index],
            message: problem.message,
          });
        }
      }),
      z.meta({
        description: 'Optional bounding box (RFC 7946 §5): [west, south, east, north], or 6 numbers with altitudes.',
        minItems: 4,
        maxItems: 6,
      }),
    ),
  );

/** The members RFC 7946 §7.1 forbids on this kind of object, each as a member that must be absent. */
const forbiddenMemberShape = (kind: GeoJsonObjectKind) =>
  Object.fromEntries(
    membersNotAllowed[kind].map((key) => [
      key,
      z.optional(z.never().check(described(`Not allowed on a ${kind} (RFC 7946, section 7.1).`))),
    ]),
  );

/**
 * The schema of a whole rally file, GeoJSON included, from the parser's
 * schemas of a rally's properties and of the campaign. Only the JSON Schema
 * for editors needs it: the parser (src/lib/parse-rallies.ts) walks the
 * GeoJSON itself, to name each problem's feature. Loose objects: RFC 7946
 * allows foreign members on the collection, features and geometries.
 */
function buildCollectionSchema(schemas: typeof strictSchemas) {
  const longitude = z
    .number()
    .check(
      z.gte(-180, 'longitude must be between -180 and 180'),
      z.lte(180, 'longitude must be between -180 and 180'),
      described('Longitude, -180 to 180 (east is positive).'),
    );
  const latitude = z
    .number()
    .check(
      z.gte(-90, 'latitude must be between -90 and 90'),
      z.lte(90, 'latitude must be between -90 and 90'),
      described('Latitude, -90 to 90 (north is positive).'),
    );

  const point = z
    .looseObject({
      ...forbiddenMemberShape('Geometry'),
      bbox: boundingBox(),
      type: z.literal('Point'),
      coordinates: z
        .tuple([longitude, latitude, z.optional(z.number().check(described('Altitude in metres (ignored).')))])
        .check(described('[longitude, latitude]: longitude first (RFC 7946), WGS 84.')),
    })
    .check(described('A GeoJSON Point. Rallies are points; no other geometry is accepted.'));

  const feature = z
    .looseObject({
      ...forbiddenMemberShape('Feature'),
      bbox: boundingBox(),
      type: z.literal('Feature'),
      id: z.string().check(
        z.regex(slugPattern, slugMessage),
        z.meta({
          description: 'Stable id, also the city’s URL slug: "mexico-city". Unique.',
          patternErrorMessage: slugMessage,
        }),
      ),
      geometry: point,
      properties: schemas.rallyProperties,
    })
    .check(described('One rally.'));

  const collection = z
    .looseObject({
      $schema: z.optional(z.string().check(described('The JSON Schema for editors: "./rallies.schema.json".'))),
      ...forbiddenMemberShape('FeatureCollection'),
      bbox: boundingBox(),
      type: z.literal('FeatureCollection'),
      crs: z.optional(
        z.never().check(described('Not allowed: RFC 7946 coordinates are always WGS 84 longitude, latitude.')),
      ),
      campaign: schemas.campaign,
      features: z.array(feature).check(
        z.superRefine((features, context) => {
          // Not expressible in JSON Schema: editors do not report it, the validator does.
          const seen = new Set<string>();
          features.forEach((rally, index) => {
            if (seen.has(rally.id)) {
              context.issues.push({
                code: 'custom',
                input: rally.id,
                path: [index, 'id'],
                message: `"${rally.id}" is already used by an earlier feature; ids must be unique`,
              });
            }
            seen.add(rally.id);
          });
        }),
        described('The rallies, one feature each.'),
      ),
    })
    .check(
      z.meta({
        title: 'Rally map data',
        description:
          'An RFC 7946 GeoJSON FeatureCollection of rallies. Check it with `npm run validate`: it also checks what this schema cannot (unique ids, the country of each point, photo files).',
      }),
    );

  return collection;
}

/** The whole file's schema: strict reports unknown fields in a rally's properties; lenient drops them. */
export const collectionSchemas = {
  strict: buildCollectionSchema(strictSchemas),
  lenient: buildCollectionSchema(lenientSchemas),
};

/** Where the schema is written. */
export const rallySchemaPath = fileURLToPath(new URL(`../../data/${rallySchemaFileName}`, import.meta.url));

/** The schema as a JSON value. */
export function rallyJsonSchema(): z.core.JSONSchema.BaseSchema {
  // "input": what may be written in the file (before trimming), which is what an editor sees.
  return z.toJSONSchema(collectionSchemas.strict, { target: 'draft-7', io: 'input' });
}

/** The schema file's text, formatted as Prettier formats the rest of the project. */
export async function rallyJsonSchemaText(): Promise<string> {
  const options = (await resolveConfig(rallySchemaPath)) ?? {};
  return format(JSON.stringify(rallyJsonSchema(), null, 2), { ...options, filepath: rallySchemaPath });
}
