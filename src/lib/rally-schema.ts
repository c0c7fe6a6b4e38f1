import * as z from 'zod/mini';
import { isSafePhotoSource, isSafeSourceUrl } from './safe-url.ts';

// Content-Security-Policy: the app runs under `script-src 'self'`, with no
// 'unsafe-eval'. zod can compile a fast parser for object schemas with
// `new Function` (after probing for it, which a strict CSP reports as a
// violation even though zod catches the error). zod/mini's objects do not do
// this today; jitless mode guarantees that no schema ever does, whatever zod
// build or version is used. zod reads the flag when a schema is built, so it
// is set here, before any schema below exists (tests/lib/rally-schema-csp.test.ts).
// It applies in Node too (tests, validator).
z.config({ jitless: true });

/** Coordinates with more decimals than this are reported as a warning (6 decimals ≈ 0.1 m). */
export const maxCoordinateDecimals = 6;

/** Where a `$schema` member in the rally file points to get editor help; see data/rallies.schema.json. */
export const rallySchemaFileName = 'rallies.schema.json';

const emptyMessage = 'must not be empty';
const dateMessage = 'must be a date in the form YYYY-MM-DD';
const countryMessage = 'must be an ISO 3166-1 alpha-2 code such as "GB"';
const languageMessage = 'must be a language tag such as "en" or "pt-BR"';
/** What an id that is not a slug is told. */
export const slugMessage = 'must be a slug of lowercase letters, digits and single hyphens, such as "mexico-city"';
const photoSourceMessage = 'must be a relative path under photos/ or an https: URL';
const svgMessage = 'must not be an SVG file (an SVG image can carry scripts): use JPEG, PNG or WebP';

// `description` and `patternErrorMessage` only feed the JSON Schema that
// editors use (data/rallies.schema.json): hover help and readable messages.
// They change nothing at run time.
/** A field's description, for the editors' JSON Schema only. */
export const described = (description: string) => z.meta({ description });

/** Text with at least one visible character. Leading and trailing whitespace is trimmed. */
const nonEmptyText = (description: string) =>
  z.string().check(z.trim(), z.regex(/\S/, emptyMessage), z.meta({ description, patternErrorMessage: emptyMessage }));

const isoDate = (description: string) =>
  z.iso.date({ error: dateMessage }).check(z.meta({ description, patternErrorMessage: dateMessage }));

const languageTag = () =>
  z.string().check(
    z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, languageMessage),
    z.meta({
      description: 'The language of the text, as a language tag: "en".',
      patternErrorMessage: languageMessage,
    }),
  );

/** The scheme a value starts with ("http", "javascript"), as written, or null. */
function writtenScheme(value: string): string | null {
  return /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase() ?? null;
}

