import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rallyIndexPath, rallyRecordShardPath, rallyRecordsPath } from '../../src/lib/address.ts';
import type { RallyCollection } from '../../src/lib/parse-rallies.ts';
import { encodeRallyIndex, recordShards } from '../../src/lib/rally-index.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/**
 * Writes the rally index of `collection` (src/lib/rally-index.ts) into
 * `outDir`: `data/rally-index.bin` and its record shards,
 * `data/records/<n>.geojson`. Returns how many bytes the index has and how
 * many shards were written. The bench calls it too, to give a copy of a
 * built site another rally file.
 */
export function writeRallyIndexFiles(collection: RallyCollection, outDir: string): { bytes: number; shards: number } {
  const file = (path: string) => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    return target;
  };
  const index = encodeRallyIndex(collection);
  writeFileSync(file(rallyIndexPath('/')), index);
  const shards = recordShards(collection);
  shards.forEach((shard, number) => {
    writeFileSync(file(rallyRecordShardPath(rallyRecordsPath('/'), number)), JSON.stringify(shard));
  });
  return { bytes: index.byteLength, shards: shards.length };
}

/**
 * With many rallies, writes the rally index (`writeRallyIndexFiles`), which
 * the pages fetch instead of the rally file; `data/rallies.geojson` is still
 * written, for anyone who wants the file itself. With few rallies the pages
 * carry their data, and nothing is written.
 */
export function writeRallyIndex(context: PostBuildContext): void {
  if (!context.manyRallies) return;
  const { bytes, shards } = writeRallyIndexFiles(context.collection, context.outDir);
  context.summary.push(`rally index ${String(Math.round(bytes / 1024))} kB and ${String(shards)} record shards`);
}
