import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A relative link in a Markdown file that leads nowhere. */
export interface BrokenLink {
  /** The Markdown file, relative to the root it was searched from. */
  file: string;
  line: number;
  target: string;
  reason: string;
}

/**
 * GitHub's anchor for a heading: lower case, inline code and link syntax
 * reduced to their text, every character that is not a letter, digit, space,
 * `-` or `_` dropped, spaces turned into hyphens.
 */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a Markdown text's headings give, with GitHub's `-1`, `-2` for repeated ones. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const { raw } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw)?.[1];
    if (heading === undefined) continue;
    const anchor = headingAnchor(heading);
    const seen = counts.get(anchor) ?? 0;
    counts.set(anchor, seen + 1);
    anchors.add(seen === 0 ? anchor : `${anchor}-${String(seen)}`);
  }
  return anchors;
}

/** The lines outside fenced code blocks, with their 1-based numbers, as written and with inline code blanked out. */
function proseLines(markdown: string): { line: number; raw: string; text: string }[] {
  const lines: { line: number; raw: string; text: string }[] = [];
  let fence: string | null = null;
  for (const [index, text] of markdown.split('\n').entries()) {
    const marker = /^\s*(```+|~~~+)/.exec(text)?.[1];
    if (marker !== undefined) {
      if (fence === null) fence = marker;
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence === null)
      lines.push({ line: index + 1, raw: text, text: text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)) });
  }
  return lines;
}

/** Every link target in a Markdown text (inline links and images, `<a href>`), with its line. */
export function linksOf(markdown: string): { line: number; target: string }[] {
  // Link text may span lines, so look at the prose joined, and count lines back.
  const lines = proseLines(markdown);
  const joined = lines.map(({ text }) => text).join('\n');
  const lineAt = (offset: number) => lines[joined.slice(0, offset).split('\n').length - 1]?.line ?? 0;
  const links: { line: number; target: string }[] = [];
  for (const match of joined.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    links.push({ line: lineAt(match.index), target: match[1] ?? '' });
  for (const match of joined.matchAll(/<a\s[^>]*href="([^"]+)"/g))
    links.push({ line: lineAt(match.index), target: match[1] ?? '' });
  return links;
}

/**
 * Checks every relative link of the Markdown files given (paths under
 * `root`): the file or folder it names exists, and its `#anchor`, in the
 * same file or another Markdown file, is one of that file's headings.
 * Links with a scheme (`https:`, `mailto:`) are not followed.
 */
export function brokenLinks(root: string, files: readonly string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (path: string) => {
    let anchors = anchorCache.get(path);
    if (anchors === undefined) {
      anchors = anchorsOf(readFileSync(path, 'utf8'));
      anchorCache.set(path, anchors);
    }
    return anchors;
  };
  for (const file of files) {
    const path = resolve(root, file);
    for (const { line, target } of linksOf(readFileSync(path, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
      const [pathPart = '', anchor] = target.split('#', 2);
      const targetPath = pathPart === '' ? path : resolve(dirname(path), decodeURIComponent(pathPart));
      const report = (reason: string) => broken.push({ file: relative(root, path), line, target, reason });
      if (!existsSync(targetPath)) {
        report(`${relative(root, targetPath)} does not exist`);
        continue;
      }
      if (anchor === undefined || anchor === '') continue;
      if (!targetPath.endsWith('.md') || statSync(targetPath).isDirectory()) {
        report(`#${anchor} points into a file that is not Markdown`);
      } else if (!anchorsIn(targetPath).has(anchor.toLowerCase())) {
        report(`${relative(root, targetPath)} has no heading with the anchor #${anchor}`);
      }
    }
  }
  return broken;
}

/** The repository's documentation: README.md, every Markdown file under docs/ and public/. */
export function documentationFiles(root: string): string[] {
  const walk = (folder: string): string[] =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) return walk(path);
          return entry.name.endsWith('.md') ? [path] : [];
        })
      : [];
  return ['README.md', ...walk('docs'), ...walk('public')].sort();
}
