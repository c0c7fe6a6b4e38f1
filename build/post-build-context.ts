import type { LanguagePack } from '../src/lib/i18n.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import type { Presentation, Route } from '../src/lib/address.ts';
import type { PictureElement } from '../src/lib/picture-tree.ts';
import type { EmbedScript } from './embed-script.ts';
import type { BuildEnvironment } from './environment.ts';
import type { PageSpec } from './page-meta.ts';

/**
 * Renders one route to HTML in one language with the app's own React components (the server
 * bundle's `renderRoute`), with `mapPicture` (build/map-picture.ts) where the map will be.
 */
export type RenderRoute = (
  collection: RallyCollection,
  route: Route,
  presentation: Presentation,
  pack: LanguagePack,
  mapPicture: PictureElement | null,
) => string;

/** Where the build log goes: Vite's logger. */
export interface BuildLogger {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * What every post-build step reads, made once after the client build
 * (build/post-build.ts). Steps write files into `outDir` and add what they
 * did to `summary`; they do not change the other fields.
 */
export interface PostBuildContext {
  /** The project root. */
  root: string;
  /** The absolute output folder, holding the client build. */
  outDir: string;
  /** The settings the build was started with, validated (build/environment.ts). */
  environment: BuildEnvironment;
  /** The script newsrooms paste: its code, versioned file and integrity value, built before the client. */
  embedScript: EmbedScript;
  logger: BuildLogger;
  /** Renders a route with the app's components. */
  renderRoute: RenderRoute;
  /** The rally file, validated. */
  collection: RallyCollection;
  /** Whether the collection counts as many rallies (src/lib/scale.ts): pages then fetch the file instead of carrying it. */
  manyRallies: boolean;
  /** The collection as JSON for pages to carry, or `null` with many rallies. */
  collectionJson: string | null;
  /** The campaign's title, or "Rally map" (in English; each page's own is `PageSpec.siteName`). */
  siteName: string;
  /** Every language's catalogue and translation, English first (build/content-translations.ts). */
  packs: readonly LanguagePack[];
  /** The client build's `index.html`, the template of every page. */
  template: string;
  /** The Content Security Policy every page carries (build/content-security-policy.ts). */
  policy: string;
  /** Every page the build writes, in every language (build/page-meta.ts). */
  specs: readonly PageSpec[];
  /** Parts of the build log's closing line, in the order the steps ran: "12 pages", "embed.js (900 B gzipped)". */
  summary: string[];
  /** When the post-build started (`performance.now()`). */
  started: number;
}

/** One post-build step: writes its files from the context, and may add a part to `context.summary`. */
export type PostBuildStep = (context: PostBuildContext) => void | Promise<void>;
