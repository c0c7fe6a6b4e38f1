import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { rallyIndexLink } from '../../build/page-meta.ts';
import { loadCollection } from '../../build/steps/load-collection.ts';
import { rallyIndexPath } from '../../src/lib/address.ts';
import { writeRallyIndexFiles } from '../../build/steps/write-rally-index.ts';
import { withoutEmbeddedData } from './rally-data.ts';

/** The files a synthetic rally file is made from: a change to any of them makes a new file. */
const sources = ['scripts/generate-rallies.ts', 'scripts/lib/synthetic-rallies.ts', 'data/rallies.geojson'];

/**
 * The path of a generated file of `count` synthetic rallies under tmp/e2e/,
 * generated (once; about 12 s for 100,000) unless a file made from the same
 * sources is already there. Files of the same count made from older sources are removed.
 */
export function syntheticRallyFile(count: number): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(readFileSync(source));
  const path = `tmp/e2e/rallies-${count}-${hash.digest('hex').slice(0, 10)}.geojson`;
  if (!existsSync(path)) {
    mkdirSync('tmp/e2e', { recursive: true });
    for (const stale of readdirSync('tmp/e2e').filter((name) => name.startsWith(`rallies-${count}-`))) {
      rmSync(`tmp/e2e/${stale}`);
    }
    execFileSync('npx', ['tsx', 'scripts/generate-rallies.ts', String(count), path], { stdio: 'ignore' });
  }
  return path;
}

/** Answers the page's requests for the rally file with the file at `path`. */
export async function serveRallyFile(page: Page, path: string): Promise<void> {
  await page.route('**/data/rallies.geojson', (route) =>
    route.fulfill({ path, headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } }),
  );
}

/** The files a rally index is written by: a change to any of them makes a new one. */
const indexSources = ['src/lib/rally-index.ts', 'src/lib/packed-summaries.ts', 'build/steps/write-rally-index.ts'];

/**
 * The folder (under tmp/e2e/) of the rally index and record shards the build
 * writes for `syntheticRallyFile(count)` (build/steps/write-rally-index.ts),
 * as `data/rally-index.bin` and `data/records/`; written once, unless the
 * file or the code that writes it changed. Older folders of the same count are removed.
 */
export function syntheticRallyIndex(count: number): string {
  const file = syntheticRallyFile(count);
  const hash = createHash('sha256').update(file);
  for (const source of indexSources) hash.update(readFileSync(source));
  const name = `index-${String(count)}-${hash.digest('hex').slice(0, 10)}`;
  const folder = `tmp/e2e/${name}`;
  if (!existsSync(folder)) {
    for (const stale of readdirSync('tmp/e2e').filter((entry) => entry.startsWith(`index-${String(count)}-`))) {
      rmSync(`tmp/e2e/${stale}`, { recursive: true, force: true });
    }
    // Written aside and renamed, so a run stopped halfway leaves no half-written folder behind.
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    writeRallyIndexFiles(loadCollection(file), partial);
    renameSync(partial, folder);
  }
  return folder;
}

/**
 * Serves the built site as a site of `count` synthetic rallies is built:
 * pages without embedded data, naming the rally index in their preload link
 * (as build/page-meta.ts writes it), and the index and its record shards
 * from `syntheticRallyIndex(count)`. Returns the record shards the page asked for.
 */
export async function serveRallyIndex(page: Page, count: number): Promise<string[]> {
  const folder = syntheticRallyIndex(count);
  const shardsAsked: string[] = [];
  await page.route(
    (url) => url.pathname.endsWith('/'),
    async (route) => {
      const response = await route.fetch();
      const html = withoutEmbeddedData(await response.text()).replace(
        '</head>',
        () => `${rallyIndexLink(rallyIndexPath('/'))}</head>`,
      );
      await route.fulfill({ response, body: html });
    },
  );
  await page.route('**/data/rally-index.bin', (route) =>
    route.fulfill({ path: `${folder}/data/rally-index.bin`, headers: { 'Content-Type': 'application/octet-stream' } }),
  );
  await page.route('**/data/records/*.geojson', (route) => {
    const shard = /\/(\d+)\.geojson$/.exec(new URL(route.request().url()).pathname)?.[1] ?? '';
    shardsAsked.push(shard);
    return route.fulfill({
      path: `${folder}/data/records/${shard}.geojson`,
      headers: { 'Content-Type': 'application/geo+json; charset=utf-8' },
    });
  });
  return shardsAsked;
}
