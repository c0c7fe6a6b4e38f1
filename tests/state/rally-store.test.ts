import { beforeEach, describe, expect, it } from 'vitest';
import { parseRallyCollection, type RallyCollection } from '../../src/lib/parse-rallies.ts';
import {
  describeDownloadProgress,
  failLoading,
  finishLoading,
  initialRallyState,
  markOfflineCopy,
  rallyStore,
  reportDownloadProgress,
  selectCity,
  showRoute,
  startLoading,
} from '../../src/state/rally-store.ts';
import {
  selectIsNotFound,
  selectSelectedCityId,
  selectSelectedRally,
  selectSelectedSummary,
  selectShowOfflineNote,
} from '../../src/state/selectors.ts';
import { buildSearchIndex } from '../../src/lib/rally-search.ts';
import { summarizeRally } from '../../src/lib/rally-summary.ts';
import { finishLoadingSummaries, setOpenRecord, setSearchIndex } from '../../src/state/worker-collection.ts';
import { readRallyDocument, rallyDocumentWith } from '../lib/rally-fixtures.ts';

const fullFile = (): RallyCollection => parseRallyCollection(readRallyDocument());

beforeEach(() => {
  rallyStore.setState(initialRallyState());
});

describe('initialRallyState', () => {
  it('starts loading, with nothing loaded and nothing selected', () => {
    expect(initialRallyState()).toEqual({
      load: { status: 'loading' },
      campaign: null,
      rallies: [],
      ralliesById: new Map(),
      records: new Map(),
      openRecord: null,
      openRecordUnreachable: null,
      searchIndex: null,
      problems: [],
      route: { kind: 'overview' },
      presentation: 'site',
      focusRequest: null,
      openedFrom: null,
      language: 'en',
      catalogue: expect.objectContaining({ 'city.venueNotReported': 'Venue not reported' }) as unknown,
      translation: null,
      dataAsOf: null,
      offlineCopy: false,
      cityFilter: '',
      basemap: { status: 'loading' },
    });
  });

  it('gives a fresh state each time', () => {
    expect(initialRallyState().rallies).not.toBe(initialRallyState().rallies);
  });
});

describe('finishLoading', () => {
  it('stores summaries for the list and the map, and the whole records for the open city', () => {
    const collection = fullFile();
    finishLoading(collection);
    selectCity('london');
    const state = rallyStore.getState();
    const london = collection.rallies[0];
    expect(state.rallies[0]).toEqual(london && summarizeRally(london));
    expect(selectSelectedSummary(state)).toBe(state.rallies[0]);
    expect(selectSelectedRally(state)).toBe(london);
  });

  it('stores the rallies, the campaign, the problems and a look-up by id', () => {
    const collection = parseRallyCollection(rallyDocumentWith(['features', 7, 'properties', 'country'], 'uk'));
    finishLoading(collection);
    const state = rallyStore.getState();
    expect(state.load).toEqual({ status: 'ready' });
    expect(state.rallies.map((rally) => rally.id)).toEqual([
      'london',
      'brasilia',
      'mexico-city',
      'munich',
      'berlin',
      'rome',
      'stockholm',
    ]);
    expect([...state.ralliesById.keys()]).toEqual(state.rallies.map((rally) => rally.id));
    expect(state.ralliesById.get('berlin')?.name).toBe('Berlin');
    expect(state.campaign?.title).toBe('Rallies against the anti-gay purge in Chechnya');
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]?.featureId).toBe('york');
  });

  it('keeps the open city when it is still in the file', () => {
    finishLoading(fullFile());
    selectCity('rome');
    startLoading();
    finishLoading(fullFile());
    expect(selectSelectedCityId(rallyStore.getState())).toBe('rome');
  });

  it('keeps the route, now not found, when the open city is no longer in the file', () => {
    finishLoading(fullFile());
    selectCity('york');
    finishLoading(parseRallyCollection(rallyDocumentWith(['features', 7, 'geometry'], null)));
    const state = rallyStore.getState();
    expect(state.route).toEqual({ kind: 'city', cityId: 'york' });
    expect(selectSelectedCityId(state)).toBeNull();
    expect(selectIsNotFound(state)).toBe(true);
  });
});

describe('finishLoadingSummaries', () => {
  const summarized = () => {
    const rallies = fullFile().rallies.map(summarizeRally);
    return {
      campaign: null,
      problems: [],
      rallies,
      ralliesById: new Map(rallies.map((rally) => [rally.id, rally])),
    };
  };

  it('takes the search index of the rallies it holds, and not of others', () => {
    const collection = summarized();
    finishLoadingSummaries(collection);
    expect(rallyStore.getState().searchIndex).toBeNull();
    setSearchIndex(buildSearchIndex(collection.rallies.slice(1)), collection.rallies.slice(1));
    expect(rallyStore.getState().searchIndex).toBeNull();
    const index = buildSearchIndex(collection.rallies);
    setSearchIndex(index, collection.rallies);
    expect(rallyStore.getState().searchIndex).toBe(index);
  });

  it('stores the summaries and no records: an open city waits for its record', () => {
    finishLoadingSummaries(summarized());
    selectCity('rome');
    const state = rallyStore.getState();
    expect(state.records).toBeNull();
    expect(selectSelectedCityId(state)).toBe('rome');
    expect(selectSelectedRally(state)).toBeUndefined();
    expect(selectIsNotFound(state)).toBe(false);
  });

  it("shows the open city's record once it arrives, and not for another city", () => {
    finishLoadingSummaries(summarized());
    selectCity('rome');
    const rome = fullFile().rallies.find((rally) => rally.id === 'rome');
    if (!rome) throw new Error('no Rome in the file');
    setOpenRecord(rome);
    expect(selectSelectedRally(rallyStore.getState())).toBe(rome);
    selectCity('berlin');
    expect(selectSelectedRally(rallyStore.getState())).toBeUndefined();
  });

  it('forgets the open record when the data is loaded again', () => {
    finishLoadingSummaries(summarized());
    selectCity('rome');
    const [first] = fullFile().rallies;
    if (first) setOpenRecord({ ...first, id: 'rome' });
    finishLoadingSummaries(summarized());
    expect(rallyStore.getState().openRecord).toBeNull();
  });
});

