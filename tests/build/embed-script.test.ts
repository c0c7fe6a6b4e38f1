import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEmbedScript, embedScriptVersion } from '../../build/embed-script.ts';

/*
 * Newsrooms' snippets name a versioned embed script with its integrity value,
 * so every version ever published stays in public/assets/ (copied into every
 * build), byte for byte (public/assets/README.md).
 */
describe('the published embed scripts', () => {
  it('keep the version this build makes, byte for byte', async () => {
    const script = await buildEmbedScript(process.cwd());
    const kept = `public/assets/${basename(script.file)}`;
    expect(readdirSync('public/assets'), `copy ${script.file} from dist/ to ${kept}`).toContain(basename(script.file));
    expect(readFileSync(kept).equals(script.code)).toBe(true);
  });

  it('are each still the file its name (a hash of its content) promises', () => {
    const files = readdirSync('public/assets').filter((name) => name.startsWith('embed.'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const code = readFileSync(`public/assets/${name}`);
      expect(embedScriptVersion(code).file, name).toBe(`assets/${name}`);
    }
  });
});
