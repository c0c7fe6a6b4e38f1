/** Errors drop the feature (or field) they name; warnings keep it. */
export type ProblemSeverity = 'error' | 'warning';

/** A step in a path through the JSON document: an object key or an array index. */
export type PathSegment = string | number;

/** One thing wrong with a rally file, precise enough to find and fix by hand. */
export interface RallyProblem {
  severity: ProblemSeverity;
  /** Index into `features`, or `null` for a problem outside any feature. */
  featureIndex: number | null;
  /** The feature's `id` when it has a usable one. */
  featureId: string | null;
  /** Path from the root of the document, e.g. `['features', 3, 'properties', 'quotes', 1, 'text']`. */
  path: PathSegment[];
  /** What is wrong, phrased to follow the field path: "must not be empty". */
  message: string;
}

/** Writes a path in JavaScript accessor form: `.properties.quotes[1].text`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(segment)
          ? `.${segment}`
          : `[${JSON.stringify(segment)}]`,
    )
    .join('');
}

/**
 * One line naming the feature, the field and the problem:
 * `features[3] (berlin) .properties.quotes[1].text: must not be empty`.
 * Problems outside any feature start with the path itself.
 */
export function formatProblem(problem: Pick<RallyProblem, 'featureIndex' | 'featureId' | 'path' | 'message'>): string {
  if (problem.featureIndex === null) {
    return `${formatPath(problem.path) || '(document)'}: ${problem.message}`;
  }
  const feature = `features[${problem.featureIndex}]${problem.featureId === null ? '' : ` (${problem.featureId})`}`;
  const field = formatPath(problem.path.slice(2));
  return `${feature}${field ? ` ${field}` : ''}: ${problem.message}`;
}
