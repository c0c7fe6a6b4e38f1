import { describe, expect, it } from 'vitest';
import {
  assemblePage,
  cityDescription,
  headTags,
  jsonForScript,
  oembedDocument,
  pageSpecs,
  shorten,
} from '../../build/page-meta.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';

const source = { title: 'A report', publisher: 'A paper', url: 'https://news.example.org/report' };

/** A small dataset: one city with a quote, one with nothing reported. */
const fixture = parseRallyCollection({
  type: 'FeatureCollection',
  campaign: {
    title: 'Rallies for a test',
    date: '2018-04-07',
    summary: 'People gathered in two cities.',
    calledBy: [{ name: 'Test Org' }],
    quotes: [],
    source,
  },
  features: [
    {
      type: 'Feature',
      id: 'oslo',
      geometry: { type: 'Point', coordinates: [10.75, 59.91] },
      properties: {
        name: 'Oslo',
        country: 'NO',
        date: '2018-04-07',
        venue: 'Outside the embassy',
        locationPrecision: 'venue',
        attendance: { text: 'about 20 people', count: 20 },
        quotes: [{ text: 'We are here & we <care>.', speaker: 'Kari "K" Nordmann', role: 'Organiser', lang: 'en' }],
        photos: [],
        sources: [source],
      },
    },
    {
      type: 'Feature',
      id: 'porto',
      geometry: { type: 'Point', coordinates: [-8.61, 41.15] },
      properties: {
        name: 'Porto',
        country: 'PT',
        date: '2018-04-07',
        venue: null,
        locationPrecision: 'city',
        attendance: null,
        quotes: [],
        photos: [],
        sources: [source],
      },
    },
  ],
});

describe('pageSpecs', () => {
  const specs = pageSpecs(fixture, 'https://rallies.example.org', '/maps/');

  it('describes the overview, one page per city, their embed versions and the 404 page, in that order', () => {
    expect(specs.map((spec) => spec.outputFile)).toEqual([
      'index.html',
      'city/oslo/index.html',
      'city/porto/index.html',
      'embed/index.html',
      'embed/city/oslo/index.html',
      'embed/city/porto/index.html',
      '404.html',
    ]);
    expect(specs.map((spec) => spec.imageFile)).toEqual([
      'share/overview.png',
      'share/oslo.png',
      'share/porto.png',
      null,
      null,
      null,
      null,
    ]);
    expect(specs.map((spec) => spec.presentation)).toEqual(['site', 'site', 'site', 'embed', 'embed', 'embed', 'site']);
  });

  it('gives embed pages the full page as canonical address, and every page but the 404 its oEmbed document', () => {
    const embedOslo = specs.find((spec) => spec.outputFile === 'embed/city/oslo/index.html');
    expect(embedOslo?.canonicalUrl).toBe('https://rallies.example.org/maps/city/oslo/');
    expect(embedOslo?.oembed).toEqual({
      file: 'oembed/city/oslo.json',
      url: 'https://rallies.example.org/maps/oembed/city/oslo.json',
    });
    expect(specs.find((spec) => spec.outputFile === 'index.html')?.oembed?.file).toBe('oembed/index.json');
    expect(specs.find((spec) => spec.outputFile === '404.html')?.oembed).toBeNull();
  });

  it('builds absolute canonical and image URLs from the site URL and base path', () => {
    const [overview, oslo] = specs;
    const notFound = specs.at(-1);
    expect(overview?.canonicalUrl).toBe('https://rallies.example.org/maps/');
    expect(overview?.imageUrl).toBe('https://rallies.example.org/maps/share/overview.png');
    expect(oslo?.canonicalUrl).toBe('https://rallies.example.org/maps/city/oslo/');
    expect(oslo?.imageUrl).toBe('https://rallies.example.org/maps/share/oslo.png');
    expect(notFound?.canonicalUrl).toBeNull();
    expect(notFound?.imageUrl).toBe('https://rallies.example.org/maps/share/overview.png');
  });

  it('titles city pages with the city first', () => {
    expect(specs[1]?.title).toBe('Oslo, 7 April 2018 · Rallies for a test');
    expect(specs[0]?.title).toBe('Rallies for a test · 7 April 2018');
    expect(specs.at(-1)?.title).toBe('Page not found · Rallies for a test');
  });

  it('describes a city by its first quote, or by a factual line that names what is not reported', () => {
    expect(specs[1]?.description).toBe('“We are here & we <care>.” (Kari "K" Nordmann, Oslo)');
    expect(specs[2]?.description).toBe(
      'A rally in Porto, Portugal on 7 April 2018, one of the rallies for a test. The source reports no venue or crowd size.',
    );
  });
});

