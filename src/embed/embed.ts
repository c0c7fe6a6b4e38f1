/**
 * embed.js: pasted by newsrooms after a rally-map iframe. It sets each map
 * iframe's height to the height its page reports, so the map never scrolls
 * inside the article and never leaves a gap. No dependencies, no globals
 * beyond one flag, and nothing but a height is ever read from a message.
 */
import { readHeightMessage } from '../lib/embed-message.ts';

const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.src) {
  const scriptUrl = new URL(script.src);
  const mapOrigin = scriptUrl.origin;
  // The site's base path: embed.js is served from the site root, its versioned copy from assets/.
  const embedPath = `${scriptUrl.pathname.replace(/(?:assets\/)?[^/]*$/, '')}embed/`;
  const flag = `rallyMapEmbed:${mapOrigin}${embedPath}`;
  const registry = window as unknown as Record<string, boolean | undefined>;

  // Several snippets on one page share one listener per map site.
  if (!registry[flag]) {
    registry[flag] = true;
    window.addEventListener('message', (event: MessageEvent) => {
      if (event.origin !== mapOrigin) return;
      const height = readHeightMessage(event.data);
      if (height === null) return;
      for (const iframe of document.querySelectorAll('iframe')) {
        if (iframe.contentWindow !== event.source) continue;
        let frameUrl: URL;
        try {
          frameUrl = new URL(iframe.src, document.baseURI);
        } catch {
          return;
        }
        if (frameUrl.origin === mapOrigin && frameUrl.pathname.startsWith(embedPath)) {
          iframe.style.height = `${String(height)}px`;
        }
        return;
      }
    });
  }
}
