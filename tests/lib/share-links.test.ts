import { describe, expect, it } from 'vitest';
import { mastodonShareUrl, shareLinks } from '../../src/lib/share-links.ts';

const page = {
  url: 'https://rallies.example.org/city/mexico-city/',
  text: 'Mexico City, 7 April 2018 · Rallies & more',
};

describe('shareLinks', () => {
  const links = new Map(shareLinks(page).map((link) => [link.id, link.href]));

  it('offers WhatsApp, Telegram, Bluesky, X, Facebook and email', () => {
    expect([...links.keys()]).toEqual(['whatsapp', 'telegram', 'bluesky', 'x', 'facebook', 'email']);
  });

  it('puts the exact page URL and text into each link, encoded', () => {
    expect(links.get('whatsapp')).toBe(
      'https://wa.me/?text=Mexico%20City%2C%207%20April%202018%20%C2%B7%20Rallies%20%26%20more%20https%3A%2F%2Frallies.example.org%2Fcity%2Fmexico-city%2F',
    );
    expect(links.get('facebook')).toBe(
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Frallies.example.org%2Fcity%2Fmexico-city%2F',
    );
    const telegram = new URL(links.get('telegram') ?? '');
    expect(telegram.searchParams.get('url')).toBe(page.url);
    expect(telegram.searchParams.get('text')).toBe(page.text);
    const x = new URL(links.get('x') ?? '');
    expect(x.searchParams.get('url')).toBe(page.url);
    const email = links.get('email') ?? '';
    expect(email.startsWith('mailto:?subject=')).toBe(true);
    expect(decodeURIComponent(email)).toContain(page.url);
  });

  it('adds no tracking parameters', () => {
    for (const href of links.values()) {
      expect(href).not.toMatch(/utm_|fbclid|ref=|source=/);
    }
  });

  it('uses https for every web service', () => {
    for (const [id, href] of links) {
      if (id !== 'email') expect(new URL(href).protocol).toBe('https:');
    }
  });
});

describe('mastodonShareUrl', () => {
  it.each(['mastodon.social', ' Mastodon.Social ', 'https://mastodon.social/', '@someone@mastodon.social'])(
    'reads %j as the server mastodon.social',
    (typed) => {
      const href = mastodonShareUrl(typed, page);
      expect(href).not.toBeNull();
      const url = new URL(href ?? '');
      expect(url.origin).toBe('https://mastodon.social');
      expect(url.pathname).toBe('/share');
      expect(url.searchParams.get('text')).toBe(`${page.text} ${page.url}`);
    },
  );

  it.each([
    ['мастодон.рф', 'https://xn--80aiwgdbsi.xn--p1ai'],
    ['xn--80aiwgdbsi.xn--p1ai', 'https://xn--80aiwgdbsi.xn--p1ai'],
    ['@someone@Мастодон.РФ', 'https://xn--80aiwgdbsi.xn--p1ai'],
    ['social.bücher.example', 'https://social.xn--bcher-kva.example'],
  ])('accepts the internationalised server %j as %s', (typed, origin) => {
    expect(new URL(mastodonShareUrl(typed, page) ?? 'about:blank').origin).toBe(origin);
  });

  it.each([
    '',
    'localhost',
    'evil.example%2fphish',
    'xn--.xn--p1ai',
    '[::1]',
    'javascript:alert(1)',
    'http://mastodon.social',
    'evil.example/phish?x=',
    'user:pass@evil.example',
    'mastodon.social:8080',
    '//evil.example',
    'evil.example#',
    'a b.social',
    '127.0.0.1',
  ])('refuses %j', (typed) => {
    expect(mastodonShareUrl(typed, page)).toBeNull();
  });
});
