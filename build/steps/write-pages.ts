import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { policyMetaTag } from '../content-security-policy.ts';
import { assemblePage } from '../page-meta.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/**
 * Writes every page of `context.specs` (`index.html`, `city/<slug>/index.html`,
 * the embed pages, `404.html`): the app rendered into the template, with its
 * meta tags, the policy and, unless there are many rallies, the collection.
 */
export function writePages(context: PostBuildContext): void {
  const { outDir, specs, template, siteName, collectionJson, policy, environment } = context;
  for (const spec of specs) {
    const appHtml = context.renderRoute(context.collection, spec.route, spec.presentation);
    const file = join(outDir, spec.outputFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      assemblePage(template, spec, siteName, appHtml, collectionJson, policyMetaTag(policy), environment.dataAsOf),
    );
  }
  context.summary.push(`${specs.length} pages`);
}
