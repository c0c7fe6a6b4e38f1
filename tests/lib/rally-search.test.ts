import { describe, expect, it } from 'vitest';
import { buildSearchIndex, foldForSearch, searchRallies } from '../../src/lib/rally-search.ts';

const rallies = [
  { id: 'london', name: 'London' },
  { id: 'brasilia', name: 'Brasília', localName: 'Brasília' },
  { id: 'munich', name: 'Munich', localName: 'München' },
  { id: 'london-00042', name: 'London test copy 00042' },
];

const index = buildSearchIndex(rallies);
const filterRallyIndices = (_list: typeof rallies, query: string) => searchRallies(index, query);

describe('searchRallies', () => {
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

  it('lists a rally once, however many of its fields match', () => {
    // "munich" is in Munich's id and name; "m" is in all of Munich's fields and in Brasília's.
    expect(filterRallyIndices(rallies, 'munich')).toEqual([2]);
    expect(filterRallyIndices(rallies, 'm')).toEqual([2]);
    expect(filterRallyIndices(rallies, 'a')).toEqual([1]);
  });

  it('never matches across two fields or two rallies', () => {
    // "london" ends rally 0's name and "brasilia" starts rally 1's id; "ilia" ends Brasília's name and "bra" starts its local name.
    expect(filterRallyIndices(rallies, 'londonbrasilia')).toEqual([]);
    expect(filterRallyIndices(rallies, 'iliabra')).toEqual([]);
    expect(filterRallyIndices(rallies, 'london\nbrasilia')).toEqual([]);
  });

  it('finds the last rally, and works on an empty list', () => {
    expect(filterRallyIndices(rallies, '00042')).toEqual([3]);
    expect(searchRallies(buildSearchIndex([]), 'london')).toEqual([]);
    expect(searchRallies(buildSearchIndex([]), '')).toEqual([]);
  });

  it('finds every match among many rallies, in list order', () => {
    const many = Array.from({ length: 1000 }, (_, position) => ({
      id: `city-${String(position)}`,
      name: position % 7 === 0 ? `Sankt Pölten ${String(position)}` : `Town ${String(position)}`,
    }));
    const found = searchRallies(buildSearchIndex(many), 'polten');
    expect(found).toEqual(many.flatMap((_, position) => (position % 7 === 0 ? [position] : [])));
  });
});

describe('foldForSearch', () => {
  it('lowers case and drops combining accents', () => {
    expect(foldForSearch('Ciudad de México')).toBe('ciudad de mexico');
    expect(foldForSearch('ROME')).toBe('rome');
  });
});
