import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorsOf, brokenLinks, documentationFiles, headingAnchor, linksOf } from './markdown-links.ts';

describe('headingAnchor', () => {
  it('makes the anchors GitHub makes', () => {
    expect(headingAnchor('The data format, field by field')).toBe('the-data-format-field-by-field');
    expect(headingAnchor('What `npm run validate` checks')).toBe('what-npm-run-validate-checks');
    expect(headingAnchor('A build to publish needs SITE_URL')).toBe('a-build-to-publish-needs-site_url');
    expect(headingAnchor('embed.js and resizing')).toBe('embedjs-and-resizing');
    expect(headingAnchor('Deutsch · Русский')).toBe('deutsch--русский');
  });

  it('numbers repeated headings', () => {
    expect([...anchorsOf('# Notes\n## Notes\n```\n# not a heading\n```\n')]).toEqual(['notes', 'notes-1']);
  });

  it('keeps the words of inline code in a heading', () => {
    expect([...anchorsOf('## The rules `npm test` enforces\n')]).toEqual(['the-rules-npm-test-enforces']);
  });
});

describe('linksOf', () => {
  it('finds links and images outside code, with their lines', () => {
    const markdown = ['[a](a.md) `[b](b.md)`', '```', '[c](c.md)', '```', '![d](d.png "title") <a href="e.md">e</a>'];
    expect(linksOf(markdown.join('\n'))).toEqual([
      { line: 1, target: 'a.md' },
      { line: 5, target: 'd.png' },
      { line: 5, target: 'e.md' },
    ]);
  });

  it('finds a link whose text runs over two lines', () => {
    expect(linksOf('see [the\nformat](data.md#format)')).toEqual([{ line: 2, target: 'data.md#format' }]);
  });
});

describe('brokenLinks', () => {
  const root = mkdtempSync(join(tmpdir(), 'markdown-links-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports a missing file, a missing anchor and an anchor in a file that is not Markdown', () => {
    write('README.md', '# Title\n\n[ok](docs/a.md#two) [self](#title) [web](https://example.org/x#y)\n');
    write('docs/a.md', '# One\n## Two\n[gone](missing.md)\n[bad](../README.md#nowhere)\n[png](b.png#x)\n');
    write('docs/b.png', '');
    expect(brokenLinks(root, ['README.md', 'docs/a.md'])).toEqual([
      { file: 'docs/a.md', line: 3, target: 'missing.md', reason: 'docs/missing.md does not exist' },
      {
        file: 'docs/a.md',
        line: 4,
        target: '../README.md#nowhere',
        reason: 'README.md has no heading with the anchor #nowhere',
      },
      { file: 'docs/a.md', line: 5, target: 'b.png#x', reason: '#x points into a file that is not Markdown' },
    ]);
  });
});

describe('the repository documentation', () => {
  const root = join(import.meta.dirname, '../..');

  it('includes the README and the docs', () => {
    const files = documentationFiles(root);
    expect(files).toContain('README.md');
    expect(files).toContain(join('docs', 'architecture.md'));
  });

  it('has no relative link that leads nowhere', () => {
    expect(brokenLinks(root, documentationFiles(root))).toEqual([]);
  });
});
