/** How the iframe gets its height: resizing itself to its content, or a fixed number of pixels. */
export type EmbedHeightMode = { kind: 'responsive' } | { kind: 'fixed'; height: number };

/** What the embed code needs to know. */
export interface EmbedCodeOptions {
  /** Absolute URL of the embed page, e.g. `https://example.org/embed/city/london/`. */
  embedUrl: string;
  /** Absolute URL of the versioned script, e.g. `https://example.org/assets/embed.1a2b3c4d5e6f.js`. */
  scriptUrl: string;
  /** The script's Subresource Integrity value (`sha384-…`); without it (the development server) none is written. */
  scriptIntegrity?: string;
  /** The iframe's title, read out by screen readers: the city or the campaign. */
  title: string;
  mode: EmbedHeightMode;
}

/** The iframe height before embed.js has measured the content: enough for the map and the start of the panel. */
export const startingEmbedHeight = 640;

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The HTML a newsroom pastes into an article: a lazy, borderless, full-width
 * iframe and, in responsive mode, the tiny script that keeps its height equal
 * to its content, with its integrity value, so the article's page runs it
 * only as built (it is fetched with CORS, `crossorigin="anonymous"`, as
 * integrity checks need). Every value is escaped for an HTML attribute.
 */
export function embedCode({ embedUrl, scriptUrl, scriptIntegrity, title, mode }: EmbedCodeOptions): string {
  const height = mode.kind === 'fixed' ? mode.height : startingEmbedHeight;
  const iframe =
    `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="100%" height="${String(height)}"` +
    ` loading="lazy" style="border:0" referrerpolicy="strict-origin-when-cross-origin"` +
    ` allow="clipboard-write; web-share"></iframe>`;
  if (mode.kind === 'fixed') return iframe;
  const integrity =
    scriptIntegrity === undefined ? '' : ` integrity="${escapeAttribute(scriptIntegrity)}" crossorigin="anonymous"`;
  return `${iframe}\n<script async src="${escapeAttribute(scriptUrl)}"${integrity}></script>`;
}
