import { beforeEach, describe, expect, it } from 'vitest';
import { decodeRallyJson, parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { loadEmbeddedCollection } from '../../src/state/embedded-rallies.ts';
import { initialRallyState, rallyStore } from '../../src/state/rally-store.ts';
import { selectShowOfflineNote } from '../../src/state/selectors.ts';
import { readRallyFileText } from '../lib/rally-fixtures.ts';

const loadState = () => rallyStore.getState().load;
const rallyIdsInStore = () => rallyStore.getState().rallies.map((rally) => rally.id);

beforeEach(() => {
  rallyStore.setState(initialRallyState());
});

describe('loadEmbeddedCollection', () => {
  const collection = () => {
    const decoded = decodeRallyJson(readRallyFileText());
    if (!decoded.ok) throw new Error(decoded.message);
    return parseRallyCollection(decoded.value);
  };

  it('fills the store at once from the collection a generated page carries', () => {
    expect(loadEmbeddedCollection(JSON.stringify(collection()))).toBe(true);
    expect(loadState()).toEqual({ status: 'ready' });
    expect(rallyIdsInStore()).toEqual(collection().rallies.map((rally) => rally.id));
  });

  it('takes the day the build stamped as the data’s date, and is not an offline copy by itself', () => {
    loadEmbeddedCollection(JSON.stringify(collection()), '2026-11-24');
    expect(rallyStore.getState()).toMatchObject({ dataAsOf: '2026-11-24', offlineCopy: false });
    expect(selectShowOfflineNote(rallyStore.getState())).toBe(false);
    loadEmbeddedCollection(JSON.stringify(collection()), 'last week');
    expect(rallyStore.getState().dataAsOf).toBeNull();
  });

  it.each([
    ['text that is not JSON', '{"rallies": ['],
    ['a raw GeoJSON file instead of a collection', readRallyFileText()],
    ['null', 'null'],
  ])('refuses %s and leaves the store as it was', (_label, text) => {
    expect(loadEmbeddedCollection(text)).toBe(false);
    expect(rallyStore.getState().rallies).toEqual([]);
    expect(loadState()).toEqual(initialRallyState().load);
  });
});
