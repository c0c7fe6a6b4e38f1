import { buildEmbedScript } from '../embed-script.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/** Builds `embed.js`, the script newsrooms paste after the iframe; throws when it is over its size budget. */
export async function writeEmbedScript(context: PostBuildContext): Promise<void> {
  const gzipBytes = await buildEmbedScript(context.root, context.outDir);
  context.summary.push(`embed.js (${gzipBytes} B gzipped)`);
}
