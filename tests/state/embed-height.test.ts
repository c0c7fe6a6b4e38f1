import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { embedHeightMessages } from '../../src/lib/embed-message.ts';
import { startPostingEmbedHeight } from '../../src/state/embed-height.ts';
import { initialRallyState, rallyStore, showRoute } from '../../src/state/rally-store.ts';
import { startUrlSync } from '../../src/state/url-sync.ts';
import { installFakeBrowser } from './fake-browser.ts';

let stopUrlSync: (() => void) | undefined;

/**
 * A fake iframe page loaded at `address` (its route and query read by
 * url-sync): its parent's postMessage, the resize observer's callback, and
 * the content's height.
 */
function installEmbedPage(address: string, options: { inIframe: boolean }) {
  installFakeBrowser(address);
  const postMessage = vi.fn();
  const fakeWindow = window as unknown as Record<string, unknown>;
  fakeWindow.parent = options.inIframe ? { postMessage } : fakeWindow;
  const observers: { callback: () => void; disconnect: ReturnType<typeof vi.fn> }[] = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      disconnect = vi.fn();
      constructor(callback: () => void) {
        observers.push({ callback, disconnect: this.disconnect });
      }
      observe() {
        // The test calls the callback itself.
      }
    },
  );
  stopUrlSync = startUrlSync();
  let height = 600;
  const content = { getBoundingClientRect: () => ({ height }) } as unknown as HTMLElement;
  return {
    postMessage,
    observers,
    content,
    /** The content takes this height, and the observer reports a resize. */
    resizeTo(next: number) {
      height = next;
      for (const observer of observers) observer.callback();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  rallyStore.setState(initialRallyState());
});

afterEach(() => {
  stopUrlSync?.();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startPostingEmbedHeight', () => {
  it('does nothing outside an iframe', () => {
    const page = installEmbedPage('/embed/', { inIframe: false });
    startPostingEmbedHeight(page.content);
    expect(page.observers).toEqual([]);
  });

  it('posts the height once it settles, in every format, named by the Pym child id from the address (src/lib/address.ts embedId)', () => {
    const page = installEmbedPage('/embed/city/london/?childId=map-1', { inIframe: true });
    startPostingEmbedHeight(page.content);
    page.resizeTo(640.2);
    page.resizeTo(700.4);
    expect(page.postMessage).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(page.postMessage.mock.calls.map(([message]: unknown[]) => message)).toEqual(
      embedHeightMessages(701, 'rally-map-map-1', 'map-1'),
    );
    expect(page.postMessage.mock.calls.every(([, origin]: unknown[]) => origin === '*')).toBe(true);
  });

  it('names the embed by the address it was loaded at, not by the city the reader opened since', () => {
    const page = installEmbedPage('/embed/city/london/', { inIframe: true });
    startPostingEmbedHeight(page.content);
    showRoute({ kind: 'city', cityId: 'rome' });
    page.resizeTo(300);
    vi.advanceTimersByTime(100);
    expect(page.postMessage).toHaveBeenLastCalledWith(embedHeightMessages(300, 'rally-map-london', null).at(-1), '*');
  });

  it('posts again only when the height changes', () => {
    const page = installEmbedPage('/embed/', { inIframe: true });
    startPostingEmbedHeight(page.content);
    page.resizeTo(500);
    vi.advanceTimersByTime(100);
    const posted = page.postMessage.mock.calls.length;
    page.resizeTo(500);
    vi.advanceTimersByTime(100);
    expect(page.postMessage.mock.calls.length).toBe(posted);
    page.resizeTo(520);
    vi.advanceTimersByTime(100);
    expect(page.postMessage.mock.calls.length).toBe(posted * 2);
    expect(page.postMessage).toHaveBeenLastCalledWith(embedHeightMessages(520, 'rally-map-all', null).at(-1), '*');
  });

  it('stops watching when stopped, and posts nothing pending', () => {
    const page = installEmbedPage('/embed/', { inIframe: true });
    const stop = startPostingEmbedHeight(page.content);
    page.resizeTo(480);
    stop();
    vi.advanceTimersByTime(100);
    expect(page.postMessage).not.toHaveBeenCalled();
    expect(page.observers[0]?.disconnect).toHaveBeenCalled();
  });
});
