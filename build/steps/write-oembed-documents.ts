import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { oembedDocument } from '../page-meta.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/** Writes the oEmbed document of every full-site page that has one, under `oembed/`. */
export function writeOembedDocuments({ outDir, specs, siteName, environment, embedScript }: PostBuildContext): void {
  for (const spec of specs) {
    if (!spec.oembed || spec.presentation !== 'site') continue;
    const file = join(outDir, spec.oembed.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify(oembedDocument(spec, siteName, environment.siteUrl, environment.basePath, embedScript), null, 2),
    );
  }
}
