import { createStore } from 'zustand/vanilla';
import type { RallyCollection } from '../lib/parse-rallies.ts';
import type { RallyProblem } from '../lib/rally-problem.ts';
import type { Campaign, Rally } from '../lib/rally-schema.ts';

/** Where loading the rally file has got to. */
export type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; message: string };

/** Everything the app knows. The Leaflet map is never in here: the map follows this state. */
export interface RallyState {
  load: LoadState;
  campaign: Campaign | null;
  rallies: Rally[];
  /** Rallies by id; built with the list so look-ups never touch `Object.prototype`. */
  ralliesById: ReadonlyMap<string, Rally>;
  problems: RallyProblem[];
  /** The id of the open city, or `null` for the campaign overview. */
  selectedCityId: string | null;
}

/** A fresh state: loading, nothing selected. */
export function initialRallyState(): RallyState {
  return {
    load: { status: 'loading' },
    campaign: null,
    rallies: [],
    ralliesById: new Map(),
    problems: [],
    selectedCityId: null,
  };
}

/** The app's one store. Components read it through the selectors in `selectors.ts`. */
export const rallyStore = createStore<RallyState>()(initialRallyState);

/** Marks the data as loading again (on start and on "Try again"). Keeps the selection. */
export function startLoading(): void {
  rallyStore.setState({ load: { status: 'loading' } });
}

/** Stores a parsed rally file. A selection that no longer exists is cleared. */
export function finishLoading(collection: RallyCollection): void {
  const ralliesById = new Map(collection.rallies.map((rally) => [rally.id, rally]));
  const { selectedCityId } = rallyStore.getState();
  rallyStore.setState({
    load: { status: 'ready' },
    campaign: collection.campaign,
    rallies: collection.rallies,
    ralliesById,
    problems: collection.problems,
    selectedCityId: selectedCityId !== null && ralliesById.has(selectedCityId) ? selectedCityId : null,
  });
}

/** Records that the data could not be loaded, with a message for people. */
export function failLoading(message: string): void {
  rallyStore.setState({ load: { status: 'error', message } });
}

/** Opens a city by id, or returns to the overview with `null`. Unknown ids are ignored. */
export function selectCity(cityId: string | null): void {
  const { ralliesById, selectedCityId } = rallyStore.getState();
  if (cityId === selectedCityId) return;
  if (cityId !== null && !ralliesById.has(cityId)) return;
  rallyStore.setState({ selectedCityId: cityId });
}
