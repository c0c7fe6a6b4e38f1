/**
 * A small stand-in for the parts of a browser page that src/state touches
 * (the address, the history, the title, `<html lang>`, events), so its
 * modules can be tested in Node. Not a test file itself.
 */
import { vi } from 'vitest';

/** The fake page: its address, its history calls, and a way to fire its events. */
export interface FakeBrowser {
  location: {
    origin: string;
    pathname: string;
    search: string;
    hash: string;
    readonly href: string;
    reload: () => void;
  };
  history: {
    state: unknown;
    pushState: ReturnType<typeof vi.fn<(state: unknown, unused: string, url: string) => void>>;
    replaceState: ReturnType<typeof vi.fn<(state: unknown, unused: string, url: string) => void>>;
  };
  document: { title: string; documentElement: { lang: string } };
  /** Fires an event at the window, as the browser would. */
  dispatch(type: string, event?: object): void;
}

/**
 * Installs a fake window, document and navigator at `address` (a path with
 * an optional query and hash, on https://rallies.example.org); the history
 * calls move the fake address as the browser's would. Undo with
 * `vi.unstubAllGlobals()`.
 */
export function installFakeBrowser(address: string, languages: readonly string[] = ['en-GB']): FakeBrowser {
  const url = new URL(address, 'https://rallies.example.org');
  const listeners = new Map<string, Set<(event: object) => void>>();
  const location = {
    origin: url.origin,
    pathname: url.pathname,
    search: url.search,
    hash: url.hash,
    get href() {
      return `${this.origin}${this.pathname}${this.search}${this.hash}`;
    },
    reload: vi.fn(),
  };
  const moveTo = (next: string) => {
    const moved = new URL(next, location.href);
    location.pathname = moved.pathname;
    location.search = moved.search;
    location.hash = moved.hash;
  };
  const history = {
    state: null as unknown,
    pushState: vi.fn((state: unknown, _unused: string, next: string) => {
      history.state = state;
      moveTo(next);
    }),
    replaceState: vi.fn((state: unknown, _unused: string, next: string) => {
      history.state = state;
      moveTo(next);
    }),
  };
  const document = { title: '', documentElement: { lang: 'en' } };
  const window = {
    location,
    history,
    addEventListener: (type: string, listener: (event: object) => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)?.add(listener);
    },
    removeEventListener: (type: string, listener: (event: object) => void) => {
      listeners.get(type)?.delete(listener);
    },
  };
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('navigator', { languages });
  return {
    location,
    history,
    document,
    dispatch(type, event = {}) {
      for (const listener of listeners.get(type) ?? []) listener(event);
    },
  };
}
