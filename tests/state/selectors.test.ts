import { beforeEach, describe, expect, it } from 'vitest';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import {
  failLoading,
  finishLoading,
  initialRallyState,
  rallyStore,
  selectCity,
  setCityFilter,
} from '../../src/state/rally-store.ts';
import {
  selectCampaign,
  selectCityFilter,
  selectHasManyRallies,
  selectLoad,
  selectProblems,
  selectRallies,
  selectSelectedCityId,
  selectSelectedRally,
} from '../../src/state/selectors.ts';
import { rallyDocumentWith, readRallyDocument } from '../lib/rally-fixtures.ts';

beforeEach(() => {
  rallyStore.setState(initialRallyState());
});

describe('selectors', () => {
  it('read an empty, loading store', () => {
    const state = rallyStore.getState();
    expect(selectLoad(state)).toEqual({ status: 'loading' });
    expect(selectRallies(state)).toEqual([]);
    expect(selectCampaign(state)).toBeNull();
    expect(selectProblems(state)).toEqual([]);
    expect(selectSelectedCityId(state)).toBeNull();
    expect(selectSelectedRally(state)).toBeUndefined();
  });

  it('read a loaded store', () => {
    finishLoading(parseRallyCollection(rallyDocumentWith(['features', 0, 'properties', 'surprise'], true)));
    const state = rallyStore.getState();
    expect(selectLoad(state)).toEqual({ status: 'ready' });
    expect(selectRallies(state)).toHaveLength(8);
    expect(selectCampaign(state)?.quotes).toHaveLength(3);
    expect(selectProblems(state).map((problem) => [problem.severity, problem.featureId])).toEqual([
      ['warning', 'london'],
    ]);
  });

  it('read the failure message', () => {
    failLoading({ kind: 'http', status: '404 Not Found' });
    expect(selectLoad(rallyStore.getState())).toMatchObject({
      status: 'error',
      message: 'The server could not provide the rally data (HTTP 404 Not Found).',
    });
  });

  it('give the open city’s rally', () => {
    finishLoading(parseRallyCollection(readRallyDocument()));
    selectCity('stockholm');
    const state = rallyStore.getState();
    expect(selectSelectedCityId(state)).toBe('stockholm');
    expect(selectSelectedRally(state)).toMatchObject({ id: 'stockholm', name: 'Stockholm', country: 'SE' });
  });

  it('give no rally for the overview, nor for an id missing from the look-up', () => {
    finishLoading(parseRallyCollection(readRallyDocument()));
    expect(selectSelectedRally(rallyStore.getState())).toBeUndefined();
    expect(
      selectSelectedRally({ ...rallyStore.getState(), route: { kind: 'city', cityId: '__proto__' } }),
    ).toBeUndefined();
    expect(
      selectSelectedRally({ ...rallyStore.getState(), route: { kind: 'city', cityId: 'constructor' } }),
    ).toBeUndefined();
  });

  it('return the same objects while the state is unchanged, so components do not re-render', () => {
    finishLoading(parseRallyCollection(readRallyDocument()));
    selectCity('rome');
    const state = rallyStore.getState();
    expect(selectRallies(state)).toBe(selectRallies(rallyStore.getState()));
    expect(selectSelectedRally(state)).toBe(selectSelectedRally(rallyStore.getState()));
  });
});

describe('many rallies', () => {
  const collectionOf = (count: number) => {
    const [template] = parseRallyCollection(readRallyDocument()).rallies;
    if (!template) throw new Error('no rally');
    const rallies = Array.from({ length: count }, (_, index) => ({ ...template, id: `london-${index}` }));
    return { campaign: null, rallies, problems: [] };
  };

  it('are not many with the real file, and are from the threshold on', () => {
    finishLoading(parseRallyCollection(readRallyDocument()));
    expect(selectHasManyRallies(rallyStore.getState())).toBe(false);
    finishLoading(collectionOf(299));
    expect(selectHasManyRallies(rallyStore.getState())).toBe(false);
    finishLoading(collectionOf(300));
    expect(selectHasManyRallies(rallyStore.getState())).toBe(true);
  });

  it('keep the search text of the city list in the store, empty at first', () => {
    expect(selectCityFilter(rallyStore.getState())).toBe('');
    setCityFilter('rome');
    expect(selectCityFilter(rallyStore.getState())).toBe('rome');
  });
});
