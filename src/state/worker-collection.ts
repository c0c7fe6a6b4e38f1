import type { RallyProblem } from '../lib/rally-problem.ts';
import type { Campaign, Rally } from '../lib/rally-schema.ts';
import type { RallySearchIndex } from '../lib/rally-search.ts';
import type { RallySummary } from '../lib/rally-summary.ts';
import { rallyStore, type DataOrigin } from './rally-store.ts';

/*
 * The store's actions for a rally file read in the rally worker, whose whole
 * records stay there (many rallies). Loaded only with the file, so pages
 * that carry their data never load them.
 */

/** A rally file whose whole records stay in the rally worker: what the page holds of it. */
export interface SummarizedCollection {
  campaign: Campaign | null;
  problems: RallyProblem[];
  rallies: readonly RallySummary[];
  /** Must hold exactly `rallies`, by id. */
  ralliesById: ReadonlyMap<string, RallySummary>;
}

/**
 * Like `finishLoading`, for a file whose whole records stay in the rally
 * worker: the store holds the summaries, `records` becomes null, and the
 * open city's record is fetched when needed (src/state/open-record.ts).
 */
export function finishLoadingSummaries(
  collection: SummarizedCollection,
  origin: DataOrigin = { dataAsOf: null, offlineCopy: false },
): void {
  rallyStore.setState((state) => ({
    load: { status: 'ready' },
    campaign: collection.campaign,
    rallies: collection.rallies,
    ralliesById: collection.ralliesById,
    records: null,
    openRecord: null,
    openRecordUnreachable: null,
    searchIndex: null,
    problems: collection.problems,
    dataAsOf: origin.dataAsOf,
    offlineCopy: state.offlineCopy || origin.offlineCopy,
  }));
}

/** Stores the search index of `rallies`, built elsewhere (the rally worker); ignored when other rallies have been loaded since. */
export function setSearchIndex(searchIndex: RallySearchIndex, rallies: readonly RallySummary[]): void {
  if (rallyStore.getState().rallies !== rallies || searchIndex.count !== rallies.length) return;
  rallyStore.setState({ searchIndex });
}

/** Stores the open city's whole record, fetched from the rally worker; ignored when the store holds every record. */
export function setOpenRecord(record: Rally): void {
  if (rallyStore.getState().records !== null) return;
  rallyStore.setState({ openRecord: record, openRecordUnreachable: null });
}

/**
 * Records that the whole record of `cityId` could not be downloaded (its
 * record shard unreachable), for the city panel to say so with its own Try
 * again; `null` clears it. Ignored when the store holds every record.
 */
export function setOpenRecordUnreachable(cityId: string | null): void {
  if (rallyStore.getState().records !== null) return;
  rallyStore.setState({ openRecordUnreachable: cityId });
}
