/**
 * Serves the built site as a plain static host would (scripts/lib/static-server.ts).
 * `npm run preview` uses it; so do the browser tests and the benchmark.
 *
 * Usage: tsx scripts/serve-static.ts [folder=dist] [port=4173]
 */
import { startStaticServer } from './lib/static-server.ts';

const folder = process.argv[2] ?? 'dist';
const { origin } = await startStaticServer({
  folder,
  port: Number(process.argv[3] ?? 4173),
  basePath: process.env.BASE_PATH,
});
console.log(`Serving ${folder} at ${origin}${process.env.BASE_PATH ?? '/'}`);
