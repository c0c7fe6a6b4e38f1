/**
 * The fast path must agree with zod: whatever it returns is exactly what
 * `safeParse` returns (the same values, keys in the same order), and on
 * anything zod would report it answers `notSure`. Checked on small schemas
 * that use each kind of schema it follows, and at random on damaged copies
 * of the real rallies' properties.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { strictSchemas } from '../../src/lib/rally-schema.ts';
import { fastParser, notSure } from '../../src/lib/schema-fast-path.ts';
import { pathsOf, readRallyDocument } from './rally-fixtures.ts';

/** The object's keys at every depth, in order: `toStrictEqual` ignores key order, and the fast path must keep it. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value !== 'object' || value === null) return null;
  return Object.entries(value).map(([key, child]) => [key, keyOrder(child)]);
}

/** Expects the fast parser of `schema` to give what zod gives, or `notSure` where zod reports a problem. */
function expectAgreement(schema: z.ZodMiniType, value: unknown): void {
  const fast = fastParser(schema)(value);
  const zod = schema.safeParse(value);
  if (!zod.success) {
    expect(fast).toBe(notSure);
    return;
  }
  if (fast === notSure) return;
  expect(fast).toStrictEqual(zod.data);
  expect(keyOrder(fast)).toEqual(keyOrder(zod.data));
}

const text = z.string().check(z.trim(), z.regex(/\S/, 'must not be empty'));
const small = z.strictObject({
  name: text,
  note: z.optional(text),
  venue: z.nullable(text),
  count: z.optional(z.int().check(z.gte(0))),
  kind: z.enum(['a', 'b']),
  flags: z.array(z.boolean()),
  inner: z.object({ title: text }),
});

const validSmall = { kind: 'a', name: ' Oslo ', venue: null, flags: [true], inner: { title: 'x', extra: 1 } };

describe('fastParser', () => {
  it('returns what zod returns for valid input: trimmed text, absent optional keys left out, unknown keys of a plain object dropped', () => {
    const fast = fastParser(small)(validSmall);
    expect(fast).toStrictEqual({ name: 'Oslo', venue: null, kind: 'a', flags: [true], inner: { title: 'x' } });
    expectAgreement(small, validSmall);
  });

  it('keeps a present optional key holding undefined, as zod does', () => {
    const value = { ...validSmall, note: undefined };
    expect(Object.keys(fastParser(small)(value) as object)).toContain('note');
    expectAgreement(small, value);
  });

  it.each([
    ['an unknown key on a strict object', { ...validSmall, colour: 'blue' }],
    ['a missing required key', { ...validSmall, name: undefined }],
    ['a wrong type', { ...validSmall, flags: [1] }],
    ['a failed check', { ...validSmall, name: '   ' }],
    ['a failed check in an optional field', { ...validSmall, count: -1 }],
    ['a value outside an enum', { ...validSmall, kind: 'c' }],
    ['an array for an object', [validSmall]],
    ['null', null],
  ])('answers notSure on %s', (_, value) => {
    expect(fastParser(small)(value)).toBe(notSure);
    expectAgreement(small, value);
  });

  it('counts an inherited enumerable key as unknown on a strict object, as zod does', () => {
    const value = Object.create({ colour: 'blue' }) as Record<string, unknown>;
    Object.assign(value, validSmall);
    expect(fastParser(small)(value)).toBe(notSure);
    expect(small.safeParse(value).success).toBe(false);
  });

  it('runs refinements on objects, with their paths', () => {
    const dated = z.strictObject({ from: z.int(), to: z.int() }).check(
      z.superRefine((value, context) => {
        if (value.to < value.from) context.issues.push({ code: 'custom', input: value, path: ['to'], message: 'x' });
      }),
    );
    expect(fastParser(dated)({ from: 1, to: 2 })).toStrictEqual({ from: 1, to: 2 });
    expect(fastParser(dated)({ from: 2, to: 1 })).toBe(notSure);
  });

  it('answers notSure for a schema that contains itself, without looping', () => {
    const tree = z.strictObject({
      name: z.string(),
      get children() {
        return z.array(tree);
      },
    });
    expect(fastParser(tree)({ name: 'a', children: [] })).toBe(notSure);
  });

  it('answers notSure on an async refinement, so zod is the one to refuse it', () => {
    const remote = z.string().check(z.refine(async () => Promise.resolve(true)));
    expect(fastParser(remote)('x')).toBe(notSure);
    expect(() => remote.safeParse('x')).toThrow();
  });

  it('vouches for every real rally, and gives what the strict schema gives', () => {
    const features = readRallyDocument().features as { properties: unknown }[];
    for (const { properties } of features) {
      expect(fastParser(strictSchemas.rallyProperties)(properties)).not.toBe(notSure);
      expectAgreement(strictSchemas.rallyProperties, properties);
    }
  });
});

/** A real rally's properties (London: quotes, photos, attendance) as a JSON value. */
const london = (readRallyDocument().features as { properties: Record<string, unknown> }[])[0]?.properties ?? {};

const paths = pathsOf(london).filter((path) => path.length > 0);

const nearlyValid = fc.constantFrom<unknown>(
  '',
  ' padded ',
  null,
  undefined,
  0,
  -1,
  1.5,
  'venue',
  'city',
  'GB',
  'gb',
  'en',
  '2018-04-07',
  '2018-02-30',
  'photos/a.jpg',
  'photos/a.svg',
  'http://example.org/',
  'https://example.org/',
  [],
  {},
  { text: 'x', speaker: 'y', role: 'z', lang: 'en' },
  { caption: 'c', credit: 'd', alt: 'a', src: 'photos/a.jpg', width: 2, height: 1 },
);

/** London's properties with up to three values replaced, removed or added (an unknown key). */
const damaged = fc
  .array(
    fc.record({
      path: fc.constantFrom(...paths),
      value: fc.oneof(nearlyValid, fc.jsonValue({ maxDepth: 2 })),
      remove: fc.boolean(),
      rename: fc.constantFrom(null, 'colour', '__proto__'),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((changes) => {
    const properties = structuredClone(london);
    for (const { path, value, remove, rename } of changes) {
      let parent: unknown = properties;
      for (const segment of path.slice(0, -1)) {
        parent = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[segment] : null;
      }
      if (typeof parent !== 'object' || parent === null) continue;
      const key = rename ?? (path.at(-1) as string | number);
      if (remove && rename === null) Reflect.deleteProperty(parent, key);
      else Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return properties;
  });

describe('fastParser on damaged rallies', () => {
  it('never disagrees with the strict schema: the same data, or notSure where zod finds a problem', () => {
    fc.assert(
      fc.property(damaged, (properties) => {
        expectAgreement(strictSchemas.rallyProperties, properties);
      }),
      { numRuns: 500 },
    );
  });

  it('never disagrees with the lenient schema (unknown keys dropped) either', () => {
    const lenient = z.object(strictSchemas.rallyProperties.def.shape);
    fc.assert(
      fc.property(damaged, (properties) => {
        expectAgreement(lenient, properties);
      }),
      { numRuns: 200 },
    );
  });
});
