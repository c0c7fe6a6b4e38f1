import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The shipped rally file, parsed, for tests that derive expectations from it or serve variants of it. */
export function readRallyData(): RallyFile {
  return JSON.parse(readFileSync('data/rallies.geojson', 'utf8')) as RallyFile;
}

/** Just enough of the rally file's shape for the end-to-end tests. */
export interface RallyFile {
  type: string;
  campaign: { quotes: { text: string; speaker: string; role?: string }[] };
  features: {
    id: string;
    properties: {
      name: string;
      quotes: { text: string; speaker: string; role?: string }[];
      photos: { caption: string; credit: string; alt: string; src?: string; width?: number; height?: number }[];
    };
  }[];
}

/**
 * Serves pages without the rally data embedded at build time, as the
 * development server does, so the app must fetch the rally file and show its
 * loading, error and problem states.
 */
export async function serveWithoutEmbeddedData(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname.endsWith('/'),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: withoutEmbeddedData(await response.text()) });
    },
  );
}

/** A generated page's HTML without its embedded rally data and rendered app, as the development server serves it. */
export function withoutEmbeddedData(html: string): string {
  return html
    .replace(/<script type="application\/json" id="rally-data"[^>]*>[\s\S]*?<\/script>/, '')
    .replace(/<div id="root">[\s\S]*<\/div>/, '<div id="root"></div>');
}
