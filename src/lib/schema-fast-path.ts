import * as z from 'zod/mini';

/*
 * A faster way through a zod schema for input that is valid, derived from
 * the schema itself, so the rules exist once (rally-schema.ts).
 *
 * zod runs with `jitless` (rally-schema.ts: the app's CSP forbids
 * `new Function`), and its generic object and array code then costs about
 * 10 µs a rally, most of a 100,000-rally file's reading time. The fast path
 * walks the same schema objects: objects, arrays, `optional` and `nullable`
 * are followed here, exactly as zod's own code does on input without
 * problems; every other schema (strings, numbers, enums, their checks and
 * refinements) is run by zod itself, and every check on an object or array
 * is zod's own check function. The first problem anywhere makes it give up
 * and answer `notSure`, so the caller runs the schema with zod, which
 * describes the problems as always: only valid input ever takes this path.
 */

/** What a fast parser answers when it cannot vouch for the input: parse it with the schema itself. */
export const notSure: unique symbol = Symbol('not sure');

/** Parses what it can vouch for: exactly what `schema.safeParse(value).data` would be, or `notSure`. */
export type FastParser<T> = (value: unknown) => T | typeof notSure;

interface Payload {
  value: unknown;
  issues: unknown[];
}

interface ParseContext {
  async: false;
}

interface CheckInternals {
  def: { check?: string; when?: (payload: Payload) => boolean };
  check: (payload: Payload) => unknown;
}

interface SchemaInternals {
  def: {
    type: string;
    checks?: { _zod: CheckInternals }[];
    shape?: Record<string, Schema>;
    catchall?: Schema;
    element?: Schema;
    innerType?: Schema;
  };
  traits: Set<string>;
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  run: (payload: Payload, context: ParseContext) => Payload | Promise<Payload>;
  parse: (payload: Payload, context: ParseContext) => Payload | Promise<Payload>;
}

interface Schema {
  _zod: SchemaInternals;
}

/** One schema's fast step: its output for `value`, or `notSure`. */
type Step = (value: unknown, context: ParseContext) => unknown;

/** Schemas whose own `parse` (zod's, before its checks) is synchronous and reads nothing but the value. */
const leafTypes = new Set(['string', 'number', 'boolean', 'enum', 'literal']);

/** Thrown while building when a schema contains itself (`z.lazy`, a getter): such a schema is left to zod. */
class Recursive extends Error {}

/**
 * Builds the fast parser of `schema`. Its contract: whenever it returns a
 * value, `schema.safeParse(value)` succeeds with data equal to it (same
 * keys, in the same order); otherwise it returns `notSure`. It never throws
 * where `safeParse` would not.
 */
export function fastParser<T>(schema: z.ZodMiniType<T>): FastParser<T> {
  // A memoizing zod (cycle support) treats containers differently: leave everything to it.
  if (z.config().memoizer !== undefined) return () => notSure;
  let step: Step;
  try {
    step = stepFor(schema as unknown as Schema, new Set());
  } catch (error) {
    if (error instanceof Recursive) return () => notSure;
    throw error;
  }
  return (value) => step(value, { async: false }) as T | typeof notSure;
}

/** zod's own run of `schema`: its output when it finds no problem, else `notSure`. */
function runByZod(schema: Schema): Step {
  return (value, context) => {
    const result = schema._zod.run({ value, issues: [] }, context);
    return result instanceof Promise || result.issues.length > 0 ? notSure : result.value;
  };
}

/** The checks zod runs after parsing `schema`: itself first when it is a check too (as a string format is). */
function checksOf(schema: Schema): { _zod: CheckInternals }[] {
  const own = schema._zod.def.checks ?? [];
  const all = schema._zod.traits.has('$ZodCheck') ? [schema as unknown as { _zod: CheckInternals }, ...own] : own;
  // `meta` and `describe` only feed the editors' JSON Schema; their check function does nothing.
  return all.filter((check) => check._zod.def.check !== 'meta' && check._zod.def.check !== 'describe');
}

/**
 * zod runs every schema as its `parse` and then its checks (`$ZodType`'s
 * `run`). The step does the same: the parse of a container is followed
 * here, a leaf's is zod's own; the checks are zod's own functions.
 */
function stepFor(schema: Schema, building: Set<Schema>): Step {
  if (building.has(schema)) throw new Recursive();
  building.add(schema);
  try {
    const parse = parseStep(schema, building);
    return parse === null ? runByZod(schema) : withChecks(parse, checksOf(schema));
  } finally {
    building.delete(schema);
  }
}

