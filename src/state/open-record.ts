import { failLoading, rallyStore, type RallyState } from './rally-store.ts';
import { setOpenRecord, setOpenRecordUnreachable } from './worker-collection.ts';

/*
 * With many rallies the whole records stay in the rally worker (the store
 * holds their summaries and `records` is null). This module fetches the open
 * city's record from the worker whenever the route names a city.
 */

let following = false;
/** The city whose record was last asked for, with the rally list it was asked for. */
let asked: { cityId: string; rallies: RallyState['rallies'] } | null = null;

function fetchOpenRecord(state: RallyState): void {
  if (state.records !== null) return;
  // Away from a city, nothing is asked; coming back to one that failed asks again.
  if (state.route.kind !== 'city') {
    asked = null;
    return;
  }
  const { cityId } = state.route;
  if (!state.ralliesById.has(cityId) || state.openRecord?.id === cityId) return;
  if (asked?.cityId === cityId && asked.rallies === state.rallies) return;
  const request = { cityId, rallies: state.rallies };
  asked = request;
  if (state.openRecordUnreachable !== null) setOpenRecordUnreachable(null);
  // Loaded already by then: only a file read in the worker starts this.
  void import('./rally-worker-client.ts')
    .then(({ fetchRallyRecord }) => fetchRallyRecord(cityId))
    .then(({ record, unreachable }) => {
      // The reader opened another city, or the data was reloaded, meanwhile: a newer request follows.
      if (asked !== request || rallyStore.getState().rallies !== request.rallies) return;
      if (record && record.id === cityId) setOpenRecord(record);
      // Its shard could not be downloaded (offline, never opened online): the city panel says so, with its own
      // Try again (retryOpenRecord); the rest of the data stays.
      else if (unreachable) setOpenRecordUnreachable(cityId);
      // The worker failed and lost the records: only loading the file again brings them back.
      else failLoading({ kind: 'reader' });
    })
    .catch(() => {
      if (asked === request) failLoading({ kind: 'reader' });
    });
}

/**
 * Keeps the open city's whole record in the store (`openRecord`) while the
 * records stay in the rally worker: on every route or data change, a city
 * the store holds only a summary of is asked of the worker. If the worker
 * cannot answer (it failed and lost the records), loading fails with the
 * "Try again" notice, which loads the file afresh; if the record's shard
 * could not be downloaded, the city panel says to check the connection
 * (`openRecordUnreachable`). Calling it again does nothing more.
 */
export function followOpenCity(): void {
  if (following) return;
  following = true;
  fetchOpenRecord(rallyStore.getState());
  rallyStore.subscribe(fetchOpenRecord);
}

/**
 * Asks the rally worker again for the open city's whole record, after its
 * record shard could not be downloaded (the city panel's Try again). The
 * button goes with the notice, so keyboard focus moves to the city's heading
 * once the panel shows again.
 */
export function retryOpenRecord(): void {
  asked = null;
  rallyStore.setState({ focusRequest: { kind: 'city-heading' } });
  fetchOpenRecord(rallyStore.getState());
}
