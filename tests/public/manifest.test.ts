import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const publicDir = join(root, 'public');

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

const manifest = JSON.parse(readFileSync(join(publicDir, 'manifest.webmanifest'), 'utf8')) as {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  icons: ManifestIcon[];
};

describe('the web app manifest', () => {
  it('has what browsers need to install the site', () => {
    expect(manifest.name).not.toBe('');
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.display).toBe('standalone');
    // Relative to the manifest, so the site installs under any BASE_PATH.
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
  });

  it('names icons that exist, at the sizes it says, with a 192 and a 512 PNG', () => {
    for (const icon of manifest.icons) {
      const file = join(publicDir, icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.type !== 'image/png') continue;
      const png = PNG.sync.read(readFileSync(file));
      expect(`${String(png.width)}x${String(png.height)}`).toBe(icon.sizes);
    }
    const pngSizes = manifest.icons.filter((icon) => icon.type === 'image/png').map((icon) => icon.sizes);
    expect(pngSizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });
});

describe('index.html', () => {
  const html = readFileSync(join(root, 'index.html'), 'utf8');

  it('links the favicon and the manifest from public/', () => {
    const icon = /<link rel="icon" href="\/([^"]+)"/.exec(html)?.[1];
    const manifestLink = /<link rel="manifest" href="\/([^"]+)"/.exec(html)?.[1];
    expect(icon).toBe('favicon.svg');
    expect(manifestLink).toBe('manifest.webmanifest');
    expect(existsSync(join(publicDir, icon ?? ''))).toBe(true);
    expect(existsSync(join(publicDir, manifestLink ?? ''))).toBe(true);
  });
});
