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
    expect(listener).toHaveBeenCalledTimes(1);
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
    await Promise.resolve();
    expect(loader.get()).toBeNull();
    stop();
    loader.load();
    await vi.waitFor(() => expect(loader.get()).toEqual({ default: 'the clusters' }));
    expect(listener).not.toHaveBeenCalled();
  });
});
