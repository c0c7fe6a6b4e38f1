import { describe, expect, it, vi } from 'vitest';
import { moduleLoader } from '../../src/state/module-loader.ts';

describe('moduleLoader', () => {
  it('imports once, however often it is asked, and tells its listeners when the module is there', async () => {
    const module = { default: 'the list' };
    const importModule = vi.fn(() => Promise.resolve(module));
    const loader = moduleLoader(importModule);
    const listener = vi.fn();
    loader.subscribe(listener);
    expect(loader.get()).toBeNull();
    loader.load();
    loader.load();
    await vi.waitFor(() => expect(loader.get()).toBe(module));
    loader.load();
    expect(importModule).toHaveBeenCalledTimes(1);
    // Once on its way, once there.
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('tries again after a failed import (offline, a redeploy), and stops telling a listener that left', async () => {
    const importModule = vi
      .fn<() => Promise<{ default: string }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ default: 'the clusters' });
    const loader = moduleLoader(importModule);
    const listener = vi.fn();
    const stop = loader.subscribe(listener);
    loader.load();
    await vi.waitFor(() => expect(importModule).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(loader.state().status).toBe('failed'));
    expect(loader.get()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    loader.load();
    await vi.waitFor(() => expect(loader.get()).toEqual({ default: 'the clusters' }));
    expect(importModule).toHaveBeenCalledTimes(2);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('goes from idle to loading to loaded, telling its listeners each time', async () => {
    const loader = moduleLoader(() => Promise.resolve('the map'));
    const seen: string[] = [];
    loader.subscribe(() => seen.push(loader.state().status));
    expect(loader.state()).toEqual({ status: 'idle' });
    const idle = loader.state();
    expect(loader.state()).toBe(idle);
    loader.load();
    await vi.waitFor(() => expect(loader.state()).toEqual({ status: 'loaded', module: 'the map' }));
    expect(seen).toEqual(['loading', 'loaded']);
  });

  it('with keepFailure, keeps a failed load failed, with its error, and does not import again', async () => {
    const error = new TypeError('Failed to fetch dynamically imported module');
    const importModule = vi.fn(() => Promise.reject(error));
    const loader = moduleLoader(importModule, { keepFailure: true });
    loader.load();
    await vi.waitFor(() => expect(loader.state()).toEqual({ status: 'failed', error }));
    loader.load();
    expect(loader.state()).toEqual({ status: 'failed', error });
    expect(importModule).toHaveBeenCalledTimes(1);
    expect(loader.get()).toBeNull();
  });
});
