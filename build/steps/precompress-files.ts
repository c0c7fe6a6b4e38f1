import type { PostBuildContext } from '../post-build-context.ts';
import { precompressSite } from '../precompress.ts';

/** Writes `.gz` and `.br` copies next to the output's text files: run it last, so every file gets them. */
export async function precompressFiles(context: PostBuildContext): Promise<void> {
  const compressed = await precompressSite(context.outDir);
  context.summary.push(
    `${compressed.files} files precompressed (${Math.round(compressed.originalBytes / 1024)} kB → ` +
      `${Math.round(compressed.gzipBytes / 1024)} kB gzip, ${Math.round(compressed.brotliBytes / 1024)} kB brotli)`,
  );
}
