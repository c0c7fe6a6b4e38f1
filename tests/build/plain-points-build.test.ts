import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const outDir = 'tmp/plain-points-build';

describe('a plain GeoJSON of points (a name and nothing else) builds a working site', () => {
  it('writes the overview with every city and a generic title, and a page per city', () => {
    rmSync(outDir, { recursive: true, force: true });
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--logLevel', 'error'], {
      env: { ...process.env, LOCAL_BUILD: '1', RALLY_DATA: 'tests/fixtures/plain/geojson-io-points.geojson' },
      stdio: 'pipe',
    });
    const overview = readFileSync(`${outDir}/index.html`, 'utf8');
    expect(overview).toContain('<h1 class="panel-title">Day of action</h1>');
    for (const [id, name] of [
      ['oslo', 'Oslo'],
      ['krakow', 'Kraków'],
      ['lisbon', 'Lisbon'],
    ]) {
      expect(overview).toMatch(new RegExp(`href="/city/${id}/"[^>]*>.*?${name}`));
      const city = readFileSync(`${outDir}/city/${id}/index.html`, 'utf8');
      expect(city).toContain(`>${name}</h2>`);
      expect(city).toContain('Date not reported');
      expect(existsSync(`${outDir}/city/${id}/poster/index.html`)).toBe(true);
    }
    rmSync(outDir, { recursive: true, force: true });
  }, 300_000);
});
