import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  brotliQuality,
  minimumCompressedSize,
  precompressSite,
  type PrecompressReport,
} from '../../build/precompress.ts';

describe('precompressSite', () => {
  const site = mkdtempSync(join(tmpdir(), 'rally-precompress-'));
  mkdirSync(join(site, 'assets'));
  const script = `console.log(${JSON.stringify('rally '.repeat(2000))});\n`;
  writeFileSync(join(site, 'assets', 'app.js'), script);
  writeFileSync(join(site, 'index.html'), `<!doctype html><p>${'London '.repeat(400)}</p>`);
  writeFileSync(join(site, 'tiny.css'), 'p{color:red}');
  writeFileSync(join(site, 'photo.png'), Buffer.alloc(4096, 7));
  let report: PrecompressReport;
  beforeAll(async () => {
    report = await precompressSite(site);
  });

  it('writes gzip and brotli copies that decompress to the original, in every folder', () => {
    expect(gunzipSync(readFileSync(join(site, 'assets', 'app.js.gz'))).toString()).toBe(script);
    expect(brotliDecompressSync(readFileSync(join(site, 'assets', 'app.js.br'))).toString()).toBe(script);
    expect(existsSync(join(site, 'index.html.br'))).toBe(true);
    expect(existsSync(join(site, 'index.html.gz'))).toBe(true);
  });

  it(`skips files under ${String(minimumCompressedSize)} bytes and images`, () => {
    expect(existsSync(join(site, 'tiny.css.gz'))).toBe(false);
    expect(existsSync(join(site, 'photo.png.gz'))).toBe(false);
    expect(report.files).toBe(2);
  });

  it('gives the cached assets the smallest brotli setting and pages a faster one', () => {
    expect(brotliQuality(join('assets', 'app.js'))).toBe(11);
    expect(brotliQuality(join('city', 'london', 'index.html'))).toBe(10);
    expect(brotliQuality('index.html')).toBe(10);
  });

  it('reports totals, brotli smaller than gzip smaller than the originals', () => {
    expect(report.brotliBytes).toBeLessThan(report.gzipBytes);
    expect(report.gzipBytes).toBeLessThan(report.originalBytes);
  });
});
