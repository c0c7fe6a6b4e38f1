import { describe, expect, it } from 'vitest';
import { chooseEncoding, type Encoding } from '../../../scripts/lib/content-encoding.ts';

const both = new Set<Encoding>(['br', 'gzip']);

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['br;q=0, gzip', both, 'gzip'],
    ['BR', both, 'br'],
    ['gzip;q=0.5, br;q=0', both, 'gzip'],
    ['*', both, 'br'],
    ['*, br;q=0', both, 'gzip'],
    ['identity', both, null],
    ['', both, null],
    [undefined, both, null],
    ['gzip, br', new Set<Encoding>(['gzip']), 'gzip'],
    ['br', new Set<Encoding>(['gzip']), null],
    ['gzip, br', new Set<Encoding>(), null],
  ] as const)('Accept-Encoding %j with copies %j sends %j', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });
});
