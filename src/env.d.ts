/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The site's public origin from `SITE_URL` at build time, or "" when it was not set. */
  readonly SITE_URL: string;
  /** Hosts remote photos may load from (`PHOTO_HOSTS` at build time); empty by default. */
  readonly PHOTO_HOSTS: readonly string[];
  /** The optional street-level tile layer (`TILE_URL`, `TILE_ATTRIBUTION`, `TILE_MAX_ZOOM` at build time); `null` by default. */
  readonly TILE_LAYER: {
    /** The shape of `TileLayerConfig` in src/lib/tile-layer-config.ts. */
    readonly urlTemplate: string;
    readonly attribution: string;
    readonly maxZoom: number;
    readonly subdomains: readonly string[];
    readonly origins: readonly string[];
  } | null;
  /**
   * The embed script's versioned file (`assets/embed.<hash>.js`, under the base path) and its
   * Subresource Integrity value, from the build (build/embed-script.ts); absent on the development server.
   */
  readonly EMBED_SCRIPT?: { readonly file: string; readonly integrity: string };
}
