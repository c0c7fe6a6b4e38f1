import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PostBuildContext } from '../post-build-context.ts';

/**
 * Removes from the output the `README.md` files Vite copied from public/
 * (such as public/photos/README.md): they are notes for the people editing
 * the repository, not pages of the site. A folder left empty goes too.
 */
export function removePublicNotes({ root, outDir }: PostBuildContext): void {
  const publicDir = join(root, 'public');
  for (const note of findNotes(publicDir)) {
    const copy = join(outDir, relative(publicDir, note));
    rmSync(copy, { force: true });
    const folder = dirname(copy);
    if (folder !== outDir && readdirSync(folder).length === 0) rmdirSync(folder);
  }
}

function findNotes(directory: string): string[] {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return findNotes(path);
    return entry.name === 'README.md' ? [path] : [];
  });
}
