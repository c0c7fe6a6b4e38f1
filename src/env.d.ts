/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The site's public origin from `SITE_URL` at build time, or "" when it was not set. */
  readonly SITE_URL: string;
  /** Hosts remote photos may load from (`PHOTO_HOSTS` at build time); empty by default. */
  readonly PHOTO_HOSTS: readonly string[];
}
