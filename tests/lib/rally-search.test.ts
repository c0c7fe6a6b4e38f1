import { describe, expect, it } from 'vitest';
import { filterRallyIndices, foldForSearch } from '../../src/lib/rally-search.ts';

const rallies = [
  { id: 'london', name: 'London' },
  { id: 'brasilia', name: 'Brasília', localName: 'Brasília' },
  { id: 'munich', name: 'Munich', localName: 'München' },
  { id: 'london-00042', name: 'London test copy 00042' },
];

describe('filterRallyIndices', () => {
  it('matches every rally, in list order, for an empty or blank query', () => {
    expect(filterRallyIndices(rallies, '')).toEqual([0, 1, 2, 3]);
    expect(filterRallyIndices(rallies, '   ')).toEqual([0, 1, 2, 3]);
  });

  it('matches names ignoring case and surrounding spaces', () => {
    expect(filterRallyIndices(rallies, '  LONDON ')).toEqual([0, 3]);
  });

  it('matches without accents, both ways', () => {
    expect(filterRallyIndices(rallies, 'brasilia')).toEqual([1]);
    expect(filterRallyIndices(rallies, 'Brasília')).toEqual([1]);
  });

  it('matches local names and ids', () => {
    expect(filterRallyIndices(rallies, 'münchen')).toEqual([2]);
    expect(filterRallyIndices(rallies, 'london-00042')).toEqual([3]);
  });

  it('matches nothing when nothing contains the query', () => {
    expect(filterRallyIndices(rallies, 'oslo')).toEqual([]);
  });
});

describe('foldForSearch', () => {
  it('lowers case and drops combining accents', () => {
    expect(foldForSearch('Ciudad de México')).toBe('ciudad de mexico');
    expect(foldForSearch('ROME')).toBe('rome');
  });
});
