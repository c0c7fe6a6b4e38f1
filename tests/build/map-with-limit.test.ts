import { describe, expect, it } from 'vitest';
import { mapWithLimit } from '../../build/map-with-limit.ts';

describe('mapWithLimit', () => {
  it('keeps the items’ order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithLimit([5, 1, 4, 2, 3], 2, async (item, index) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return `${String(index)}:${String(item * 10)}`;
    });
    expect(results).toEqual(['0:50', '1:10', '2:40', '3:20', '4:30']);
    expect(most).toBe(2);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapWithLimit([1, 2, 3], 2, (item) => (item === 2 ? Promise.reject(new Error('two')) : Promise.resolve(item))),
    ).rejects.toThrow('two');
  });
});