const photoSourceText = () =>
  z.string().check(
    z.superRefine((value, context) => {
      if (isSafePhotoSource(value)) return;
      const svg = /\.svgz?(?:$|[?#])/i.test(value);
      const scheme = writtenScheme(value);
      const message = svg
        ? svgMessage
        : scheme !== null && scheme !== 'https'
          ? `${photoSourceMessage} (not ${scheme}:)`
          : photoSourceMessage;
      context.issues.push({ code: 'custom', input: value, message });
    }),
    z.meta({
      description:
        'A file under public/photos/ ("photos/london-1.jpg") or an https: URL. Not SVG. Needs width and height.',
      // An approximation of isSafePhotoSource for editors; the validator is exact.
      pattern:
        '^(?![\\s\\S]*\\.[sS][vV][gG][zZ]?(?:$|[?#]))(?:https://[^\\s/?#]+[^\\s]*|photos/[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*)$',
      patternErrorMessage: `${photoSourceMessage}, and not SVG`,
    }),
  );

const httpsUrl = () =>
  z.string().check(
    z.superRefine((value, context) => {
      if (isSafeSourceUrl(value)) return;
      const scheme = writtenScheme(value.trim());
      const message =
        scheme !== null && scheme !== 'https' ? `must be an https: URL (not ${scheme}:)` : 'must be an https: URL';
      context.issues.push({ code: 'custom', input: value, message });
    }),
    z.meta({
      description: 'The address of the source; must start with https://.',
      pattern: '^https://[^\\s/?#]+[^\\s]*$',
      patternErrorMessage: 'must be an https: URL',
    }),
  );

const wholeNumber = (minimum: number, message: string, description: string) =>
  z.int().check(z.gte(minimum, message), described(description));

type ObjectFactory = typeof z.strictObject;

/**
 * Builds every schema with one object factory, so the same rules exist in a
 * strict form (unknown fields are reported) and a lenient form (unknown fields
 * are dropped). Unknown fields are usually typos, so they are warned about,
 * but they never cost a rally its place on the map.
 *
 * These are the schemas the parser (parse-rallies.ts) runs. The schemas of
 * the FeatureCollection, its features and their geometries exist only for
 * the editors' JSON Schema, in scripts/lib/rally-json-schema.ts.
 */
function buildSchemas(object: ObjectFactory) {
  const quote = object({
    text: nonEmptyText('The verbatim passage: one paragraph of the source, never translated.'),
    speaker: nonEmptyText('Who said it.'),
    role: nonEmptyText('Their role or organisation.'),
    lang: languageTag(),
  }).check(described('A passage quoted verbatim from a published source, with who said it.'));

  const photo = object({
    caption: nonEmptyText('The caption the source gives the photo.'),
    credit: nonEmptyText('The photographer, shown as "Photo: <credit>".'),
    alt: nonEmptyText('What the picture shows, for people who cannot see it.'),
    src: z.optional(photoSourceText()),
    width: z.optional(wholeNumber(1, 'must be at least 1', 'The width of the image file, in pixels.')),
    height: z.optional(wholeNumber(1, 'must be at least 1', 'The height of the image file, in pixels.')),
  }).check(
    z.superRefine((value, context) => {
      // Without its intrinsic size an image shifts the layout when it loads.
      if (value.src === undefined) return;
      for (const field of ['width', 'height'] as const) {
        if (value[field] === undefined) {
          context.issues.push({
            code: 'custom',
            input: value,
            path: [field],
            message: 'is required when the photo has a src',
          });
        }
      }
    }),
    z.meta({
      description: 'A photo from the rally. Without src it is shown as its caption and credit only.',
      // JSON Schema (draft 7) form of the check above, for editors.
      dependencies: { src: ['width', 'height'] },
    }),
  );

  const source = object({
    title: nonEmptyText('The title of the article or page.'),
    publisher: nonEmptyText('Who published it.'),
    url: httpsUrl(),
    note: z.optional(nonEmptyText('Anything a reader should know about this source.')),
  }).check(described('A published source for the facts.'));

  const attendance = object({
    text: nonEmptyText('The crowd as the source reports it: "about 50 people".'),
    count: z.optional(wholeNumber(0, 'must not be negative', 'The number in the text, when it gives one.')),
    approximate: z.optional(z.boolean().check(described('true when the source gives the number as approximate.'))),
  }).check(described('Attendance as reported.'));

  const rallyProperties = object({
    name: nonEmptyText('The city’s English name.'),
    localName: z.optional(nonEmptyText('The local name, where it differs: "München".')),
    country: z
      .string()
      .check(
        z.regex(/^[A-Z]{2}$/, countryMessage),
        z.meta({ description: 'ISO 3166-1 alpha-2 country code: "GB", "DE".', patternErrorMessage: countryMessage }),
      ),
    date: isoDate('The day of the rally, YYYY-MM-DD.'),
    venue: z.nullable(nonEmptyText('Where the rally was; null when the source does not report it.')),
    locationPrecision: z
      .enum(['venue', 'city'], { error: 'must be "venue" or "city"' })
      .check(described('Whether the point marks the venue or only the city centre. "venue" needs a venue.')),
    locationNote: z.optional(nonEmptyText('Where the coordinates come from.')),
    attendance: z.nullable(attendance),
    quotes: z.array(quote).check(described('Verbatim passages from this rally; empty when none are reported.')),
    photos: z.array(photo).check(described('Photos from this rally; empty when none are reported.')),
    sources: z.array(source).check(described('Where the facts come from.')),
  }).check(
    z.superRefine((value, context) => {
      if (value.locationPrecision === 'venue' && value.venue === null) {
        context.issues.push({
          code: 'custom',
          input: value,
          path: ['locationPrecision'],
          message: 'is "venue", but no venue is reported (venue is null): use "city", or name the venue',
        });
      }
    }),
    z.meta({
      description: 'What the source reports about this rally.',
      // JSON Schema (draft 7) form of the check above, for editors.
      if: { properties: { locationPrecision: { const: 'venue' } }, required: ['locationPrecision'] },
      then: { properties: { venue: { type: 'string' } } },
    }),
  );

  const campaign = object({
    title: nonEmptyText('The title shown at the top of the page.'),
    date: isoDate('The day of action, YYYY-MM-DD.'),
    summary: nonEmptyText('What happened, in the source’s words as far as possible.'),
    attendance: z.optional(nonEmptyText('The overall figure as reported.')),
    calledBy: z.array(object({ name: nonEmptyText('An organisation.') })).check(described('Who called the rallies.')),
    quotes: z.array(quote).check(described('Campaign-level quotes not tied to one city.')),
    source: source,
    notes: z.optional(
      z.array(nonEmptyText('A note.')).check(described('How facts were derived, e.g. the reasoning behind the date.')),
    ),
  }).check(described('Campaign-level facts: a foreign member of the FeatureCollection.'));

  return { quote, photo, source, attendance, rallyProperties, campaign };
}

/** Schemas that report unknown fields as `unrecognized_keys` issues. */
export const strictSchemas = buildSchemas(z.strictObject);
/** The same schemas with unknown fields silently dropped. */
export const lenientSchemas = buildSchemas(z.object);

/** A passage quoted verbatim from the source, with who said it. */
export type Quote = z.infer<typeof strictSchemas.rallyProperties>['quotes'][number];
/** A photo's caption and credit; `src` (with its size) only when the file ships with the app. */
export type Photo = z.infer<typeof strictSchemas.rallyProperties>['photos'][number];
/** A published source for a fact in the data. */
export type Source = z.infer<typeof strictSchemas.rallyProperties>['sources'][number];
/** Attendance as the source reports it; `null` on a rally means not reported. */
export type Attendance = NonNullable<z.infer<typeof strictSchemas.rallyProperties>['attendance']>;
/** The campaign-level facts stored as a foreign member of the FeatureCollection. */
export type Campaign = z.infer<typeof strictSchemas.campaign>;

/** One validated rally: a feature's id and position plus its properties. */
export type Rally = z.infer<typeof strictSchemas.rallyProperties> & {
  /** Stable id, also the city's URL slug. */
  id: string;
  longitude: number;
  latitude: number;
};
