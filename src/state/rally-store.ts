import { createStore } from 'zustand/vanilla';
import type { RallyCollection } from '../lib/parse-rallies.ts';
import type { RallyProblem } from '../lib/rally-problem.ts';
import englishCatalogue from '../i18n/messages/en.json';
import type { ContentTranslation } from '../lib/content-translation.ts';
import { formatMessage, type Catalogue, type Language, type LanguagePack } from '../lib/i18n.ts';
import type { Campaign, Rally } from '../lib/rally-schema.ts';
import type { RallySearchIndex } from '../lib/rally-search.ts';
import { summarizeRally, type RallySummary } from '../lib/rally-summary.ts';
import { overviewRoute, sameRoute, type Presentation, type Route } from '../lib/address.ts';
import type { MultiLineString, MultiPolygon } from 'geojson';

/** Where loading the rally file has got to. */
export type LoadState =
  /** `progress`, once the file's body has started to arrive. */
  | { status: 'loading'; progress?: DownloadProgress }
  | { status: 'ready' }
  /** `message` is in English, for logs and tests; the interface words `failure` in its own language. */
  | { status: 'error'; message: string; failure: LoadFailure };

/** How much of the rally file has arrived, in bytes; `total` is null when the server did not say. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/** Why the rally file could not be loaded; each kind has a message `loadError.<kind>` in the catalogues. */
export type LoadFailure =
  | { kind: 'http'; status: string }
  | { kind: 'html' }
  | { kind: 'invalid'; detail: string }
  | { kind: 'network' }
  /** No bytes arrived for this long. */
  | { kind: 'timeout'; seconds: number }
  /** The file arrived, but reading it did not finish in this time. */
  | { kind: 'deadline'; seconds: number }
  /** The code that reads the file failed: the worker could not start, crashed or ran out of memory. */
  | { kind: 'reader' };

/**
 * Where loading the built-in basemap has got to: loading; ready, with its
 * land and, a task later, its borders; or failed, in which case the map
 * shows plain sea and works as before.
 */
export type BasemapState =
  | { status: 'loading' }
  | { status: 'ready'; land: MultiPolygon; borders: MultiLineString | null }
  | { status: 'failed'; failure: LoadFailure };

/** The message key and placeholder values that describe a load failure. */
export function describeLoadFailure(failure: LoadFailure): { key: string; params: Record<string, string | number> } {
  const { kind, ...params } = failure;
  return { key: `loadError.${kind}`, params };
}

/**
 * The message key and values that describe a download under way, in
 * megabytes with one decimal: with the percentage when the total is known.
 */
export function describeDownloadProgress(progress: DownloadProgress): {
  key: string;
  params: Record<string, string | number>;
} {
  const megabytes = (bytes: number) => Math.round(bytes / 100_000) / 10;
  if (progress.total === null || progress.total <= 0) {
    return { key: 'status.downloadReceived', params: { received: megabytes(progress.received) } };
  }
  const percent = Math.min(100, Math.floor((progress.received / progress.total) * 100));
  return {
    key: 'status.downloadProgress',
    params: { received: megabytes(progress.received), total: megabytes(progress.total), percent },
  };
}

/** Everything the app knows. The Leaflet map is never in here: the map follows this state. */
export interface RallyState {
  load: LoadState;
  campaign: Campaign | null;
  /** Every valid rally's summary (what the list and the map need), in file order. */
  rallies: readonly RallySummary[];
  /** The summaries by id; a map, so look-ups never touch `Object.prototype`. */
  ralliesById: ReadonlyMap<string, RallySummary>;
  /**
   * Every valid rally's whole record by id; `null` when the records stay in
   * the rally worker (many rallies), which hands over the open city's as
   * `openRecord` (src/state/open-record.ts).
   */
  records: ReadonlyMap<string, Rally> | null;
  /** The open city's whole record, when `records` is null; `null` until it arrives. */
  openRecord: Rally | null;
  /**
   * The city whose whole record could not be downloaded (its record shard
   * unreachable: offline, never opened online), until it is asked for again;
   * else `null`. The rest of the data stays usable.
   */
  openRecordUnreachable: string | null;
  /**
   * The search index of the rallies' names, when the rally worker has sent
   * it; until then (and for a file read on the page) the long city list
   * builds its own when the file is small, and waits for it when it is large.
   */
  searchIndex: RallySearchIndex | null;
  problems: RallyProblem[];
  /**
   * The page being shown: the overview, a city, or not-found. A city route may
   * name a city the data does not have; the selectors treat that as not found.
   */
  route: Route;
  /** The full site, or the compact version made for iframes in articles; fixed for the page's life. */
  presentation: Presentation;
  /**
   * Where keyboard focus should go next, for the component that owns that
   * element to act on and clear: the open city's heading, or the marker or
   * list item a city was opened from, when it closes.
   */
  focusRequest: FocusTarget | null;
  /** The control the open city was opened from, to return focus to when it closes. */
  openedFrom: FocusTarget | null;
  /**
   * The page's language, its message catalogue and its translation of the
   * rally file's texts (`null` in English); they always change together.
   */
  language: Language;
  catalogue: Catalogue;
  translation: ContentTranslation | null;
  /**
   * The day (YYYY-MM-DD) the shown data was current: the build's date for a
   * generated page, the server's date of the rally file's answer otherwise;
   * `null` when unknown.
   */
  dataAsOf: string | null;
  /** True when the page or its data was answered by the service worker's offline copy. */
  offlineCopy: boolean;
  /** The search text of the long city list ("many rallies" mode); kept while a city is open. */
  cityFilter: string;
  /** The built-in basemap's shapes, once loaded (src/state/load-basemap.ts). */
  basemap: BasemapState;
}

