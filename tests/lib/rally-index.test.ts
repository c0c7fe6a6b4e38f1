import { describe, expect, it } from 'vitest';
import { unpackSummaries } from '../../src/lib/packed-summaries.ts';
import { parseRallyCollection, type RallyCollection } from '../../src/lib/parse-rallies.ts';
import { decodeRallyIndex, encodeRallyIndex, recordShardOf, recordShards } from '../../src/lib/rally-index.ts';
import { summarizeRally } from '../../src/lib/rally-summary.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const collection = (): RallyCollection => parseRallyCollection(readRallyDocument());

/** The bytes of `encoded` in a buffer of their own, as a download gives them. */
const download = (encoded: Uint8Array): ArrayBuffer => encoded.slice().buffer;

function decoded(bytes: ArrayBuffer) {
  const result = decodeRallyIndex(bytes);
  if (!result.ok) throw new Error(result.message);
  return result.index;
}

describe('encodeRallyIndex and decodeRallyIndex', () => {
  it('give back every summary, the campaign and the problems', () => {
    const source = collection();
    const document = readRallyDocument();
    (document.features as unknown[]).push({ type: 'Feature', id: 'nowhere', geometry: null, properties: {} });
    const withProblem = parseRallyCollection(document);
    expect(withProblem.problems.length).toBeGreaterThan(0);
    const index = decoded(download(encodeRallyIndex(withProblem, 3)));
    expect(unpackSummaries(index.summaries, 0, index.summaries.count)).toEqual(source.rallies.map(summarizeRally));
    expect(index.campaign).toEqual(source.campaign);
    expect(index.problems).toEqual(withProblem.problems);
    expect(index.shardSize).toBe(3);
  });

  it('keep names in any script, and a lone surrogate, at the same text offsets', () => {
    const source = collection();
    const [first, second] = source.rallies;
    if (!first || !second) throw new Error('no rallies');
    first.name = 'Лондон 🏳️‍🌈';
    first.localName = 'São Paulo \ud800 x';
    const index = decoded(download(encodeRallyIndex(source)));
    const [one, two] = unpackSummaries(index.summaries, 0, 2);
    expect(one?.name).toBe('Лондон 🏳️‍🌈');
    // A lone surrogate cannot be written as UTF-8; it becomes U+FFFD, one unit long as it was.
    expect(one?.localName).toBe('São Paulo \ufffd x');
    expect(two?.name).toBe(second.name);
  });

  it('read an empty collection', () => {
    const index = decoded(download(encodeRallyIndex({ campaign: null, rallies: [], problems: [] })));
    expect(index.summaries.count).toBe(0);
    expect(index.campaign).toBeNull();
  });

  it('turn anything else into a message, never a throw', () => {
    const good = encodeRallyIndex(collection());
    const damaged = (change: (bytes: Uint8Array) => void) => {
      const copy = good.slice();
      change(copy);
      return decodeRallyIndex(copy.buffer);
    };
    const headerLength = new DataView(good.buffer).getUint32(4, true);
    const arraysStart = Math.ceil((8 + headerLength) / 8) * 8;
    const cases: [string, { ok: boolean }][] = [
      ['empty', decodeRallyIndex(new ArrayBuffer(0))],
      ['JSON', decodeRallyIndex(new TextEncoder().encode('{"type":"FeatureCollection"}').buffer)],
      ['cut short', decodeRallyIndex(good.slice(0, good.length - 1).buffer)],
      ['cut in the header', decodeRallyIndex(good.slice(0, 20).buffer)],
      ['a byte too many', decodeRallyIndex(new Uint8Array([...good, 0]).buffer)],
      ['header length past the end', damaged((bytes) => new DataView(bytes.buffer).setUint32(4, 1e9, true))],
      ['header not JSON', damaged((bytes) => bytes.fill(0x20, 8, 8 + headerLength))],
      ['a longitude off the globe', damaged((bytes) => new DataView(bytes.buffer).setFloat64(arraysStart, 720, true))],
      [
        'a latitude that is not a number',
        damaged((bytes) => new DataView(bytes.buffer).setFloat64(arraysStart + 8, Number.NaN, true)),
      ],
      [
        'a text number past the texts',
        damaged((bytes) => new DataView(bytes.buffer).setUint32(arraysStart + 8 * 2 * 8 + 4, 1e6, true)),
      ],
    ];
    for (const [name, result] of cases) expect(result.ok, name).toBe(false);
    expect(decodeRallyIndex(good.slice().buffer).ok).toBe(true);
  });
});

describe('recordShards', () => {
  it('split the records in list order, each shard read back to the same rallies', () => {
    const source = collection();
    const shards = recordShards(source, 3);
    expect(shards).toHaveLength(3);
    const readBack = shards.flatMap((shard) => {
      const parsed = parseRallyCollection(JSON.parse(JSON.stringify(shard)));
      // A shard carries no campaign, which is all that is said of it.
      expect(parsed.problems.filter((problem) => problem.featureIndex !== null)).toEqual([]);
      return parsed.rallies;
    });
    expect(readBack).toEqual(source.rallies);
    source.rallies.forEach((rally, index) => {
      expect(shards[recordShardOf(index, 3)]?.features.some((feature) => feature.id === rally.id)).toBe(true);
    });
  });
});