describe('startLoading', () => {
  it('marks the data as loading again and keeps the selection', () => {
    finishLoading(fullFile());
    selectCity('london');
    startLoading();
    const state = rallyStore.getState();
    expect(state.load).toEqual({ status: 'loading' });
    expect(selectSelectedCityId(state)).toBe('london');
  });
});

describe('failLoading', () => {
  it('records the failure, with its English message for logs', () => {
    failLoading({ kind: 'network' });
    expect(rallyStore.getState().load).toEqual({
      status: 'error',
      message: 'The rally data could not be reached. Check your connection.',
      failure: { kind: 'network' },
    });
  });

  it('words every kind of failure from the English catalogue', () => {
    failLoading({ kind: 'timeout', seconds: 10 });
    expect(rallyStore.getState().load).toMatchObject({
      message: 'No rally data arrived for 10 seconds. Check your connection.',
    });
    failLoading({ kind: 'deadline', seconds: 60 });
    expect(rallyStore.getState().load).toMatchObject({
      message: 'Reading the rally data took too long (over 60 seconds).',
    });
    failLoading({ kind: 'reader' });
    expect(rallyStore.getState().load).toMatchObject({
      message: 'The page could not read the rally data: its reader stopped or ran out of memory.',
    });
    failLoading({ kind: 'http', status: '404 Not Found' });
    expect(rallyStore.getState().load).toMatchObject({
      message: 'The server could not provide the rally data (HTTP 404 Not Found).',
    });
  });
});

describe('selectCity', () => {
  beforeEach(() => {
    finishLoading(fullFile());
  });

  it('opens a city by id', () => {
    selectCity('mexico-city');
    expect(selectSelectedCityId(rallyStore.getState())).toBe('mexico-city');
  });

  it('returns to the overview with null', () => {
    selectCity('mexico-city');
    selectCity(null);
    expect(selectSelectedCityId(rallyStore.getState())).toBeNull();
  });

  it.each(['paris', 'London', '__proto__', 'constructor', 'toString', ''])('ignores the unknown id %j', (id) => {
    selectCity('berlin');
    selectCity(id);
    expect(selectSelectedCityId(rallyStore.getState())).toBe('berlin');
  });

  it('does not notify listeners when the city is already open', () => {
    selectCity('berlin');
    let notifications = 0;
    const unsubscribe = rallyStore.subscribe(() => {
      notifications += 1;
    });
    selectCity('berlin');
    selectCity('munich');
    unsubscribe();
    expect(notifications).toBe(1);
  });

  it('pushes no change for a route that is already shown', () => {
    showRoute({ kind: 'not-found' });
    let notifications = 0;
    const unsubscribe = rallyStore.subscribe(() => {
      notifications += 1;
    });
    showRoute({ kind: 'not-found' });
    showRoute({ kind: 'city', cityId: 'atlantis' });
    unsubscribe();
    expect(notifications).toBe(1);
    expect(selectIsNotFound(rallyStore.getState())).toBe(true);
  });

  it('ignores every id before the data has loaded', () => {
    rallyStore.setState(initialRallyState());
    selectCity('london');
    expect(selectSelectedCityId(rallyStore.getState())).toBeNull();
  });
});

describe('offline copies', () => {
  it('remembers for the page’s life that an offline copy was shown', () => {
    expect(selectShowOfflineNote(rallyStore.getState())).toBe(false);
    markOfflineCopy();
    finishLoading(fullFile(), { dataAsOf: '2026-11-24', offlineCopy: false });
    expect(rallyStore.getState()).toMatchObject({ dataAsOf: '2026-11-24', offlineCopy: true });
    expect(selectShowOfflineNote(rallyStore.getState())).toBe(true);
  });
});

describe('reportDownloadProgress and describeDownloadProgress', () => {
  it('records the bytes while loading, and is ignored once loading has ended', () => {
    startLoading();
    reportDownloadProgress(1_250_000, 3_000_000);
    expect(rallyStore.getState().load).toEqual({
      status: 'loading',
      progress: { received: 1_250_000, total: 3_000_000 },
    });
    failLoading({ kind: 'network' });
    reportDownloadProgress(2_000_000, 3_000_000);
    expect(rallyStore.getState().load.status).toBe('error');
  });

  it('words the progress in megabytes, with the percentage when the total is known', () => {
    expect(describeDownloadProgress({ received: 1_250_000, total: 3_000_000 })).toEqual({
      key: 'status.downloadProgress',
      params: { received: 1.3, total: 3, percent: 41 },
    });
    expect(describeDownloadProgress({ received: 1_250_000, total: null })).toEqual({
      key: 'status.downloadReceived',
      params: { received: 1.3 },
    });
  });
});
