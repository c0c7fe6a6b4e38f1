import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markOfflineCopy, rallyStore } from '../../src/state/rally-store.ts';
import { isFileGone, reloadOnceOnStaleChunk } from '../../src/state/stale-chunk-reload.ts';
import { installFakeBrowser, type FakeBrowser } from './fake-browser.ts';

/** Gives the fake window a session storage (a plain map, or one that refuses every call). */
function withSessionStorage(refuses = false) {
  const stored = new Map<string, string>();
  const refuse = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  (window as unknown as Record<string, unknown>).sessionStorage = {
    getItem: refuses ? refuse : (key: string) => stored.get(key) ?? null,
    setItem: refuses ? refuse : (key: string, value: string) => stored.set(key, value),
  };
}

function staleChunk(browser: FakeBrowser) {
  const event = { preventDefault: vi.fn() };
  browser.dispatch('vite:preloadError', event);
  return event;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-30T05:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('reloadOnceOnStaleChunk', () => {
  it('reloads the page once when a code file of an older deploy is gone', () => {
    const browser = installFakeBrowser('/city/london/');
    withSessionStorage();
    reloadOnceOnStaleChunk();
    const event = staleChunk(browser);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(browser.location.reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload again within a minute, so a broken deploy cannot loop', () => {
    const browser = installFakeBrowser('/');
    withSessionStorage();
    reloadOnceOnStaleChunk();
    staleChunk(browser);
    vi.advanceTimersByTime(30_000);
    staleChunk(browser);
    expect(browser.location.reload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(31_000);
    staleChunk(browser);
    expect(browser.location.reload).toHaveBeenCalledTimes(2);
  });

  it('never reloads without session storage, where an earlier reload cannot be known', () => {
    const browser = installFakeBrowser('/');
    withSessionStorage(true);
    reloadOnceOnStaleChunk();
    const event = staleChunk(browser);
    expect(browser.location.reload).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('never reloads the service worker’s offline copy, which lacks files it never stored, not a new deploy', () => {
    const browser = installFakeBrowser('/');
    withSessionStorage();
    markOfflineCopy();
    reloadOnceOnStaleChunk();
    const event = staleChunk(browser);
    rallyStore.setState({ offlineCopy: false });
    expect(browser.location.reload).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('asks whether the file the error names is gone, and reloads only when it is: offline is no new deploy', async () => {
    const browser = installFakeBrowser('/');
    withSessionStorage();
    const answers = new Map([
      ['https://rallies.example.org/assets/share-menu-old.js', true],
      ['https://rallies.example.org/assets/rally-map-abc.css', false],
    ]);
    const asked: string[] = [];
    reloadOnceOnStaleChunk((url) => {
      asked.push(url);
      return Promise.resolve(answers.get(url) ?? false);
    });
    const offline = {
      preventDefault: vi.fn(),
      payload: new Error('Unable to preload CSS for https://rallies.example.org/assets/rally-map-abc.css'),
    };
    browser.dispatch('vite:preloadError', offline);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    await Promise.resolve();
    expect(browser.location.reload).not.toHaveBeenCalled();
    const gone = {
      preventDefault: vi.fn(),
      payload: new TypeError(
        'Failed to fetch dynamically imported module: https://rallies.example.org/assets/share-menu-old.js',
      ),
    };
    browser.dispatch('vite:preloadError', gone);
    await vi.waitFor(() => expect(browser.location.reload).toHaveBeenCalledTimes(1));
    // The error goes on to the part that asked for the file.
    expect(offline.preventDefault).not.toHaveBeenCalled();
    expect(gone.preventDefault).not.toHaveBeenCalled();
    expect(asked).toEqual([
      'https://rallies.example.org/assets/rally-map-abc.css',
      'https://rallies.example.org/assets/share-menu-old.js',
    ]);
  });
});

describe('isFileGone', () => {
  it('is true for 404 and 410 only, and false when the file cannot be reached at all', async () => {
    const answer = (status: number | null) =>
      vi.fn<typeof fetch>(() =>
        status === null
          ? Promise.reject(new TypeError('Failed to fetch'))
          : Promise.resolve(new Response(null, { status })),
      );
    for (const [status, gone] of [
      [404, true],
      [410, true],
      [200, false],
      [503, false],
      [null, false],
    ] as const) {
      const fetchFile = answer(status);
      vi.stubGlobal('fetch', fetchFile);
      expect(await isFileGone('/assets/x.js'), String(status)).toBe(gone);
      expect(fetchFile).toHaveBeenCalledWith('/assets/x.js', { method: 'HEAD', cache: 'no-store' });
    }
  });
});
