import { writeEmbedScript as writeScriptFiles } from '../embed-script.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/**
 * Writes the embed script, built before the client: its versioned file,
 * which the embed code names with its integrity value, and `embed.js`, for
 * snippets pasted before.
 */
export function writeEmbedScript({ outDir, embedScript, summary }: PostBuildContext): void {
  const gzipBytes = writeScriptFiles(outDir, embedScript);
  summary.push(`embed.js (${gzipBytes} B gzipped, also as ${embedScript.file})`);
}
