/**
 * The app runs under `script-src 'self'` (no 'unsafe-eval'): parsing the rally
 * file must never build code with `new Function`, nor even probe for it, or
 * the browser blocks it and reports a CSP violation. zod does both unless
 * `z.config({ jitless: true })` runs before the schemas are built, which
 * src/lib/rally-schema.ts does.
 *
 * This file swaps the global Function constructor for a recording one before
 * zod or the schemas are loaded, so it needs a fresh module graph: vitest runs
 * each test file in its own, and nothing here imports zod statically.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Type-only imports load nothing at run time.
import type * as ParseRallies from '../../src/lib/parse-rallies.ts';
import type * as Zod from 'zod/mini';
import { readRallyDocument, setAt } from './rally-fixtures.ts';

const compiled: string[] = [];
const RealFunction = globalThis.Function;
let modules: { parse: typeof ParseRallies; zod: typeof Zod };

beforeAll(async () => {
  globalThis.Function = new Proxy(RealFunction, {
    construct(target, args: string[]) {
      compiled.push(args.join(', '));
      return Reflect.construct(target, args);
    },
    apply(target, thisArg, args: string[]) {
      compiled.push(args.join(', '));
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  modules = {
    parse: await import('../../src/lib/parse-rallies.ts'),
    zod: await import('zod/mini'),
  };
});

afterAll(() => {
  globalThis.Function = RealFunction;
});

describe('zod under a strict Content-Security-Policy', () => {
  it('is configured jitless', () => {
    expect(modules.zod.config().jitless).toBe(true);
  });

  it('parses a good file and a bad one without ever calling the Function constructor', () => {
    const good = modules.parse.parseRallyCollection(readRallyDocument());
    expect(good.rallies).toHaveLength(8);
    const document = readRallyDocument();
    setAt(document, ['features', 0, 'properties', 'colour'], 'red');
    setAt(document, ['features', 1, 'properties', 'date'], 'soon');
    const bad = modules.parse.parseRallyCollection(document);
    expect(bad.problems).toHaveLength(2);
    // Parse again: zod compiles its fast path lazily, on a later parse.
    modules.parse.parseRallyCollection(readRallyDocument());
    expect(compiled).toEqual([]);
  });
});