function parseStep(schema: Schema, building: Set<Schema>): Step | null {
  const { def, traits } = schema._zod;
  if (leafTypes.has(def.type)) return leafStep(schema);
  if (def.type === 'object' && traits.has('$ZodObject')) return objectStep(schema, building);
  if (def.type === 'array' && traits.has('$ZodArray') && def.element) return arrayStep(def.element, building);
  if (def.type === 'nullable' && traits.has('$ZodNullable') && def.innerType) {
    const inner = stepFor(def.innerType, building);
    return (value, context) => (value === null ? null : inner(value, context));
  }
  if (
    def.type === 'optional' &&
    traits.has('$ZodOptional') &&
    !traits.has('$ZodExactOptional') &&
    def.innerType &&
    def.innerType._zod.optin !== 'defaulted'
  ) {
    const inner = stepFor(def.innerType, building);
    return (value, context) => (value === undefined ? undefined : inner(value, context));
  }
  return null;
}

/**
 * A leaf's own parse (for a string: is it a string?). Steps are never
 * re-entered (a schema that contains itself is refused), so each keeps one
 * payload and reading a valid value allocates nothing.
 */
function leafStep(schema: Schema): Step {
  const payload: Payload = { value: undefined, issues: [] };
  const parse = schema._zod.parse;
  return (value, context) => {
    payload.value = value;
    const result = parse(payload, context);
    if (result instanceof Promise || payload.issues.length > 0) {
      // Left clean for the next value (emptied by a new array: setting `length` is far slower).
      payload.issues = [];
      return notSure;
    }
    return result.value;
  };
}

/** `parse`, then the schema's checks on its output, as zod's `runChecks` does when no problem has been found. */
function withChecks(parse: Step, checks: { _zod: CheckInternals }[]): Step {
  if (checks.length === 0) return parse;
  const payload: Payload = { value: undefined, issues: [] };
  return (value, context) => {
    const parsed = parse(value, context);
    if (parsed === notSure) return notSure;
    payload.value = parsed;
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when && !when(payload)) continue;
      const result = check._zod.check(payload);
      // An async check makes zod's synchronous parse throw: let zod do that.
      if (result instanceof Promise || payload.issues.length > 0) {
        payload.issues = [];
        return notSure;
      }
    }
    return payload.value;
  };
}

function arrayStep(element: Schema, building: Set<Schema>): Step {
  const item = stepFor(element, building);
  return (value, context) => {
    if (!Array.isArray(value)) return notSure;
    const output: unknown[] = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) {
      const parsed = item(value[index], context);
      if (parsed === notSure) return notSure;
      output[index] = parsed;
    }
    return output;
  };
}

/** zod's `$ZodObject` parse on input without problems: declared keys in shape order, then the unknown-key check. */
function objectStep(schema: Schema, building: Set<Schema>): Step | null {
  const { shape, catchall } = schema._zod.def;
  if (shape === undefined || Object.getOwnPropertySymbols(shape).length > 0) return null;
  // Strict (`never`: unknown keys are problems) or stripping (none): anything else is left to zod.
  const strict = catchall !== undefined;
  if (strict && catchall._zod.def.type !== 'never') return null;
  const known = new Set(Object.keys(shape));
  const fields = Object.keys(shape)
    .filter((key) => key !== '__proto__')
    .map((key) => {
      const field = shape[key] as Schema;
      return { key, step: stepFor(field, building), optin: field._zod.optin, optout: field._zod.optout };
    });
  return (value, context) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return notSure;
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (let index = 0; index < fields.length; index += 1) {
      const { key, step, optin, optout } = fields[index] as (typeof fields)[number];
      const present = key in input;
      if (!present) {
        // An absent optional key adds nothing; any other absent key is a problem.
        if (optin === 'optional' && optout === 'optional') continue;
        if (optin === undefined) return notSure;
      }
      const parsed = step(input[key], context);
      if (parsed === notSure) return notSure;
      if (parsed !== undefined) output[key] = parsed;
      else if (present || (optin === 'defaulted' && optout !== 'optional')) output[key] = undefined;
    }
    if (strict) {
      // The same walk as zod's: every enumerable key, own or inherited.
      for (const key in input) if (!known.has(key)) return notSure;
    }
    return output;
  };
}
