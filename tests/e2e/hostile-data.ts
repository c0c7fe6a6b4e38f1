import type { Page } from '@playwright/test';
import { readRallyData } from './rally-data.ts';

/** Collects Content Security Policy violations, page errors and dialogs from the start of every page load. */
export async function watchForTrouble(page: Page): Promise<() => Promise<string[]>> {
  const trouble: string[] = [];
  page.on('pageerror', (error) => trouble.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    trouble.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
    (window as unknown as { ran: () => void }).ran = () => seen.push('hostile script ran');
  });
  return async () => [
    ...trouble,
    ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)),
  ];
}

/** Texts that would run `window.ran()` if any of them were ever treated as markup or script. */
export const payloads = [
  '<script>window.ran()</script>',
  '<img src=x onerror="window.ran()">',
  '"><svg onload=window.ran()>',
  'javascript:window.ran()',
  '{{constructor.constructor("window.ran()")()}}',
];
/** Addresses a link or image must never get. */
export const hostileUrls = [
  'javascript:window.ran()',
  ' javascript:window.ran()',
  'JAVASCRIPT:window.ran()',
  'java\tscript:window.ran()',
  'data:text/html,<script>window.ran()</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x.jpg',
  'http://evil.example/x.jpg',
];

/**
 * The real data with every text field carrying a payload, the campaign's as
 * well as each rally's, and hostile URLs in Berlin's sources and Rome's photos.
 */
export function hostileData() {
  const data = structuredClone(readRallyData()) as unknown as {
    campaign: Record<string, unknown>;
    features: { id: string; properties: Record<string, unknown> }[];
  };
  let counter = 0;
  const poison = (text: string) => `${text} ${payloads[counter++ % payloads.length] ?? ''}`;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return poison(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          ['lang', 'country', 'date', 'locationPrecision', 'url', 'src'].includes(key) ? inner : walk(inner),
        ]),
      );
    }
    return value;
  };
  for (const feature of data.features) feature.properties = walk(feature.properties) as Record<string, unknown>;
  data.campaign = walk(data.campaign) as Record<string, unknown>;
  const berlin = data.features.find((feature) => feature.id === 'berlin');
  if (!berlin) throw new Error('no Berlin');
  berlin.properties.sources = hostileUrls.map((url) => ({ title: 'Bad', publisher: 'Bad', url }));
  const rome = data.features.find((feature) => feature.id === 'rome');
  if (!rome) throw new Error('no Rome');
  rome.properties.photos = hostileUrls.map((src) => ({
    caption: 'Bad',
    credit: 'Bad',
    alt: 'Bad',
    src,
    width: 10,
    height: 10,
  }));
  return data;
}
