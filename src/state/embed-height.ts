import { parsePymChildId } from '../lib/address.ts';
import { embedHeightMessages } from '../lib/embed-message.ts';
import { rallyStore } from './rally-store.ts';
import { pageQuery } from './url-sync.ts';

/** How long the content height must hold still before it is posted, in milliseconds. */
const settleMs = 80;

/**
 * In an iframe, tells the host page the height of this page's content
 * whenever it changes, and only then, after it settles: in rally-map's own
 * message and in the forms AMP, Datawrapper and Pym.js hosts understand.
 * Outside an iframe it does nothing. Returns a function that stops it.
 */
export function startPostingEmbedHeight(content: HTMLElement): () => void {
  if (window.parent === window) return () => undefined;
  let lastHeight = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const childId = parsePymChildId(pageQuery());

  const post = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    const route = rallyStore.getState().route;
    const embedId = `rally-map-${route.kind === 'city' ? route.cityId : 'all'}`;
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
