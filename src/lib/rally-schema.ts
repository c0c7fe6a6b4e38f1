import * as z from 'zod/mini';
import { isSafePhotoSource, isSafeSourceUrl } from './safe-url.ts';

/** A URL slug: lowercase letters and digits in groups joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nonEmptyText = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const languageTag = () =>
  z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"'));

type ObjectFactory = typeof z.strictObject;

/**
 * Builds every schema with one object factory, so the same rules exist in a
 * strict form (unknown fields are reported) and a lenient form (unknown fields
 * are dropped). Unknown fields are usually typos, so they are warned about,
 * but they never cost a rally its place on the map.
 */
function buildSchemas(object: ObjectFactory) {
  const quote = object({
    text: nonEmptyText(),
    speaker: nonEmptyText(),
    role: nonEmptyText(),
    lang: languageTag(),
  });

  const photo = object({
    caption: nonEmptyText(),
    credit: nonEmptyText(),
    alt: nonEmptyText(),
    src: z.optional(
      z.string().check(z.refine(isSafePhotoSource, 'must be a relative path under photos/ or an https: URL')),
    ),
    width: z.optional(z.int().check(z.gte(1, 'must be at least 1'))),
    height: z.optional(z.int().check(z.gte(1, 'must be at least 1'))),
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
  );

  const source = object({
    title: nonEmptyText(),
    publisher: nonEmptyText(),
    url: z.string().check(z.refine(isSafeSourceUrl, 'must be an https: URL')),
    note: z.optional(nonEmptyText()),
  });

  const attendance = object({
    text: nonEmptyText(),
    count: z.optional(z.int().check(z.gte(0, 'must not be negative'))),
    approximate: z.optional(z.boolean()),
  });

  const rallyProperties = object({
    name: nonEmptyText(),
    localName: z.optional(nonEmptyText()),
    country: z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "GB"')),
    date: z.iso.date({ error: 'must be a date in the form YYYY-MM-DD' }),
    venue: z.nullable(nonEmptyText()),
    locationPrecision: z.enum(['venue', 'city'], { error: 'must be "venue" or "city"' }),
    locationNote: z.optional(nonEmptyText()),
    attendance: z.nullable(attendance),
    quotes: z.array(quote),
    photos: z.array(photo),
    sources: z.array(source),
  });

  const campaign = object({
    title: nonEmptyText(),
    date: z.iso.date({ error: 'must be a date in the form YYYY-MM-DD' }),
    summary: nonEmptyText(),
    attendance: z.optional(nonEmptyText()),
    calledBy: z.array(object({ name: nonEmptyText() })),
    quotes: z.array(quote),
    source: source,
    notes: z.optional(z.array(nonEmptyText())),
  });

  return { rallyProperties, campaign };
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
