import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  absoluteRouteUrl,
  dataFilePath,
  embedId,
  embedScriptUrl,
  formatRoute,
  imageFile,
  imagePath,
  languageSegment,
  pageIdentity,
  parseLanguage,
  parseLanguageParam,
  parsePath,
  parsePresentation,
  parsePymChildId,
  parseRoute,
  parseToolPath,
  posterPagePath,
  quoteAnchor,
  quotePagePath,
  rallyCsvFile,
  rallyDataPath,
  rallyIndexPath,
  rallyRecordShardPath,
  rallyRecordsPath,
  sameRoute,
  serviceWorkerPath,
  siteFilePath,
  withLanguageParam,
  type Presentation,
  type Route,
} from '../../src/lib/address.ts';
import { supportedLanguages } from '../../src/lib/i18n.ts';
import { slugPattern } from '../../src/lib/slug.ts';
import { rallyIds, readRallyDocument } from './rally-fixtures.ts';

const slugs = (readRallyDocument() as { features: { id: string }[] }).features.map((feature) => feature.id);

describe('parseRoute and formatRoute', () => {
  it('knows all eight slugs of the real data', () => {
    expect(slugs).toEqual(rallyIds);
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

describe('parsePath and formatRoute, for any slug, base path, presentation and language', () => {
  const slug = fc.stringMatching(slugPattern);
  const route: fc.Arbitrary<Route> = fc.oneof(
    fc.constant<Route>({ kind: 'overview' }),
    slug.map((cityId): Route => ({ kind: 'city', cityId })),
  );
  const basePath = fc.oneof(
    fc.constant('/'),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).map((folder) => `/${folder}/`),
  );
  const presentation = fc.constantFrom<Presentation>('site', 'embed');
  const language = fc.constantFrom(...supportedLanguages);

  it('reads back the route, presentation and language it formats', () => {
    fc.assert(
      fc.property(route, basePath, presentation, language, (route, basePath, presentation, language) => {
        // A base folder named `embed` or `city` makes its own paths ambiguous; no site is built there.
        fc.pre(basePath !== '/embed/' && basePath !== '/city/');
        expect(parsePath(formatRoute(route, basePath, presentation, language), basePath)).toEqual({
          route,
          presentation,
          language,
        });
      }),
    );
  });

  it('formats back the path it reads, for every path it reads as a page', () => {
    const segment = fc.constantFrom('city', 'embed', 'london', 'index.html', '', 'x', 'ru', 'pt-br', 'en');
    const path = fc.array(segment, { maxLength: 5 }).map((segments) => `/${segments.join('/')}`);
    fc.assert(
      fc.property(path, (path) => {
        const { route, presentation, language } = parsePath(path);
        if (route.kind === 'not-found') return;
        expect(parsePath(formatRoute(route, '/', presentation, language))).toEqual({ route, presentation, language });
      }),
    );
  });
});

describe('absolute addresses', () => {
  const site = { basePath: '/chechnya-rallies/', origin: 'https://example.org' };

  it('puts a route on the site origin, in the full site or the embed version, in a language', () => {
    expect(absoluteRouteUrl({ kind: 'city', cityId: 'london' }, site)).toBe(
      'https://example.org/chechnya-rallies/city/london/',
    );
    expect(absoluteRouteUrl({ kind: 'overview' }, site, 'embed')).toBe('https://example.org/chechnya-rallies/embed/');
    expect(absoluteRouteUrl({ kind: 'city', cityId: 'london' }, site, 'site', 'ru')).toBe(
      'https://example.org/chechnya-rallies/ru/city/london/',
    );
    const url = new URL(absoluteRouteUrl({ kind: 'city', cityId: 'mexico-city' }, site, 'embed', 'pt-BR'));
    expect(parsePath(url.pathname, site.basePath)).toEqual({
      route: { kind: 'city', cityId: 'mexico-city' },
      presentation: 'embed',
      language: 'pt-BR',
    });
  });

  it('gives embed.js on the site origin', () => {
    expect(embedScriptUrl(site)).toBe('https://example.org/chechnya-rallies/embed.js');
    expect(embedScriptUrl({ basePath: '/', origin: 'http://127.0.0.1:4173' })).toBe('http://127.0.0.1:4173/embed.js');
  });

  it('gives the versioned embed script under the base path', () => {
    expect(embedScriptUrl(site, 'assets/embed.0123456789ab.js')).toBe(
      'https://example.org/chechnya-rallies/assets/embed.0123456789ab.js',
    );
  });
});

describe('embedId', () => {
  it('names the embed by the page it was loaded at', () => {
    expect(embedId({ kind: 'city', cityId: 'london' })).toBe('rally-map-london');
    expect(embedId({ kind: 'overview' })).toBe('rally-map-all');
    expect(embedId({ kind: 'city', cityId: 'london' }, 'map-1')).toBe('rally-map-map-1');
  });
});

describe("the site's own files", () => {
  it('sit under the base path, with or without its trailing slash', () => {
    expect(rallyDataPath('/')).toBe('/data/rallies.geojson');
    expect(rallyDataPath('/maps')).toBe('/maps/data/rallies.geojson');
    expect(serviceWorkerPath('/maps/')).toBe('/maps/sw.js');
    expect(rallyIndexPath('/maps')).toBe('/maps/data/rally-index.bin');
    expect(rallyRecordShardPath(rallyRecordsPath('/maps'), 12)).toBe('/maps/data/records/12.geojson');
    expect(siteFilePath('photos/london-1.jpg', '/maps/')).toBe('/maps/photos/london-1.jpg');
  });

  it('never leave the site, even for a file named with a leading slash', () => {
    expect(siteFilePath('//evil.example/x.jpg', '/')).toBe('/evil.example/x.jpg');
  });
});

describe('?lang=', () => {
  it.each(supportedLanguages)('sets and reads back %s, keeping the other parameters', (language) => {
    const search = withLanguageParam('?childId=map-1&lang=ru', language);
    expect(parseLanguageParam(search)).toBe(language === 'en' ? null : language);
    expect(parsePymChildId(search)).toBe('map-1');
  });

  it('removes English, the default, leaving no stray "?"', () => {
    expect(withLanguageParam('?lang=de', 'en')).toBe('');
    expect(withLanguageParam('', 'de')).toBe('?lang=de');
    expect(withLanguageParam('', 'pt-BR')).toBe('?lang=pt-BR');
  });

  it('reads no language from a query without one', () => {
    expect(parseLanguageParam('')).toBeNull();
    expect(parseLanguageParam('?childId=x')).toBeNull();
  });
});

describe("Pym's ?childId=", () => {
  it('accepts a short identifier', () => {
    expect(parsePymChildId('?childId=rally-map_1')).toBe('rally-map_1');
  });

  it.each(['', '?childId=', '?childId=a%20b', `?childId=${'x'.repeat(65)}`, '?childId=%3Cscript%3E'])(
    'refuses %j',
    (search) => {
      expect(parsePymChildId(search)).toBeNull();
    },
  );
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

describe('campaign-tools addresses', () => {
  for (const basePath of ['/', '/chechnya-rallies/']) {
    describe(`under ${basePath}`, () => {
      it.each(supportedLanguages)('round-trips city and campaign quote pages in %s', (language) => {
        const prefix = language === 'en' ? basePath : `${basePath}${language.toLowerCase()}/`;
        const cityQuote = { cityId: 'mexico-city', number: 2 };
        expect(quotePagePath(cityQuote, basePath, language)).toBe(`${prefix}city/mexico-city/quote/2/`);
        expect(parseToolPath(quotePagePath(cityQuote, basePath, language), basePath)).toEqual({
          kind: 'quote',
          quote: cityQuote,
          language,
        });
        const campaignQuote = { cityId: null, number: 1 };
        expect(quotePagePath(campaignQuote, basePath, language)).toBe(`${prefix}quote/1/`);
        expect(parseToolPath(`${prefix}quote/1/index.html`, basePath)).toEqual({
          kind: 'quote',
          quote: campaignQuote,
          language,
        });
      });

      it.each(supportedLanguages)('round-trips both poster pages in %s', (language) => {
        const prefix = language === 'en' ? basePath : `${basePath}${language.toLowerCase()}/`;
        expect(posterPagePath('london', 'a4', basePath, language)).toBe(`${prefix}city/london/poster/`);
        expect(posterPagePath('london', 'letter', basePath, language)).toBe(`${prefix}city/london/poster/letter/`);
        expect(parseToolPath(`${prefix}city/london/poster`, basePath)).toEqual({
          kind: 'poster',
          cityId: 'london',
          paper: 'a4',
          language,
        });
        expect(parseToolPath(posterPagePath('york', 'letter', basePath, language), basePath)).toEqual({
          kind: 'poster',
          cityId: 'york',
          paper: 'letter',
          language,
        });
      });

      it('puts data files and images under the base path', () => {
        expect(dataFilePath(rallyCsvFile, basePath)).toBe(`${basePath}data/rallies.csv`);
        expect(imagePath({ kind: 'city', cityId: 'rome' }, 'square', basePath)).toBe(
          `${basePath}share/square/rome.png`,
        );
        expect(imagePath({ kind: 'quote', quote: { cityId: 'rome', number: 1 } }, 'wide', basePath, 'pt-BR')).toBe(
          `${basePath}share/pt-br/quote/rome-1.png`,
        );
      });
    });
  }

  it('reads no other path as a tool page, the app’s own pages included', () => {
    for (const path of [
      '/',
      '/ru/',
      '/city/london/',
      '/ru/city/london/',
      '/embed/city/london/',
      '/quote/0/',
      '/quote/01/',
      '/quote/x/',
      '/ru/quote/',
      '/city/London/quote/1/',
      '/city/london/quote/1/extra/',
      '/city/london/poster/a4/',
      '/other/quote/1/',
      '/city/../quote/1/',
      '/en/quote/1/',
      '/fr/quote/1/',
      '/ru/ru/quote/1/',
      '/embed/quote/1/',
    ]) {
      expect(parseToolPath(path), path).toBeNull();
    }
    expect(parseToolPath('/quote/1/', '/chechnya-rallies/')).toBeNull();
  });

  it('reads no tool page as one of the app’s pages', () => {
    for (const language of supportedLanguages) {
      expect(parseRoute(quotePagePath({ cityId: 'london', number: 1 }, '/', language))).toEqual({ kind: 'not-found' });
      expect(parseRoute(posterPagePath('london', 'a4', '/', language))).toEqual({ kind: 'not-found' });
      expect(parseLanguage(posterPagePath('london', 'letter', '/', language))).toBe(language);
    }
  });

  it('names each image file after its language, subject and shape', () => {
    expect(imageFile({ kind: 'city', cityId: 'london' }, 'wide')).toBe('share/london.png');
    expect(imageFile({ kind: 'city', cityId: 'london' }, 'wide', 'ru')).toBe('share/ru/london.png');
    expect(imageFile({ kind: 'city', cityId: 'london' }, 'square', 'de')).toBe('share/de/square/london.png');
    expect(imageFile({ kind: 'quote', quote: { cityId: 'london', number: 2 } }, 'wide')).toBe(
      'share/quote/london-2.png',
    );
    expect(imageFile({ kind: 'quote', quote: { cityId: null, number: 3 } }, 'square', 'sv')).toBe(
      'share/sv/quote/square/campaign-3.png',
    );
    const files = supportedLanguages.flatMap((language) =>
      (['wide', 'square'] as const).flatMap((shape) => [
        imageFile({ kind: 'city', cityId: 'london' }, shape, language),
        imageFile({ kind: 'quote', quote: { cityId: 'london', number: 1 } }, shape, language),
      ]),
    );
    expect(new Set(files).size).toBe(files.length);
    expect(quoteAnchor(4)).toBe('quote-4');
  });
});
