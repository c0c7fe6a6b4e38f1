import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../src/lib/page-title.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const { campaign, rallies } = parseRallyCollection(readRallyDocument());
const rally = (id: string) => {
  const found = rallies.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no rally ${id}`);
  return found;
};

describe('pageTitle', () => {
  it('names the campaign and its date on the overview', () => {
    expect(campaign).not.toBeNull();
    expect(pageTitle({ kind: 'overview' }, campaign)).toBe(`${campaign?.title ?? ''} · 7 April 2018`);
  });

  it('puts the city and its date first, then the campaign', () => {
    expect(pageTitle({ kind: 'city', rally: rally('mexico-city') }, campaign)).toBe(
      `Mexico City, 7 April 2018 · ${campaign?.title ?? ''}`,
    );
  });

  it('says when a page is not found', () => {
    expect(pageTitle({ kind: 'not-found' }, campaign)).toBe(`Page not found · ${campaign?.title ?? ''}`);
  });

  it('falls back to "Rally map" without campaign facts', () => {
    expect(pageTitle({ kind: 'overview' }, null)).toBe('Rally map');
    expect(pageTitle({ kind: 'city', rally: rally('london') }, null)).toBe('London, 7 April 2018 · Rally map');
    expect(pageTitle({ kind: 'not-found' }, null)).toBe('Page not found · Rally map');
  });
});
