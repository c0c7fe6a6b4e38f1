import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markOfflineCopy, rallyStore } from '../../src/state/rally-store.ts';
import { reloadOnceOnStaleChunk } from '../../src/state/stale-chunk-reload.ts';
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
});
