import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offlineCopyTimingName } from '../../src/lib/offline-copy.ts';
import { noteOfflineCopyPage, registerServiceWorkerWhenIdle } from '../../src/state/offline.ts';
import { initialRallyState, rallyStore, setPresentation } from '../../src/state/rally-store.ts';

/** Makes the page's navigation entry carry these `Server-Timing` metric names. */
function navigationWithServerTiming(names: readonly string[]) {
  vi.spyOn(performance, 'getEntriesByType').mockReturnValue([
    { serverTiming: names.map((name) => ({ name })) } as unknown as PerformanceEntry,
  ]);
}

/** A browser with a service worker container, a loaded page and an idle callback that runs at once. */
function installServiceWorkerBrowser() {
  const register = vi.fn(() => Promise.resolve({}));
  vi.stubGlobal('navigator', { serviceWorker: { register } });
  vi.stubGlobal('document', { readyState: 'complete' });
  vi.stubGlobal('window', {
    requestIdleCallback: (callback: () => void) => {
      callback();
    },
    addEventListener: vi.fn(),
  });
  return register;
}

beforeEach(() => {
  rallyStore.setState(initialRallyState());
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('noteOfflineCopyPage', () => {
  it('records a page the service worker answered from its offline copy', () => {
    navigationWithServerTiming(['cache', offlineCopyTimingName]);
    noteOfflineCopyPage();
    expect(rallyStore.getState().offlineCopy).toBe(true);
  });

  it('leaves a page the network answered as it is', () => {
    navigationWithServerTiming(['cache']);
    noteOfflineCopyPage();
    expect(rallyStore.getState().offlineCopy).toBe(false);
  });

  it('copes with a browser that gives no navigation entry', () => {
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([]);
    noteOfflineCopyPage();
    expect(rallyStore.getState().offlineCopy).toBe(false);
  });
});

describe('registerServiceWorkerWhenIdle', () => {
  it('registers sw.js for the whole site in a production build, once the page is idle', () => {
    vi.stubEnv('PROD', true);
    const register = installServiceWorkerBrowser();
    registerServiceWorkerWhenIdle();
    expect(register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
  });

  it('never registers in the embed version', () => {
    vi.stubEnv('PROD', true);
    const register = installServiceWorkerBrowser();
    setPresentation('embed');
    registerServiceWorkerWhenIdle();
    expect(register).not.toHaveBeenCalled();
  });

  it('never registers on the development server', () => {
    vi.stubEnv('PROD', false);
    const register = installServiceWorkerBrowser();
    registerServiceWorkerWhenIdle();
    expect(register).not.toHaveBeenCalled();
  });
});
