import { renderAsync } from '@resvg/resvg-js';
import { shareCardFontOptions } from './share-card-fonts.ts';

/**
 * Renders card or poster SVG text to PNG bytes with resvg, at the SVG's own
 * size, with the cards' bundled fonts only (never the machine's), so the
 * output is the same on every machine. resvg renders on Node's thread pool,
 * so several calls at once use every core (see `mapWithLimit`). Rejects
 * when resvg cannot parse the SVG.
 */
export async function renderPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: shareCardFontOptions(),
    fitTo: { mode: 'original' },
    shapeRendering: 2,
    textRendering: 1,
  });
  return image.asPng();
}
