import { describe, expect, it } from 'vitest';
import { embedCode } from '../../src/lib/embed-code.ts';

const options = {
  embedUrl: 'https://rallies.example.org/embed/city/london/',
  scriptUrl: 'https://rallies.example.org/embed.js',
  title: 'Map: London, 7 April 2018 · Rallies against the anti-gay purge in Chechnya',
};

describe('embedCode', () => {
  it('gives a responsive iframe followed by embed.js', () => {
    expect(embedCode({ ...options, mode: { kind: 'responsive' } })).toBe(
      '<iframe src="https://rallies.example.org/embed/city/london/" ' +
        'title="Map: London, 7 April 2018 · Rallies against the anti-gay purge in Chechnya" width="100%" height="640" ' +
        'loading="lazy" style="border:0" referrerpolicy="strict-origin-when-cross-origin" ' +
        'allow="clipboard-write; web-share"></iframe>\n' +
        '<script async src="https://rallies.example.org/embed.js"></script>',
    );
  });

  it('names the script with its integrity value, fetched with CORS', () => {
    const code = embedCode({
      ...options,
      scriptUrl: 'https://rallies.example.org/embed.0123456789ab.js',
      scriptIntegrity: 'sha384-abc+/=',
      mode: { kind: 'responsive' },
    });
    expect(code).toMatch(
      /\n<script async src="https:\/\/rallies\.example\.org\/embed\.0123456789ab\.js" integrity="sha384-abc\+\/=" crossorigin="anonymous"><\/script>$/,
    );
  });

  it('gives a fixed-height iframe without a script', () => {
    const code = embedCode({ ...options, mode: { kind: 'fixed', height: 900 } });
    expect(code).toContain('height="900"');
    expect(code).not.toContain('<script');
  });

  it('escapes every attribute value', () => {
    const code = embedCode({ ...options, title: 'A "quoted" <b>title</b> & more', mode: { kind: 'responsive' } });
    expect(code).toContain('title="A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; more"');
  });
});
