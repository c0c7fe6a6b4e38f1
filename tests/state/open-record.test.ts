import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import type { Rally } from '../../src/lib/rally-schema.ts';
import { summarizeRally } from '../../src/lib/rally-summary.ts';
import { followOpenCity, retryOpenRecord } from '../../src/state/open-record.ts';
import { closeCity, initialRallyState, rallyStore, selectCity } from '../../src/state/rally-store.ts';
import { selectOpenRecordUnreachable, selectSelectedRally } from '../../src/state/selectors.ts';
import { finishLoadingSummaries } from '../../src/state/worker-collection.ts';
import { readRallyDocument } from '../lib/rally-fixtures.ts';

/** What the rally worker answers for a record, one answer per call, set by each test. */
const answers: { record: Rally | null; unreachable: boolean }[] = [];
const asked: string[] = [];
vi.mock('../../src/state/rally-worker-client.ts', () => ({
  fetchRallyRecord: (cityId: string) => {
    asked.push(cityId);
    return Promise.resolve(answers.shift() ?? { record: null, unreachable: true });
  },
}));

const records = parseRallyCollection(readRallyDocument()).rallies;
const rome = records.find((rally) => rally.id === 'rome');

beforeEach(() => {
  rallyStore.setState(initialRallyState());
  answers.length = 0;
  asked.length = 0;
  const rallies = records.map(summarizeRally);
  finishLoadingSummaries({
    campaign: null,
    problems: [],
    rallies,
    ralliesById: new Map(rallies.map((r) => [r.id, r])),
  });
  followOpenCity();
});

describe('the open city’s record, from the rally worker', () => {
  it('when its shard cannot be downloaded, marks that city alone, keeps the data, and Try again asks again', async () => {
    if (!rome) throw new Error('no Rome in the file');
    answers.push({ record: null, unreachable: true }, { record: rome, unreachable: false });
    selectCity('rome');
    await vi.waitFor(() => expect(selectOpenRecordUnreachable(rallyStore.getState())).toBe(true));
    const failed = rallyStore.getState();
    // Not a failure of the whole data: the list and the map keep their rallies.
    expect(failed.load.status).toBe('ready');
    expect(failed.rallies).toHaveLength(records.length);
    expect(selectSelectedRally(failed)).toBeUndefined();
    // Other store changes do not ask again by themselves.
    rallyStore.setState({ cityFilter: 'r' });
    expect(asked).toEqual(['rome']);

    retryOpenRecord();
    expect(rallyStore.getState().focusRequest).toEqual({ kind: 'city-heading' });
    await vi.waitFor(() => expect(selectSelectedRally(rallyStore.getState())).toBe(rome));
    expect(selectOpenRecordUnreachable(rallyStore.getState())).toBe(false);
    expect(rallyStore.getState().openRecordUnreachable).toBeNull();
    expect(asked).toEqual(['rome', 'rome']);
  });

  it('asks again when the reader comes back to a city whose shard could not be downloaded', async () => {
    if (!rome) throw new Error('no Rome in the file');
    answers.push({ record: null, unreachable: true }, { record: rome, unreachable: false });
    selectCity('rome');
    await vi.waitFor(() => expect(selectOpenRecordUnreachable(rallyStore.getState())).toBe(true));
    closeCity();
    // Only the open city is marked.
    expect(selectOpenRecordUnreachable(rallyStore.getState())).toBe(false);
    selectCity('rome');
    await vi.waitFor(() => expect(selectSelectedRally(rallyStore.getState())).toBe(rome));
    expect(asked).toEqual(['rome', 'rome']);
  });
});
