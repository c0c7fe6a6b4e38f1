import type * as z from 'zod/mini';
import { bboxProblem, forbiddenMembers, type GeoJsonObjectKind } from './geojson-rules.ts';
import type { PathSegment, RallyProblem } from './rally-problem.ts';
import {
  lenientSchemas,
  maxCoordinateDecimals,
  rallySchemaFileName,
  strictSchemas,
  type Campaign,
  type Rally,
} from './rally-schema.ts';
import { unreportedDate } from './format-date.ts';
import { fastParser, notSure, type FastParser } from './schema-fast-path.ts';
import { missingFieldMessage, slugFromName, withMissingFields } from './missing-fields.ts';
import { slugPattern } from './slug.ts';

/*
 * The one place rally data is validated, in the browser (src/state/load-rallies.ts)
 * and in `npm run validate` (scripts/lib/validate-rally-file.ts) alike, with the
 * schemas in rally-schema.ts, so the two agree on every rule but these, which
 * only the validator checks because they need the raw text, Node or data the
 * browser does not ship (see scripts/):
 * - duplicate keys in an object: JSON.parse silently keeps the last one, so
 *   they are found in the raw text (scripts/lib/json-locations.ts);
 * - each point inside the country it declares, from Natural Earth shapes
 *   (scripts/lib/country-check.ts);
 * - a photo's `src` naming a file that exists under public/ (scripts/lib/photo-files.ts).
 * JSON syntax errors are found by both, but only the validator locates them
 * and explains them (scripts/lib/json-syntax.ts).
 */

/** What a rally file yields: everything valid in it, and a list of everything wrong. */
export interface RallyCollection {
  /** The campaign-level facts, or `null` when they are missing or invalid. */
  campaign: Campaign | null;
  /** Valid rallies, in file order. A feature with any error is left out. */
  rallies: Rally[];
  problems: RallyProblem[];
}

/** The outcome of decoding a rally file's text as JSON. */
export type DecodeResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Decodes a rally file's text. Never throws: a syntax error (a truncated file,
 * a trailing comma, an HTML error page) comes back as a message.
 */
export function decodeRallyJson(text: string): DecodeResult {
  const body = stripByteOrderMark(text);
  if (body.trim() === '') return { ok: false, message: 'the file is empty' };
  if (/^\s*</.test(body)) {
    return { ok: false, message: 'the server sent a web page (HTML) instead of the rally data (JSON)' };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, message: `the data is not valid JSON (${(error as Error).message})` };
  }
}

/**
 * Decodes a rally file's bytes (UTF-8) and validates it: the collection, or
 * the decoding error's message. Never throws.
 */
export function parseRallyBytes(
  bytes: ArrayBuffer,
): { ok: true; collection: RallyCollection } | { ok: false; message: string } {
  try {
    const decoded = decodeRallyJson(new TextDecoder().decode(bytes));
    return decoded.ok ? { ok: true, collection: parseRallyCollection(decoded.value) } : decoded;
  } catch (error) {
    // A last guard: nothing in reading a file should throw, but running out of stack or memory on a hostile one can.
    return { ok: false, message: describeReadFailure(error) };
  }
}

/** What went wrong when reading a file threw: in plain words for running out of stack or memory. */
export function describeReadFailure(error: unknown): string {
  if (error instanceof RangeError) return 'the file is too large or too deeply nested to read';
  return error instanceof Error ? error.message : String(error);
}

/** The text without its leading byte-order mark, if it has one: invisible in editors and harmless, so it is skipped. */
export function stripByteOrderMark(text: string): string {
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id a feature is known by in problems and links: its `id` when that is a valid slug, else null. */
export function usableFeatureId(feature: unknown): string | null {
  return isRecord(feature) && typeof feature.id === 'string' && slugPattern.test(feature.id) ? feature.id : null;
}

/**
 * A feature's [longitude, latitude] when its geometry is a Point whose
 * coordinates are two or three numbers in range (what the map can place), else null.
 */
export function featurePosition(feature: unknown): [number, number] | null {
  if (!isRecord(feature) || !isRecord(feature.geometry) || feature.geometry.type !== 'Point') return null;
  const coordinates = feature.geometry.coordinates;
  if (checkCoordinates(coordinates) !== null) return null;
  const [longitude, latitude] = coordinates as [number, number];
  return [longitude, latitude];
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return typeof value;
}

/** A value as the message quotes it: a short literal as written, anything else by its type (never the whole value). */
function describeLiteral(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string')
    return value.length > 60 ? `${JSON.stringify(value.slice(0, 60))}…` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return describeType(value);
}

const expectedNames: Record<string, string> = {
  string: 'text (a string)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    // Own properties only: a key such as "__proto__" must not reach the prototype.
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  if (issue.code === 'invalid_type') {
    if (value === undefined) return 'is missing';
    if (issue.expected === 'int' && typeof value === 'number') return 'must be a whole number';
    const expected = expectedNames[issue.expected] ?? issue.expected;
    return `must be ${expected}, not ${describeType(value)}`;
  }
  if (issue.code === 'invalid_union') {
    return `must be ${expectedNames.null} or a valid value, not ${describeType(value)}`;
  }
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  return 'is not valid';
}

type Schema<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } };
};

