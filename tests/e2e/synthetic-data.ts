import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Page } from '@playwright/test';

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
