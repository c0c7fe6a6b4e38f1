import { pageIdentity } from '../lib/address.ts';
import { hasManyRallies } from '../lib/scale.ts';
import type { RallyState } from './rally-store.ts';

/** The load status and, on failure, its message. */
export const selectLoad = (state: RallyState) => state.load;
/** Whether the rally data has loaded (so a missing campaign is missing, not yet to come). */
export const selectIsLoaded = (state: RallyState) => state.load.status === 'ready';
/** The built-in basemap's shapes, or how loading them failed. */
export const selectBasemap = (state: RallyState) => state.basemap;
/** Every valid rally's summary, in file order. */
export const selectRallies = (state: RallyState) => state.rallies;
/** The campaign facts, or `null` when the file has none that are valid. */
export const selectCampaign = (state: RallyState) => state.campaign;
/** Problems found in the rally file. */
export const selectProblems = (state: RallyState) => state.problems;
/** The route as asked for, which may name a city the data lacks. */
export const selectRoute = (state: RallyState) => state.route;
/** The open city's summary, or `undefined` for the overview and for cities the data lacks. */
export const selectSelectedSummary = (state: RallyState) =>
  state.route.kind === 'city' ? state.ralliesById.get(state.route.cityId) : undefined;
/**
 * The open city's whole record, or `undefined` for the overview, for cities
 * the data lacks, and while the record is on its way from the rally worker
 * (many rallies: `selectSelectedSummary` is then already there).
 */
export const selectSelectedRally = (state: RallyState) => {
  if (state.route.kind !== 'city') return undefined;
  const { cityId } = state.route;
  if (state.records) return state.records.get(cityId);
  return state.openRecord?.id === cityId && state.ralliesById.has(cityId) ? state.openRecord : undefined;
};
/**
 * True when the open city's whole record could not be downloaded (many
 * rallies: its record shard unreachable, offline); its summary is still there.
 */
export const selectOpenRecordUnreachable = (state: RallyState) =>
  state.route.kind === 'city' && state.openRecordUnreachable === state.route.cityId;
/** The open city's id, or `null` when no known city is open. */
export const selectSelectedCityId = (state: RallyState) => selectSelectedSummary(state)?.id ?? null;
/**
 * True when the page asked for does not exist: an unknown path, or a city the
 * loaded data does not have. While the data is loading, nothing is "not found" yet.
 */
export const selectIsNotFound = (state: RallyState) =>
  state.route.kind === 'not-found' ||
  (state.route.kind === 'city' && state.load.status === 'ready' && !state.ralliesById.has(state.route.cityId));
/**
 * What the page shows, as `pageIdentity` names it (`site ru city/london`): the route (not found included), the
 * presentation and the language. Changes when the reader moves to another page in place.
 */
export const selectPageIdentity = (state: RallyState) =>
  pageIdentity(selectIsNotFound(state) ? { kind: 'not-found' } : state.route, state.presentation, state.language);
/** The full site, or the embed version made for iframes in articles. */
export const selectPresentation = (state: RallyState) => state.presentation;
/** True on the embed version of a page. */
export const selectIsEmbed = (state: RallyState) => state.presentation === 'embed';
/** Where keyboard focus should go next, or `null`. */
export const selectFocusRequest = (state: RallyState) => state.focusRequest;
/** The interface language. */
export const selectLanguage = (state: RallyState) => state.language;
/** The interface language's message catalogue. */
export const selectCatalogue = (state: RallyState) => state.catalogue;
/** The page language's translation of the rally file's texts, or `null` in English. */
export const selectTranslation = (state: RallyState) => state.translation;
/** True when the page or its data is the service worker's offline copy, so the reader should be told. */
export const selectShowOfflineNote = (state: RallyState) => state.offlineCopy;
/** The day (YYYY-MM-DD) the shown data was current, or `null` when unknown. */
export const selectDataAsOf = (state: RallyState) => state.dataAsOf;
/** True in "many rallies" mode: clustered markers and a virtualised city list (src/lib/scale.ts). */
export const selectHasManyRallies = (state: RallyState) => hasManyRallies(state.rallies.length);
/** The search index of the rallies' names, once the rally worker has sent it. */
export const selectSearchIndex = (state: RallyState) => state.searchIndex;
/** True when the page holds every whole record (not the rally worker): the file was small enough to read here. */
export const selectHasRecords = (state: RallyState) => state.records !== null;
/** What the reader typed in the long city list's search box. */
export const selectCityFilter = (state: RallyState) => state.cityFilter;
