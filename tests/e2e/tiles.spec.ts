import { expect, reachForTheMap, test } from './test.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { solidPng } from './png.ts';

// One build with street-level tiles configured, served beside a local tile server.
test.describe.configure({ mode: 'serial' });

const tilePort = 4176;
const sitePort = 4175;
const tileOrigin = `http://127.0.0.1:${tilePort}`;
const site = `http://127.0.0.1:${sitePort}`;
const outDir = 'test-results/dist-tiles';
const attribution = '© Test Tiles <b>bold</b>';
const tile = solidPng(256, 256, [120, 200, 120]);

let tileMode: 'hold' | 'ok' | 'forbidden' = 'ok';
let heldTiles: (() => void)[] = [];
const tileRequests: string[] = [];
let tileServer: Server | undefined;
let siteServer: StaticServer | undefined;

test.beforeAll(async () => {
  // A whole build: 20 to 50 s on a busy two-core machine.
  test.setTimeout(300_000);
  const built = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    env: {
      ...process.env,
      LOCAL_BUILD: '1',
      TILE_URL: `${tileOrigin}/{z}/{x}/{y}.png`,
      TILE_ATTRIBUTION: attribution,
      TILE_MAX_ZOOM: '12',
    },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build with tiles failed: ${built.stderr}`);

  const tiles = createServer((request, response) => {
    tileRequests.push(request.url ?? '');
    const answer = () => {
      if (tileMode === 'forbidden') {
        response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
      } else {
        response.writeHead(200, { 'Content-Type': 'image/png' }).end(tile);
      }
    };
    if (tileMode === 'hold') heldTiles.push(answer);
    else answer();
  });
  tileServer = tiles;
  await new Promise<void>((resolve) => tiles.listen(tilePort, '127.0.0.1', resolve));

  siteServer = await startStaticServer({ folder: outDir, port: sitePort });
});

// Both servers stop with the tests, whatever happened in them.
test.afterAll(async () => {
  await siteServer?.close();
  if (tileServer?.listening) {
    await new Promise((resolve) => {
      tileServer?.close(resolve);
      tileServer?.closeAllConnections();
    });
  }
});

test.beforeEach(() => {
  tileRequests.length = 0;
  heldTiles = [];
});

test('the policy of a build with tiles names the tile host in img-src, and nothing else new', () => {
  const html = readFileSync(`${outDir}/index.html`, 'utf8');
  const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  expect(policy).toContain(`img-src 'self' data: ${tileOrigin};`);
  expect(policy.split(tileOrigin)).toHaveLength(2);
});

test('the basemap draws first, tiles come from the configured host only, the attribution is text', async ({ page }) => {
  const hosts = new Set<string>();
  const violations: string[] = [];
  page.on('request', (request) => hosts.add(new URL(request.url()).origin));
  page.on('pageerror', (error) => violations.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`csp ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.text().startsWith('csp ')) violations.push(message.text());
  });
  tileMode = 'hold';
  await page.goto(`${site}/`);
  await reachForTheMap(page);
  await expect(page.locator('.rally-marker')).toHaveCount(8);
  await expect(page.locator('.basemap-land').first()).toBeAttached();
  await expect.poll(() => heldTiles.length).toBeGreaterThan(0);
  await expect(page.locator('.street-tile .leaflet-tile-loaded')).toHaveCount(0);

  tileMode = 'ok';
  for (const answer of heldTiles) answer();
  await expect(page.locator('.street-tile .leaflet-tile-loaded').first()).toBeVisible();
  await expect(page.locator('.basemap-land').first()).toBeAttached();
  await expect(page.locator('.tile-attribution')).toHaveText(`Street map: ${attribution}`);
  await expect(page.locator('.tile-attribution b')).toHaveCount(0);
  expect(tileRequests.every((path) => /^\/\d+\/\d+\/\d+\.png$/.test(path))).toBe(true);
  expect([...hosts].sort()).toEqual([site, tileOrigin].sort());
  expect(violations).toEqual([]);
});

test('tiles answered with 403 give way to the basemap; the markers keep working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.message} ${error.stack ?? ''}`));
  tileMode = 'forbidden';
  await page.goto(`${site}/`);
  await reachForTheMap(page);
  await expect(page.locator('.tile-attribution')).toHaveText('Street map unavailable');
  await expect(page.locator('.street-tile')).toHaveCount(0);
  await expect(page.locator('.basemap-land:not([d="M0 0"])').first()).toBeVisible();
  await page.locator('.leaflet-marker-icon.rally-marker').first().click();
  await expect(page.locator('#city-heading')).toBeVisible();
  expect(tileRequests.length).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
