/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The site's public origin from `SITE_URL` at build time, or "" when it was not set. */
  readonly SITE_URL: string;
}
