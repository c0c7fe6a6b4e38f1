/** What is shared: an absolute page URL and a line of text naming it. */
export interface SharedPage {
  url: string;
  text: string;
}

/** A plain link to a service's own share page. */
export interface ShareLink {
  id: 'whatsapp' | 'telegram' | 'bluesky' | 'x' | 'facebook' | 'email';
  label: string;
  href: string;
}

/**
 * Plain share links for the services that accept one: no scripts, no
 * tracking parameters, nothing loaded until the reader follows a link.
 * Signal has no web share address (the system share sheet covers it) and
 * Mastodon needs the reader's server (see `mastodonShareUrl`).
 */
export function shareLinks({ url, text }: SharedPage): ShareLink[] {
  const q = encodeURIComponent;
  const textAndUrl = `${text} ${url}`;
  return [
    { id: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${q(textAndUrl)}` },
    { id: 'telegram', label: 'Telegram', href: `https://t.me/share/url?url=${q(url)}&text=${q(text)}` },
    { id: 'bluesky', label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${q(textAndUrl)}` },
    { id: 'x', label: 'X', href: `https://x.com/intent/tweet?text=${q(text)}&url=${q(url)}` },
    { id: 'facebook', label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
    { id: 'email', label: 'Email', href: `mailto:?subject=${q(text)}&body=${q(textAndUrl)}` },
  ];
}

// A host name in its ASCII (punycode) form: labels of letters, digits and hyphens, and a top-level
// domain of letters or an internationalised one (`xn--p1ai` for `.рф`).
const hostPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * `text` as an ASCII host name, internationalised names (`мастодон.рф`)
 * turned into their punycode form by the URL parser, or `null` when it is
 * anything but a bare host name (no port, path, user, query or fragment).
 */
function asciiHost(text: string): string | null {
  if (text === '' || /[\s/\\?#@:%[\]]/u.test(text)) return null;
  try {
    const { hostname } = new URL(`https://${text}/`);
    return hostPattern.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}

/**
 * The share address on the reader's own Mastodon server, from what they typed
 * ("mastodon.social", "https://mastodon.social/", "@me@mastodon.social",
 * "мастодон.рф"), or `null` when it is not a plain host name. Only a host is
 * ever taken from the input, so it cannot smuggle a path, port, credentials or
 * another scheme. Internationalised names are written in their punycode form.
 */
export function mastodonShareUrl(server: string, { url, text }: SharedPage): string | null {
  const trimmed = server.trim().toLowerCase();
  const host = asciiHost(
    trimmed
      .replace(/^https:\/\//, '')
      .replace(/\/$/, '')
      .replace(/^@?[\p{L}\p{N}_.]+@/u, ''),
  );
  if (host === null) return null;
  return `https://${host}/share?text=${encodeURIComponent(`${text} ${url}`)}`;
}
