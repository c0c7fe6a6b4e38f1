import { writeCampaignTools as writeTools } from '../campaign-tools.ts';
import { policyMetaTag } from '../content-security-policy.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/**
 * Writes the campaign tools of issue 14 (build/campaign-tools.ts) in every
 * language of the build: a page and a quote card (1200×630 and 1080×1080)
 * for every quote, a square card per city, an A4 and a US Letter poster per
 * city with its map and QR code.
 */
export async function writeCampaignTools(context: PostBuildContext): Promise<void> {
  const { collection, outDir, environment, policy, specs, packs } = context;
  // Posters and square cards for the cities that have a page (all, or the first `environment.cityPageLimit` with many rallies).
  const cityPages = specs.filter(
    (spec) => spec.rally !== null && spec.presentation === 'site' && spec.language === 'en',
  ).length;
  context.summary.push(
    await writeTools({
      collection,
      outDir,
      siteUrl: environment.siteUrl,
      basePath: environment.basePath,
      policyMeta: policyMetaTag(policy),
      packs,
      cityLimit: cityPages,
    }),
  );
}
