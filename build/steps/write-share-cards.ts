import type { PostBuildContext } from '../post-build-context.ts';
import { writeShareImages } from '../share-images.ts';

/** Writes the 1200×630 share image of every page that has one, in its language, under `share/` (`share/ru/…`). */
export async function writeShareCards(context: PostBuildContext): Promise<void> {
  const images = await writeShareImages(context.specs, context.collection, context.outDir, context.packs);
  const bytes = images.reduce((sum, image) => sum + image.bytes, 0);
  context.summary.push(`${images.length} share images (${Math.round(bytes / 1024)} kB)`);
}
