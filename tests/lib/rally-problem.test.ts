import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem, type RallyProblem } from '../../src/lib/rally-problem.ts';

describe('formatPath', () => {
  it('writes keys as properties and indexes in brackets', () => {
    expect(formatPath(['properties', 'quotes', 1, 'text'])).toBe('.properties.quotes[1].text');
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['properties', 'local-name', 'a b', '1st'])).toBe('.properties["local-name"]["a b"]["1st"]');
  });

  it('quotes characters that would break the bracketed form', () => {
    expect(formatPath(['say "hi"'])).toBe('["say \\"hi\\""]');
  });

  it('writes an empty path as nothing', () => {
    expect(formatPath([])).toBe('');
  });
});

describe('formatProblem', () => {
  const problem = (overrides: Partial<RallyProblem>): RallyProblem => ({
    severity: 'error',
    featureIndex: null,
    featureId: null,
    path: [],
    message: 'must not be empty',
    ...overrides,
  });

  it('names the feature, its id and the field', () => {
    expect(
      formatProblem(
        problem({ featureIndex: 3, featureId: 'berlin', path: ['features', 3, 'properties', 'quotes', 1, 'text'] }),
      ),
    ).toBe('features[3] (berlin) .properties.quotes[1].text: must not be empty');
  });

  it('leaves out the id when the feature has no usable one', () => {
    expect(formatProblem(problem({ featureIndex: 0, path: ['features', 0, 'id'], message: 'is missing' }))).toBe(
      'features[0] .id: is missing',
    );
  });

  it('names only the feature when the problem is the whole feature', () => {
    expect(
      formatProblem(problem({ featureIndex: 2, path: ['features', 2], message: 'must be a GeoJSON Feature' })),
    ).toBe('features[2]: must be a GeoJSON Feature');
  });

  it('starts a problem outside any feature with its path', () => {
    expect(formatProblem(problem({ path: ['campaign', 'title'], message: 'is missing' }))).toBe(
      '.campaign.title: is missing',
    );
  });

  it('names the document when the problem has no path', () => {
    expect(formatProblem(problem({ message: 'must be a GeoJSON FeatureCollection' }))).toBe(
      '(document): must be a GeoJSON FeatureCollection',
    );
  });
});
