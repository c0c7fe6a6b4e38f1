/**
 * `npm run basemap`: writes data/basemap-110m.json, the built-in basemap the
 * app ships, from the `world-atlas` package (see build/basemap-file.ts). Run
 * it after upgrading world-atlas; tests/build/basemap-file.test.ts fails while
 * the committed file differs from what this makes.
 */
import { writeFileSync } from 'node:fs';
import { compactBasemap } from '../build/basemap-file.ts';
import { loadWorldTopology } from '../build/share-card.ts';

const basemapFile = 'data/basemap-110m.json';

const text = `${JSON.stringify(compactBasemap(loadWorldTopology()))}\n`;
writeFileSync(basemapFile, text);
console.log(`${basemapFile}: ${String(text.length)} bytes`);
