import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseKey, supportedLanguages, type Catalogue } from '../../src/lib/i18n.ts';

const folder = 'src/i18n/messages';
const catalogues = new Map(
  readdirSync(folder).map((file) => [
    file.replace(/\.json$/, ''),
    JSON.parse(readFileSync(join(folder, file), 'utf8')) as Catalogue,
  ]),
);
const english = catalogues.get('en') ?? {};
const englishBaseKeys = new Set(Object.keys(english).map(baseKey));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Every source file of the app, as text, to find where keys are used. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}
// The build writes some messages too: page descriptions and share-image descriptions.
const source = [...sourceFiles('src'), ...sourceFiles('build')].join('\n');

describe('the message catalogues', () => {
  it('exist for exactly the seven supported languages', () => {
    expect([...catalogues.keys()].sort()).toEqual([...supportedLanguages].sort());
  });

  for (const [language, catalogue] of catalogues) {
    describe(language, () => {
      it('has every message, and no message English lacks', () => {
        const baseKeys = new Set(Object.keys(catalogue).map(baseKey));
        expect([...englishBaseKeys].filter((key) => !baseKeys.has(key))).toEqual([]);
        expect([...baseKeys].filter((key) => !englishBaseKeys.has(key))).toEqual([]);
      });

      it("has exactly the plural forms the language's rules use", () => {
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        const pluralKeys = new Set(
          Object.keys(english)
            .filter((key) => baseKey(key) !== key)
            .map(baseKey),
        );
        for (const key of pluralKeys) {
          const forms = Object.keys(catalogue)
            .filter((candidate) => baseKey(candidate) === key && candidate !== key)
            .map((candidate) => candidate.slice(key.length + 1))
            .sort();
          expect(forms, key).toEqual([...categories].sort());
        }
      });

      it('keeps the placeholders of every English message', () => {
        for (const [key, text] of Object.entries(catalogue)) {
          const englishText = english[key] ?? english[`${baseKey(key)}_other`] ?? '';
          expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(englishText));
        }
      });

      it('has no empty message', () => {
        expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
      });
    });
  }

  it('uses every message somewhere in the app', () => {
    const unused = [...englishBaseKeys].filter((key) => {
      if (source.includes(`'${key}'`)) return false;
      // Load failures build their key from the failure's kind: `loadError.${kind}`.
      const failureKind = /^loadError\.(\w+)$/.exec(key)?.[1];
      return !(failureKind !== undefined && source.includes(`kind: '${failureKind}'`));
    });
    expect(unused).toEqual([]);
  });

  it('has every message the app asks for', () => {
    const asked = [...source.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1] ?? '');
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((key) => !englishBaseKeys.has(key))).toEqual([]);
  });
});
