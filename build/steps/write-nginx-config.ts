import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxConfig, nginxConfigFile } from '../nginx-config.ts';
import type { PostBuildContext } from '../post-build-context.ts';

/**
 * Writes `nginx.conf`, the nginx settings for this build (its policy, base
 * path and pages filled in), for a server block to include (docs/deploying.md).
 */
export function writeNginxConfig({ outDir, policy, environment, specs }: PostBuildContext): void {
  writeFileSync(join(outDir, nginxConfigFile), nginxConfig({ policy, basePath: environment.basePath, pages: specs }));
}
