import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const packageScripts = Object.values(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);

describe('scripts/', () => {
  it('holds only commands that package.json runs; the modules they share live in scripts/lib/', () => {
    const files = readdirSync(join(root, 'scripts'), { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `scripts/${entry.name}`);
    expect(files.length).toBeGreaterThan(0);
    const notRun = files.filter((file) => !packageScripts.some((command) => command.includes(file)));
    expect(notRun).toEqual([]);
  });
});
