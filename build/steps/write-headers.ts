import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFile } from '../content-security-policy.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/** Writes `_headers` (the policy and caching rules for Netlify and Cloudflare Pages) into the output folder. */
export function writeHeaders({ outDir, policy, environment, specs }: PostBuildContext): void {
  writeFileSync(join(outDir, '_headers'), headersFile(policy, environment.basePath, specs));
}
