import type { PostBuildContext } from '../post-build-context.ts';

/** Logs one line with what every step reported, and the time the post-build took. */
export function logSummary({ logger, summary, started }: PostBuildContext): void {
  logger.info(`rally-prerender: ${summary.join(', ')} in ${Math.round(performance.now() - started)} ms`);
}