/** An element keyboard focus can be sent to. */
export type FocusTarget = { kind: 'city-heading' } | { kind: 'marker' | 'list-item'; cityId: string };

/** A fresh state: loading, nothing selected. */
export function initialRallyState(): RallyState {
  return {
    load: { status: 'loading' },
    campaign: null,
    rallies: [],
    ralliesById: new Map(),
    records: new Map(),
    openRecord: null,
    openRecordUnreachable: null,
    searchIndex: null,
    problems: [],
    route: overviewRoute,
    presentation: 'site',
    focusRequest: null,
    openedFrom: null,
    language: 'en',
    catalogue: englishCatalogue,
    translation: null,
    dataAsOf: null,
    offlineCopy: false,
    cityFilter: '',
    basemap: { status: 'loading' },
  };
}

/** The app's one store. Components read it through the selectors in `selectors.ts`. */
export const rallyStore = createStore<RallyState>()(initialRallyState);

/** Marks the data as loading again (on start and on "Try again"). Keeps the selection. */
export function startLoading(): void {
  rallyStore.setState({ load: { status: 'loading' } });
}

/** Records how much of the rally file has arrived; ignored once loading has ended. */
export function reportDownloadProgress(received: number, total: number | null): void {
  if (rallyStore.getState().load.status !== 'loading') return;
  rallyStore.setState({ load: { status: 'loading', progress: { received, total } } });
}

/** Where a loaded rally file came from: the day it was current (`null` when unknown), and whether it was an offline copy. */
export interface DataOrigin {
  dataAsOf: string | null;
  offlineCopy: boolean;
}

/**
 * Stores a parsed rally file and where it came from, in one update, so no
 * subscriber ever sees the data ready without its date. The route is kept: a
 * city the new data lacks shows as not found, so a shared link never
 * silently turns into the overview. An offline copy is never forgotten for
 * the page's life: the data shown stays that copy.
 */
export function finishLoading(
  collection: RallyCollection,
  origin: DataOrigin = { dataAsOf: null, offlineCopy: false },
): void {
  const rallies = collection.rallies.map(summarizeRally);
  rallyStore.setState((state) => ({
    load: { status: 'ready' },
    campaign: collection.campaign,
    rallies,
    ralliesById: new Map(rallies.map((rally) => [rally.id, rally])),
    records: new Map(collection.rallies.map((rally) => [rally.id, rally])),
    openRecord: null,
    openRecordUnreachable: null,
    searchIndex: null,
    problems: collection.problems,
    dataAsOf: origin.dataAsOf,
    offlineCopy: state.offlineCopy || origin.offlineCopy,
  }));
}

/** Marks the page itself as answered by the service worker's offline copy. */
export function markOfflineCopy(): void {
  rallyStore.setState({ offlineCopy: true });
}

/** Records that the data could not be loaded, and why. */
export function failLoading(failure: LoadFailure): void {
  const { key, params } = describeLoadFailure(failure);
  const message = formatMessage(englishCatalogue, englishCatalogue, 'en', key, params);
  rallyStore.setState({ load: { status: 'error', message, failure } });
}

/**
 * Opens a city by id, or returns to the overview with `null`. Ids the data
 * does not have are ignored. With `from`, the reader opened it from that
 * marker or list item: focus moves to the city's heading, and returns there
 * when the city is closed with `closeCity`.
 */
export function selectCity(cityId: string | null, from?: 'marker' | 'list-item'): void {
  if (cityId !== null && !rallyStore.getState().ralliesById.has(cityId)) return;
  showRoute(cityId === null ? overviewRoute : { kind: 'city', cityId });
  if (cityId !== null && from !== undefined) {
    rallyStore.setState({ focusRequest: { kind: 'city-heading' }, openedFrom: { kind: from, cityId } });
  }
}

/** Closes the open city (Esc, or "All rallies"): back to the overview, focus back where the city was opened from. */
export function closeCity(): void {
  const { openedFrom } = rallyStore.getState();
  showRoute(overviewRoute);
  rallyStore.setState({ focusRequest: openedFrom, openedFrom: null });
}

/** Marks a focus request as done; only the request that was acted on is cleared. */
export function finishFocusRequest(request: FocusTarget): void {
  if (rallyStore.getState().focusRequest === request) rallyStore.setState({ focusRequest: null });
}

/** Sets which version of the site this page is, once, at start-up. */
export function setPresentation(presentation: Presentation): void {
  rallyStore.setState({ presentation });
}

/** Shows the page for a route as given, known city or not (the address bar's word is final). */
export function showRoute(route: Route): void {
  if (sameRoute(route, rallyStore.getState().route)) return;
  rallyStore.setState({ route });
}

/** Switches the page's language once its catalogue and translation have loaded. */
export function setLanguage({ language, catalogue, translation }: LanguagePack): void {
  rallyStore.setState({ language, catalogue, translation });
}

/** Sets the long city list's search text. */
export function setCityFilter(cityFilter: string): void {
  rallyStore.setState({ cityFilter });
}

/** Records how far loading the basemap has got (src/state/load-basemap.ts). */
export function setBasemap(basemap: BasemapState): void {
  rallyStore.setState({ basemap });
}
