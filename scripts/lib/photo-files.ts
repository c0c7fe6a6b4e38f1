/**
 * CLI-only check (the browser cannot list the site's files): a photo whose
 * `src` is a path ("photos/london-1.jpg") must name a file that exists under
 * the project's public/ folder, with exactly that spelling, since web hosts
 * are case-sensitive even where the editor's disk is not.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What is wrong with a photo path, or null when the file is there. */
export function photoFileProblem(publicDir: string, src: string): string | null {
  const shown = `public/${src}`;
  let directory = publicDir;
  const segments = src.split('/');
  for (const [index, segment] of segments.entries()) {
    let entries: string[];
    try {
      entries = readdirSync(directory);
    } catch {
      return `${shown} does not exist: put the photo there, or correct src`;
    }
    if (!entries.includes(segment)) {
      const sameButCase = entries.find((entry) => entry.toLowerCase() === segment.toLowerCase());
      return sameButCase === undefined
        ? `${shown} does not exist: put the photo there, or correct src`
        : `${shown} does not exist, but public/${[...segments.slice(0, index), sameButCase].join('/')} does: web servers tell capitals apart, so match the file name exactly`;
    }
    directory = join(directory, segment);
  }
  return statSync(directory).isFile() ? null : `${shown} is a folder, not an image file`;
}