// The strict schemas' fast paths: a valid value is read several times faster; anything else goes through zod.
const fastCampaign = fastParser(strictSchemas.campaign);
const fastRallyProperties = fastParser(strictSchemas.rallyProperties);

/**
 * Validates `value`, reporting every problem under `basePath`. Errors come
 * from the lenient schema; unknown fields, found by the strict schema, are
 * warnings, so a typo'd extra field never costs the rally its place.
 */
function validate<T>(
  fast: FastParser<T>,
  strict: Schema<T>,
  lenient: Schema<T>,
  value: unknown,
  basePath: PathSegment[],
  report: (severity: RallyProblem['severity'], path: PathSegment[], message: string) => void,
): T | null {
  // What the fast path vouches for is exactly what the strict schema would return; it never reports anything.
  const fastResult = fast(value);
  if (fastResult !== notSure) return fastResult;
  const strictResult = strict.safeParse(value);
  if (strictResult.success) return strictResult.data;
  // The strict parse may skip checks (such as a photo's width and height)
  // once it has found an unknown field, so errors are taken from the lenient one.
  const lenientResult = lenient.safeParse(value);
  if (!lenientResult.success) {
    for (const issue of lenientResult.error.issues) {
      report('error', [...basePath, ...(issue.path as PathSegment[])], describeIssue(issue, value));
    }
  }
  for (const issue of strictResult.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      report(
        'warning',
        [...basePath, ...(issue.path as PathSegment[]), key],
        'is not a known field and is ignored (a typo?)',
      );
    }
  }
  return lenientResult.success ? lenientResult.data : null;
}

/** How many decimal places a number is written with in its shortest form: 13.405 has 3, 1.5e-7 has 8. */
export function decimalPlaces(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const text = String(value);
  // The usual case, without splitting strings: no exponent.
  if (!text.includes('e')) {
    const point = text.indexOf('.');
    return point === -1 ? 0 : text.length - point - 1;
  }
  const [mantissa = '', exponent = '0'] = text.split('e');
  const fractionDigits = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fractionDigits - Number(exponent));
}

/**
 * True when `value` has at most `maxCoordinateDecimals` decimal places (as
 * `decimalPlaces` counts them), found without writing the number out: the
 * usual case, so `decimalPlaces` runs only for the rest. If the number is
 * the nearest double to k / 10⁶ for a whole k (10⁶ for 6 places), that
 * decimal, with at most 6 places, reads back as the number, and so does its
 * shortest form, which has no more places.
 */
function hasAtMostMaxDecimals(value: number): boolean {
  const scaled = Math.round(value * decimalScale);
  return Math.abs(scaled) < Number.MAX_SAFE_INTEGER && scaled / decimalScale === value;
}

const decimalScale = 10 ** maxCoordinateDecimals;

function checkCoordinates(coordinates: unknown): { message: string; index?: number } | null {
  if (!Array.isArray(coordinates))
    return { message: `must be an array [longitude, latitude], not ${describeType(coordinates)}` };
  if (coordinates.length < 2 || coordinates.length > 3) {
    return { message: `must hold 2 numbers [longitude, latitude] (or 3 with altitude), not ${coordinates.length}` };
  }
  for (const [index, number] of coordinates.entries()) {
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      return { index, message: `must be a number, not ${describeType(number)}` };
    }
  }
  const [longitude, latitude] = coordinates as number[];
  if (latitude === undefined || longitude === undefined) return null;
  const swapHint =
    Math.abs(longitude) <= 90 && Math.abs(latitude) <= 180 ? ' (did you swap longitude and latitude?)' : '';
  if (longitude < -180 || longitude > 180)
    return { index: 0, message: `longitude must be between -180 and 180, not ${longitude}${swapHint}` };
  if (latitude < -90 || latitude > 90)
    return { index: 1, message: `latitude must be between -90 and 90, not ${latitude}${swapHint}` };
  return null;
}