describe('headTags', () => {
  const headSpecs = pageSpecs(fixture, 'https://rallies.example.org', '/');
  const [overview, oslo] = headSpecs;
  const notFound = headSpecs.at(-1);

  it('has every tag a preview card needs, with escaped values', () => {
    if (!oslo) throw new Error('no Oslo spec');
    const head = headTags(oslo, 'Rallies for a test');
    for (const expected of [
      '<meta name="description" content="“We are here &amp; we &lt;care&gt;.” (Kari &quot;K&quot; Nordmann, Oslo)" />',
      '<link rel="canonical" href="https://rallies.example.org/city/oslo/" />',
      '<meta property="og:site_name" content="Rallies for a test" />',
      '<meta property="og:type" content="article" />',
      '<meta property="og:title" content="Oslo, 7 April 2018 · Rallies for a test" />',
      '<meta property="og:url" content="https://rallies.example.org/city/oslo/" />',
      '<meta property="og:image" content="https://rallies.example.org/share/oslo.png" />',
      '<meta property="og:image:width" content="1200" />',
      '<meta property="og:image:height" content="630" />',
      '<meta name="twitter:card" content="summary_large_image" />',
    ]) {
      expect(head).toContain(expected);
    }
    expect(head).toMatch(/<meta property="og:image:alt" content="Map with Oslo highlighted[^"]*" \/>/);
    expect(head).not.toContain('<care>');
    expect(head).toContain(
      '<link rel="alternate" hreflang="de" href="https://rallies.example.org/city/oslo/?lang=de" />',
    );
    expect(head).toContain(
      '<link rel="alternate" hreflang="pt-BR" href="https://rallies.example.org/city/oslo/?lang=pt-BR" />',
    );
    expect(head).toContain(
      '<link rel="alternate" hreflang="x-default" href="https://rallies.example.org/city/oslo/" />',
    );
    expect(head.match(/hreflang=/g)).toHaveLength(8);
    expect(head).toContain(
      '<link rel="alternate" type="application/json+oembed" href="https://rallies.example.org/oembed/city/oslo.json"',
    );
  });

  it('gives the 404 page no canonical address and keeps it out of search results', () => {
    if (!notFound || !overview) throw new Error('missing specs');
    const head = headTags(notFound, 'Rallies for a test');
    expect(head).not.toContain('rel="canonical"');
    expect(head).not.toContain('og:url');
    expect(head).not.toContain('oembed');
    expect(head).toContain('<meta name="robots" content="noindex" />');
    expect(headTags(overview, 'x')).not.toContain('noindex');
  });
});

