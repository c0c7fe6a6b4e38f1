import type { RallyState } from './rally-store.ts';

/** The load status and, on failure, its message. */
export const selectLoad = (state: RallyState) => state.load;
/** Every valid rally, in file order. */
export const selectRallies = (state: RallyState) => state.rallies;
/** The campaign facts, or `null` when the file has none that are valid. */
export const selectCampaign = (state: RallyState) => state.campaign;
/** Problems found in the rally file. */
export const selectProblems = (state: RallyState) => state.problems;
/** The open city's id, or `null` for the overview. */
export const selectSelectedCityId = (state: RallyState) => state.selectedCityId;
/** The open city's rally, or `undefined` for the overview. */
export const selectSelectedRally = (state: RallyState) =>
  state.selectedCityId === null ? undefined : state.ralliesById.get(state.selectedCityId);
