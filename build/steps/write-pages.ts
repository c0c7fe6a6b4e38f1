import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { policyMetaTag } from '../content-security-policy.ts';
import { assemblePage } from '../page-meta.ts';
import type { PostBuildContext } from '../post-build-context.ts';
import { basemapPicturePaths, pageMapPicture } from '../map-picture.ts';
import type { CompactBasemap } from '../../src/lib/basemap.ts';

/**
 * Writes every page of `context.specs` (`index.html`, `city/<slug>/index.html`,
 * the embed pages, `404.html`): the app rendered into the template, with its
 * meta tags, the policy, the picture of its map (build/map-picture.ts) and,
 * unless there are many rallies, the collection.
 */
export function writePages(context: PostBuildContext): void {
  const { outDir, specs, template, siteName, collectionJson, policy, environment } = context;
  // The basemap as picture paths, once: every page draws the same land and borders.
  const paths = basemapPicturePaths(
    JSON.parse(readFileSync(join(context.root, 'data/basemap-110m.json'), 'utf8')) as CompactBasemap,
  );
  for (const spec of specs) {
    const picture = pageMapPicture({
      collection: context.collection,
      rally: spec.rally,
      presentation: spec.presentation,
      paths,
      basePath: environment.basePath,
      clustered: context.manyRallies,
    });
    const appHtml = context.renderRoute(context.collection, spec.route, spec.presentation, picture);
    const file = join(outDir, spec.outputFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      assemblePage(template, spec, siteName, appHtml, collectionJson, policyMetaTag(policy), environment.dataAsOf),
    );
  }
  context.summary.push(`${specs.length} pages`);
}
