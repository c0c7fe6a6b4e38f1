import { embedId as embedIdFor, parsePymChildId } from '../lib/address.ts';
import { embedHeightMessages } from '../lib/embed-message.ts';
import { pageQuery, routeAtLoad } from './url-sync.ts';

/** How long the content height must hold still before it is posted, in milliseconds. */
const settleMs = 80;

/**
 * In an iframe, tells the host page the height of this page's content
 * whenever it changes, and only then, after it settles: in rally-map's own
 * message and in the forms AMP, Datawrapper and Pym.js hosts understand.
 * Every message names the embed by the address it was loaded at, never by
 * the city the reader opened since. Outside an iframe it does nothing. Returns a function that stops it.
 */
export function startPostingEmbedHeight(content: HTMLElement): () => void {
  if (window.parent === window) return () => undefined;
  let lastHeight = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const childId = parsePymChildId(pageQuery());
  // Fixed for the embed's lifetime: naming the current city would tell the host page where the reader went.
  const embedId = embedIdFor(routeAtLoad(), childId);

  const post = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    for (const message of embedHeightMessages(height, embedId, childId)) {
      // Only a height is sent, so any host may read it.
      window.parent.postMessage(message, '*');
    }
  };
  const observer = new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(post, settleMs);
  });
  observer.observe(content);

  return function stopPostingEmbedHeight() {
    observer.disconnect();
    clearTimeout(timer);
  };
}
