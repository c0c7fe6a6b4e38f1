import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../src/lib/i18n.ts';
import {
  formatRoute,
  languageSegment,
  pageIdentity,
  parseLanguage,
  parsePresentation,
  parseRoute,
  sameRoute,
  type Route,
} from '../../src/lib/route.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const slugs = (readRallyDocument() as { features: { id: string }[] }).features.map((feature) => feature.id);

describe('parseRoute and formatRoute', () => {
  it('knows all eight slugs of the real data', () => {
    expect(slugs).toEqual(['london', 'brasilia', 'mexico-city', 'munich', 'berlin', 'rome', 'stockholm', 'york']);
  });

  for (const basePath of ['/', '/chechnya-rallies/']) {
    describe(`under ${basePath}`, () => {
      it.each(slugs)('round-trips the city %s', (slug) => {
        const route: Route = { kind: 'city', cityId: slug };
        const path = formatRoute(route, basePath);
        expect(path).toBe(`${basePath}city/${slug}/`);
        expect(parseRoute(path, basePath)).toEqual(route);
      });

      it('round-trips the overview', () => {
        expect(formatRoute({ kind: 'overview' }, basePath)).toBe(basePath);
        expect(parseRoute(basePath, basePath)).toEqual({ kind: 'overview' });
      });

      it('accepts a city path without its trailing slash, or with index.html', () => {
        expect(parseRoute(`${basePath}city/rome`, basePath)).toEqual({ kind: 'city', cityId: 'rome' });
        expect(parseRoute(`${basePath}city/rome/index.html`, basePath)).toEqual({ kind: 'city', cityId: 'rome' });
        expect(parseRoute(`${basePath}index.html`, basePath)).toEqual({ kind: 'overview' });
      });
    });
  }

  it.each([
    '/city/__proto__/',
    '/city/Constructor/',
    '/city/%3Cscript%3Ealert(1)%3C%2Fscript%3E/',
    '/city/<img src=x onerror=alert(1)>/',
    '/city/london/extra/',
    '/city/',
    '/city/-london/',
    '/city/lon--don/',
    '/cities/london/',
    '/city/london%2F..%2F/',
    '/chechnya-rallies/city/london/',
  ])('reads the hostile or unknown path %j as not found', (path) => {
    expect(parseRoute(path, '/')).toEqual({ kind: 'not-found' });
  });

  it('reads a slug-shaped unknown city as a city route: whether it exists is for the data to say', () => {
    expect(parseRoute('/city/atlantis/')).toEqual({ kind: 'city', cityId: 'atlantis' });
    expect(parseRoute('/city/constructor/')).toEqual({ kind: 'city', cityId: 'constructor' });
  });

  it('reads a path outside the base path as not found', () => {
    expect(parseRoute('/city/london/', '/chechnya-rallies/')).toEqual({ kind: 'not-found' });
    expect(parseRoute('/', '/chechnya-rallies/')).toEqual({ kind: 'not-found' });
  });

  it('formats not-found as the overview address, since it has none of its own', () => {
    expect(formatRoute({ kind: 'not-found' }, '/maps/')).toBe('/maps/');
  });
});

describe('sameRoute', () => {
  it('compares kinds and city ids', () => {
    expect(sameRoute({ kind: 'city', cityId: 'rome' }, { kind: 'city', cityId: 'rome' })).toBe(true);
    expect(sameRoute({ kind: 'city', cityId: 'rome' }, { kind: 'city', cityId: 'york' })).toBe(false);
    expect(sameRoute({ kind: 'overview' }, { kind: 'overview' })).toBe(true);
    expect(sameRoute({ kind: 'overview' }, { kind: 'not-found' })).toBe(false);
  });
});

describe('embed addresses', () => {
  it.each(['/', '/maps/'])('round-trips every route under embed/ (base %s)', (basePath) => {
    for (const route of [{ kind: 'overview' }, { kind: 'city', cityId: 'mexico-city' }] as Route[]) {
      const path = formatRoute(route, basePath, 'embed');
      expect(path.startsWith(`${basePath}embed/`)).toBe(true);
      expect(parseRoute(path, basePath)).toEqual(route);
      expect(parsePresentation(path, basePath)).toBe('embed');
      expect(parsePresentation(formatRoute(route, basePath), basePath)).toBe('site');
    }
  });

  it('reads hostile embed paths as not found', () => {
    expect(parseRoute('/embed/city/__proto__/')).toEqual({ kind: 'not-found' });
    expect(parseRoute('/embed/embed/')).toEqual({ kind: 'not-found' });
  });
});

describe('language prefixes', () => {
  const routes: Route[] = [{ kind: 'overview' }, { kind: 'city', cityId: 'london' }, { kind: 'city', cityId: 'rome' }];

  for (const basePath of ['/', '/maps/']) {
    it.each(supportedLanguages)(`round-trips every route and presentation in %s under ${basePath}`, (language) => {
      for (const route of routes) {
        for (const presentation of ['site', 'embed'] as const) {
          const path = formatRoute(route, basePath, presentation, language);
          expect(parseRoute(path, basePath)).toEqual(route);
          expect(parsePresentation(path, basePath)).toBe(presentation);
          expect(parseLanguage(path, basePath)).toBe(language);
        }
      }
    });
  }

  it('keeps English at the addresses without a prefix, and puts the others under their lower-case tag', () => {
    const london: Route = { kind: 'city', cityId: 'london' };
    expect(formatRoute(london)).toBe('/city/london/');
    expect(formatRoute(london, '/', 'site', 'en')).toBe('/city/london/');
    expect(formatRoute(london, '/', 'site', 'ru')).toBe('/ru/city/london/');
    expect(formatRoute(london, '/maps/', 'embed', 'ru')).toBe('/maps/ru/embed/city/london/');
    expect(formatRoute({ kind: 'overview' }, '/', 'site', 'pt-BR')).toBe('/pt-br/');
    expect(supportedLanguages.map(languageSegment)).toEqual([null, 'de', 'es', 'pt-br', 'it', 'sv', 'ru']);
  });

  it('reads the language of an address, English without a prefix', () => {
    expect(parseLanguage('/')).toBe('en');
    expect(parseLanguage('/city/london/')).toBe('en');
    expect(parseLanguage('/ru')).toBe('ru');
    expect(parseLanguage('/pt-br/city/brasilia/index.html')).toBe('pt-BR');
    expect(parseLanguage('/maps/de/embed/', '/maps/')).toBe('de');
    // Only the lower-case segment is an address; other spellings are simply not pages.
    expect(parseLanguage('/pt-BR/')).toBe('en');
    expect(parseRoute('/pt-BR/')).toEqual({ kind: 'not-found' });
    expect(parseLanguage('/de/', '/maps/')).toBe('en');
  });

  it.each(['/en/', '/en/city/london/', '/ru/ru/', '/ru/city/london/ru/', '/embed/ru/city/london/', '/fr/city/paris/'])(
    'reads %j, which no page has, as not found',
    (path) => {
      expect(parseRoute(path)).toEqual({ kind: 'not-found' });
    },
  );

  it('names each generated page by route, presentation and language', () => {
    expect(pageIdentity({ kind: 'city', cityId: 'london' }, 'site', 'ru')).toBe('site ru city/london');
    expect(pageIdentity({ kind: 'overview' }, 'embed', 'pt-BR')).toBe('embed pt-BR overview');
    expect(pageIdentity({ kind: 'not-found' }, 'site', 'en')).toBe('site en not-found');
  });
});
