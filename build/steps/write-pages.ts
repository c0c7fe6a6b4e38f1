import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { policyMetaTag } from '../content-security-policy.ts';
import { assemblePage } from '../page-meta.ts';
import type { PostBuildContext } from '../post-build-context.ts';
import { basemapPicturePaths, pageMapPicture } from '../map-picture.ts';
import type { CompactBasemap } from '../../src/lib/basemap.ts';
import { rallyIndexPath } from '../../src/lib/address.ts';
import { intlLocale } from '../../src/lib/i18n.ts';
import { pageNamesFor } from '../../src/lib/page-names.ts';

/**
 * Writes every page of `context.specs` (`index.html`, `city/<slug>/index.html`,
 * the embed pages, `404.html`, in English and under each other language's
 * folder): the app rendered into the template in the page's language, with
 * its meta tags, the policy, the picture of its map (build/map-picture.ts),
 * unless there are many rallies the collection and the names of its
 * countries and quotes' languages in the page's language (src/lib/page-names.ts), with many rallies a preload link
 * to the rally index, and on pages in another language than English that language's pack.
 */
export function writePages(context: PostBuildContext): void {
  const { outDir, specs, template, collectionJson, policy, environment } = context;
  const packJson = new Map(context.packs.map((pack) => [pack.language, JSON.stringify(pack)]));
  // The basemap as picture paths, once: every page draws the same land and borders.
  const paths = basemapPicturePaths(
    JSON.parse(readFileSync(join(context.root, 'data/basemap-110m.json'), 'utf8')) as CompactBasemap,
  );
  for (const spec of specs) {
    const pack = context.packs.find((candidate) => candidate.language === spec.language);
    if (!pack) throw new Error(`no language pack for ${spec.language}`);
    const picture = pageMapPicture({
      collection: context.collection,
      rally: spec.rally,
      presentation: spec.presentation,
      paths,
      basePath: environment.basePath,
      clustered: context.manyRallies,
      pack,
    });
    const appHtml = context.renderRoute(context.collection, spec.route, spec.presentation, pack, picture);
    const file = join(outDir, spec.outputFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      assemblePage(
        template,
        spec,
        spec.siteName,
        appHtml,
        collectionJson,
        policyMetaTag(policy),
        environment.dataAsOf,
        spec.language === 'en' ? null : (packJson.get(spec.language) ?? null),
        JSON.stringify(pageNamesFor(context.collection, intlLocale(spec.language))),
        context.manyRallies ? rallyIndexPath(environment.basePath) : null,
      ),
    );
  }
  context.summary.push(`${specs.length} pages`);
}
