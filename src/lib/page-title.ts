import { cityName } from './city-name.ts';
import { formatCalendarDate } from './format-date.ts';
import type { Campaign, Rally } from './rally-schema.ts';

/** What a page shows, as far as its title is concerned. */
export type TitledPage = { kind: 'overview' } | { kind: 'city'; rally: Rally } | { kind: 'not-found' };

/**
 * The document title for a page: the city first where there is one, so tabs
 * and shared links read "London, 7 April 2018 · <campaign title>".
 */
export function pageTitle(page: TitledPage, campaign: Campaign | null): string {
  const site = campaign ? campaign.title : 'Rally map';
  switch (page.kind) {
    case 'overview':
      return campaign ? `${campaign.title} · ${formatCalendarDate(campaign.date)}` : site;
    case 'city':
      // A rally whose date no one reported (src/lib/missing-fields.ts) is named without one.
      return page.rally.date === ''
        ? `${cityName(page.rally).name} · ${site}`
        : `${cityName(page.rally).name}, ${formatCalendarDate(page.rally.date)} · ${site}`;
    case 'not-found':
      return `Page not found · ${site}`;
  }
}