describe('assemblePage', () => {
  const template = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8" />',
    '<meta\n      name="description"\n      content="old" />',
    '<title>Old title</title></head>',
    '<body><div id="root"></div><script type="module" src="/assets/index.js"></script></body></html>',
  ].join('\n');

  it('puts the title, head tags, rendered app and data into the template, once each', () => {
    const [, oslo] = pageSpecs(fixture, 'https://rallies.example.org', '/');
    if (!oslo) throw new Error('no Oslo spec');
    const html = assemblePage(
      template,
      oslo,
      'Site',
      "<main>$& $' Oslo</main>",
      '{"name":"</script><b>$1"}',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'" />`,
      '2026-11-24',
    );
    expect(html).toMatch(
      /<head>\s*<meta charset="utf-8" \/>\s*<meta http-equiv="Content-Security-Policy" content="default-src 'none'" \/>/,
    );
    expect(html.match(/<meta charset/g)).toHaveLength(1);
    expect(html).toContain('<title>Oslo, 7 April 2018 · Rallies for a test</title>');
    expect(html).not.toContain('Old title');
    expect(html).not.toContain('content="old"');
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).toContain('<div id="root"><main>$& $\' Oslo</main></div>');
    expect(html).toContain(
      '<script type="application/json" id="rally-data" data-as-of="2026-11-24">{"name":"\\u003c/script>\\u003cb>$1"}</script>',
    );
    expect(html.indexOf('og:image')).toBeLessThan(html.indexOf('</head>'));
  });
});

describe('helpers', () => {
  it('shortens at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('one two three four five six', 16)).toBe('one two three…');
    expect(shorten('one two three four five six', 16).length).toBeLessThanOrEqual(16);
  });

  it('keeps JSON parseable and unable to close its script element', () => {
    const text = JSON.stringify({ caption: '</script><script>alert(1)</script> \u2028' });
    const safe = jsonForScript(text);
    expect(safe).not.toMatch(/<\/script/i);
    expect(JSON.parse(safe)).toEqual(JSON.parse(text));
  });

  it('describes a city with a venue but no crowd size precisely', () => {
    const porto = fixture.rallies[1];
    if (!porto) throw new Error('no Porto');
    expect(cityDescription({ ...porto, venue: 'The square' }, 'Rallies')).toBe(
      'A rally in Porto, Portugal on 7 April 2018, one of the rallies. The source reports no crowd size.',
    );
  });
});

describe('oembedDocument', () => {
  it('is a rich oEmbed document whose html is the responsive embed code', () => {
    const [, oslo] = pageSpecs(fixture, 'https://rallies.example.org', '/maps/');
    if (!oslo) throw new Error('no Oslo spec');
    const document = oembedDocument(oslo, 'Rallies for a test', 'https://rallies.example.org', '/maps/', {
      file: 'embed.0123456789ab.js',
      integrity: 'sha384-xyz',
    });
    expect(document).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: 'Oslo, 7 April 2018 · Rallies for a test',
      provider_name: 'Rallies for a test',
      provider_url: 'https://rallies.example.org/maps/',
      width: 800,
      height: 640,
      thumbnail_url: 'https://rallies.example.org/maps/share/oslo.png',
    });
    expect(document.html).toContain('<iframe src="https://rallies.example.org/maps/embed/city/oslo/"');
    expect(document.html).toContain(
      '<script async src="https://rallies.example.org/maps/embed.0123456789ab.js" integrity="sha384-xyz" crossorigin="anonymous"></script>',
    );
  });
});

describe('pages for many rallies', () => {
  it('writes city pages (and their embed versions) for the first cityLimit rallies only', () => {
    const specs = pageSpecs(fixture, 'https://rallies.example.org', '/', 1);
    expect(specs.map((spec) => spec.outputFile)).toEqual([
      'index.html',
      'city/oslo/index.html',
      'embed/index.html',
      'embed/city/oslo/index.html',
      '404.html',
    ]);
  });

  it('carries no rally data when the collection is left out, so the page fetches the file', () => {
    const [overview] = pageSpecs(fixture, 'https://rallies.example.org', '/');
    if (!overview) throw new Error('no overview spec');
    const template = '<html><head><title>t</title></head><body><div id="root"></div></body></html>';
    const html = assemblePage(template, overview, 'Site', '<main></main>', null, '<meta />', '2026-11-24');
    expect(html).not.toContain('id="rally-data"');
    expect(html).toContain('<div id="root"><main></main></div>');
  });
});
