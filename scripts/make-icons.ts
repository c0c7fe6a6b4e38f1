/**
 * `npm run icons`: renders the web app manifest's PNG icons
 * (public/icons/icon-192.png and icon-512.png) from the favicon,
 * public/favicon.svg: the rally marker, with its shadow from the map, on a
 * paper-coloured square, inside the middle 60 % so a round or squircle mask
 * (a "maskable" icon) never cuts it. Run it after changing the favicon, and
 * commit the PNGs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const faviconPath = 'public/favicon.svg';
const paper = '#f6f4f0';
const sizes = [192, 512] as const;

/** The favicon's drawing, centred at 60 % of a square icon on a paper background. */
function iconSvg(favicon: string, size: number): string {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(favicon)?.[1];
  const viewBox = /viewBox="([^"]+)"/.exec(favicon)?.[1];
  if (inner === undefined || viewBox === undefined) throw new Error(`${faviconPath}: no <svg viewBox> element`);
  const markSize = size * 0.6;
  const offset = (size - markSize) / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    // The marker's shadow on the map (src/styles/app.css), so its white ring shows on paper.
    `<defs><filter id="shadow"><feDropShadow dx="0" dy="${size / 96}" stdDeviation="${size / 64}" flood-opacity="0.35"/></filter></defs>`,
    `<rect width="${size}" height="${size}" fill="${paper}"/>`,
    `<g filter="url(#shadow)"><svg x="${offset}" y="${offset}" width="${markSize}" height="${markSize}" viewBox="${viewBox}">${inner}</svg></g>`,
    '</svg>',
  ].join('');
}

const favicon = readFileSync(faviconPath, 'utf8');
for (const size of sizes) {
  const png = new Resvg(iconSvg(favicon, size), { font: { loadSystemFonts: false } }).render().asPng();
  const path = `public/icons/icon-${String(size)}.png`;
  writeFileSync(path, png);
  console.log(`${path}: ${String(png.length)} bytes`);
}
