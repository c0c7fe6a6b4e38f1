import { rallyStore } from './rally-store.ts';
import { reloadPage } from './url-sync.ts';

const reloadKey = 'rally-map:stale-chunk-reload';

/**
 * Whether the code file at `url` is gone from the server (404 or 410): the
 * sign of a new deploy. A file that cannot be reached at all (the reader is
 * offline) or that is there after all (a dropped connection) is not gone.
 */
export async function isFileGone(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return response.status === 404 || response.status === 410;
  } catch {
    return false;
  }
}

/** The address of the file a preload error names ("Failed to fetch dynamically imported module: https://…"), or null. */
function failedFileAddress(error: unknown): string | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /\bhttps?:\/\/[^\s'"]+/.exec(message)?.[0] ?? null;
}

/** Reloads the page, unless it did so within the last minute (or cannot know), so a broken deploy cannot loop. */
function reloadOnce(): boolean {
  try {
    const lastReload = Number(window.sessionStorage.getItem(reloadKey) ?? 0);
    if (Date.now() - lastReload < 60_000) return false;
    window.sessionStorage.setItem(reloadKey, String(Date.now()));
  } catch {
    // Without session storage there is no way to know about an earlier reload: do not risk a loop.
    return false;
  }
  reloadPage();
  return true;
}

/**
 * After a redeploy, an open page may ask for code files that no longer
 * exist. Vite reports that as `vite:preloadError`; the page then reloads
 * once to get the new version. Before it does, it asks the server whether
 * the file named in the error is gone (`checkGone`, `isFileGone` by
 * default): a file that cannot be reached because the reader went offline
 * is no sign of a new deploy, and the part that needed it says it is
 * unavailable. An error that names no file reloads at once, as before. A
 * second reload within a minute does not happen, so a broken deploy cannot
 * cause a reload loop. A page that is the service worker's offline copy
 * never reloads.
 */
export function reloadOnceOnStaleChunk(checkGone: (url: string) => Promise<boolean> = isFileGone): void {
  window.addEventListener('vite:preloadError', (event) => {
    // A page the service worker answered from its store (offline): a file it does not hold is no sign of a new
    // deploy. (`navigator.onLine` is not trusted: a machine with no network but the site's own says false, and a
    // dead connection can say true.)
    if (rallyStore.getState().offlineCopy) return;
    const url = failedFileAddress((event as Event & { payload?: unknown }).payload);
    if (url === null) {
      if (reloadOnce()) event.preventDefault();
      return;
    }
    // The error goes on to the part that asked for the file, which shows it; the page reloads once the answer is in.
    void checkGone(url).then((gone) => {
      if (gone) reloadOnce();
    });
  });
}