/**
 * Reports what RFC 7946 forbids on any GeoJSON object of this kind: another
 * kind's members (§7.1) and a malformed `bbox` (§5). True when it reported any.
 */
function checkGeoJsonObject(
  object: Record<string, unknown>,
  kind: GeoJsonObjectKind,
  basePath: PathSegment[],
  report: (path: PathSegment[], message: string) => void,
): boolean {
  let reported = false;
  for (const { key, message } of forbiddenMembers(object, kind)) {
    report([...basePath, key], message);
    reported = true;
  }
  if (Object.hasOwn(object, 'bbox')) {
    const problem = bboxProblem(object.bbox);
    if (problem) {
      const path = [...basePath, 'bbox'];
      report(problem.index === undefined ? path : [...path, problem.index], problem.message);
      reported = true;
    }
  }
  return reported;
}

/**
 * Parses and validates a decoded rally file. Never throws. Every problem names
 * its feature and field; features with errors are dropped and all the others
 * are kept, so one bad edit never hides the rest of the map.
 */
export function parseRallyCollection(input: unknown): RallyCollection {
  const problems: RallyProblem[] = [];
  const rallies: Rally[] = [];
  const documentProblem = (path: PathSegment[], message: string, severity: RallyProblem['severity'] = 'error') =>
    problems.push({ severity, featureIndex: null, featureId: null, path, message });

  if (!isRecord(input)) {
    documentProblem([], `must be a GeoJSON FeatureCollection (an object), not ${describeType(input)}`);
    return { campaign: null, rallies, problems };
  }
  if (input.type !== 'FeatureCollection') {
    documentProblem(['type'], `must be "FeatureCollection", not ${describeLiteral(input.type)}`);
  }
  checkGeoJsonObject(input, 'FeatureCollection', [], (path, message) => documentProblem(path, message));
  if (Object.hasOwn(input, 'crs')) {
    documentProblem(['crs'], 'is not allowed: GeoJSON (RFC 7946) coordinates are always WGS 84 longitude, latitude');
  }
  // `$schema` points editors at data/rallies.schema.json; it means nothing to the map.
  if (Object.hasOwn(input, '$schema') && typeof input.$schema !== 'string') {
    documentProblem(
      ['$schema'],
      `must be text: the path or URL of the JSON Schema, such as "./${rallySchemaFileName}", not ${describeType(input.$schema)}`,
    );
  }

  const campaign = Object.hasOwn(input, 'campaign')
    ? validate(
        fastCampaign,
        strictSchemas.campaign,
        lenientSchemas.campaign,
        input.campaign,
        ['campaign'],
        (severity, path, message) => documentProblem(path, message, severity),
      )
    : // A plain GeoJSON of points has no campaign: the site shows a generic title until one is set.
      (documentProblem(
        ['campaign'],
        'is missing: a generic title is shown; set the campaign’s title, date, summary and source here',
        'warning',
      ),
      null);
  const campaignDate = campaign?.date ?? null;

  if (!Array.isArray(input.features)) {
    documentProblem(
      ['features'],
      input.features === undefined ? 'is missing' : `must be an array of features, not ${describeType(input.features)}`,
    );
    return { campaign, rallies, problems };
  }

  const seenIds = new Set<string>();
  // Spread, so a hole in a sparse array (never from JSON.parse) is reported as a missing feature, not skipped.
  [...(input.features as unknown[])].forEach((feature: unknown, featureIndex) => {
    // A feature with no id (a plain point from geojson.io or uMap) gets one made from its name.
    const nameForId =
      isRecord(feature) && feature.id === undefined && isRecord(feature.properties) ? feature.properties.name : null;
    const derivedId = typeof nameForId === 'string' ? uniqueId(slugFromName(nameForId), seenIds) : null;
    const featureId = usableFeatureId(feature) ?? derivedId;
    const base: PathSegment[] = ['features', featureIndex];
    const problemsBefore = problems.length;
    const report = (severity: RallyProblem['severity'], path: PathSegment[], message: string) => {
      problems.push({ severity, featureIndex, featureId, path, message });
    };

    if (!isRecord(feature)) {
      report('error', base, `must be a GeoJSON Feature (an object), not ${describeType(feature)}`);
      return;
    }
    if (feature.type !== 'Feature') {
      report('error', [...base, 'type'], `must be "Feature", not ${describeLiteral(feature.type)}`);
    }
    checkGeoJsonObject(feature, 'Feature', base, (path, message) => report('error', path, message));

    if (feature.id === undefined && derivedId !== null) {
      report(
        'warning',
        [...base, 'id'],
        `is missing: "${derivedId}", made from the name, is used in its link; set an id so the link never changes`,
      );
    } else if (feature.id === undefined) {
      report('error', [...base, 'id'], 'is missing: each rally needs an id such as "london", used in its link');
    } else if (featureId === null) {
      report(
        'error',
        [...base, 'id'],
        'must be a slug of lowercase letters, digits and single hyphens, such as "mexico-city"',
      );
    } else if (seenIds.has(featureId)) {
      report('error', [...base, 'id'], `"${featureId}" is already used by an earlier feature; ids must be unique`);
    }

    const geometry = feature.geometry;
    let position: [number, number] | null = null;
    if (!isRecord(geometry)) {
      report(
        'error',
        [...base, 'geometry'],
        geometry === undefined || geometry === null
          ? 'is missing: a rally needs a Point'
          : `must be an object, not ${describeType(geometry)}`,
      );
    } else if (
      checkGeoJsonObject(geometry, 'Geometry', [...base, 'geometry'], (path, message) => report('error', path, message))
    ) {
      // Reported; the position of a malformed geometry is not read.
    } else if (geometry.type !== 'Point') {
      report('error', [...base, 'geometry', 'type'], `must be "Point", not ${describeLiteral(geometry.type)}`);
    } else {
      const coordinateProblem = checkCoordinates(geometry.coordinates);
      if (coordinateProblem) {
        const path = [...base, 'geometry', 'coordinates'];
        report(
          'error',
          coordinateProblem.index === undefined ? path : [...path, coordinateProblem.index],
          coordinateProblem.message,
        );
      } else {
        const [longitude, latitude] = geometry.coordinates as [number, number];
        position = [longitude, latitude];
        [longitude, latitude].forEach((coordinate, index) => {
          if (hasAtMostMaxDecimals(coordinate)) return;
          const decimals = decimalPlaces(coordinate);
          if (decimals > maxCoordinateDecimals) {
            report(
              'warning',
              [...base, 'geometry', 'coordinates', index],
              `has ${decimals} decimals; ${maxCoordinateDecimals} (about 10 cm) are already more precise than a rally's place can be: round it`,
            );
          }
        });
      }
    }

    const completed = isRecord(feature.properties) ? withMissingFields(feature.properties, campaignDate) : null;
    for (const field of completed?.filled ?? []) {
      report('warning', [...base, 'properties', field], missingFieldMessage(field, campaignDate));
    }
    const properties = completed
      ? validate(
          fastRallyProperties,
          strictSchemas.rallyProperties,
          lenientSchemas.rallyProperties,
          completed.properties,
          [...base, 'properties'],
          report,
        )
      : (report(
          'error',
          [...base, 'properties'],
          feature.properties === undefined
            ? 'is missing'
            : `must be an object, not ${describeType(feature.properties)}`,
        ),
        null);

    if (featureId !== null) seenIds.add(featureId);
    if (hasError(problems, problemsBefore) || properties === null || position === null || featureId === null) return;
    // `properties` is the schema's output, a new object no one else holds: it becomes the rally in place, with the
    // keys in the order a copy (`{ ...properties, date, id, … }`) would have, at a fraction of a copy's cost.
    const rally = properties as Rally;
    if (completed?.dateUnreported) rally.date = unreportedDate;
    rally.id = featureId;
    rally.longitude = position[0];
    rally.latitude = position[1];
    rallies.push(rally);
  });

  return { campaign, rallies, problems };
}

/** True when a problem from `from` on is an error (no copy of the list, which grows with every warning). */
function hasError(problems: readonly RallyProblem[], from: number): boolean {
  for (let index = from; index < problems.length; index += 1) {
    if (problems[index]?.severity === 'error') return true;
  }
  return false;
}

/** `slug`, or `slug-2`, `slug-3` … when it is already taken. */
function uniqueId(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  let number = 2;
  while (taken.has(`${slug}-${number}`)) number++;
  return `${slug}-${number}`;
}
