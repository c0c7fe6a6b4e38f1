import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLanguagePacks, translationFile } from '../../build/content-translations.ts';
import { hasGlyph, shareCardFonts } from '../../build/share-card-fonts.ts';
import { translationGaps, type ContentTranslation } from '../../src/lib/content-translation.ts';
import { supportedLanguages } from '../../src/lib/i18n.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { readRallyDocument } from '../lib/rally-fixtures.ts';

/** Whether every word of `text` starts with a capital: an organisation's name, not a description. */
function isProperName(text: string): boolean {
  return text.split(/\s+/).every((word) => /^\p{Lu}/u.test(word));
}

/** The real rally file, parsed as the build parses it. */
const collection = parseRallyCollection(readRallyDocument());
const translated = supportedLanguages.filter((language) => language !== 'en');

describe('data/translations/<language>.json', () => {
  const warnings: string[] = [];
  const packs = readLanguagePacks('.', collection, (message) => warnings.push(message));

  it('exists, is well formed and names its language, for each of the six languages besides English', () => {
    expect(packs.map((pack) => pack.language)).toEqual([...supportedLanguages]);
    expect(packs.filter((pack) => pack.translation !== null).map((pack) => pack.translation?.language)).toEqual(
      translated,
    );
  });

  for (const language of translated) {
    describe(language, () => {
      const translation = packs.find((pack) => pack.language === language)?.translation ?? null;

      it('names every city, and says where the names come from', () => {
        if (!translation) throw new Error(`no ${translationFile(language)}`);
        expect(translationGaps(collection, translation).cityNames).toEqual([]);
        expect(translation.cityNames.source).toMatch(/general knowledge/);
      });

      it('translates every text of the rally file, from its current English, and nothing else', () => {
        if (!translation) throw new Error(`no ${translationFile(language)}`);
        const { missing, outdated, unused } = translationGaps(collection, translation);
        expect({ missing, outdated, unused }).toEqual({ missing: [], outdated: [], unused: [] });
      });

      it('translates rather than copies: no text is left in English but a role that is a name', () => {
        if (!translation) throw new Error(`no ${translationFile(language)}`);
        const copied = Object.entries(translation.texts).filter(([, { en, text }]) => en === text);
        expect(copied.map(([id]) => id).filter((id) => !id.endsWith('.role'))).toEqual([]);
        // "Amnesty International" stays itself; "Human rights campaigner" must not.
        expect(copied.filter(([, { en }]) => !isProperName(en)).map(([id]) => id)).toEqual([]);
      });
    });
  }

  it('are complete, so the build has nothing to warn about', () => {
    expect(warnings).toEqual([]);
  });
});

describe('readLanguagePacks', () => {
  const root = mkdtempSync(join(tmpdir(), 'translations-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const copy = (file: string, change: (json: Record<string, unknown>) => void = () => undefined) => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(json);
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), JSON.stringify(json));
  };
  for (const language of supportedLanguages) {
    copy(`src/i18n/messages/${language}.json`);
    if (language !== 'en') copy(translationFile(language));
  }

  it('warns of a missing translation and of one made from an English that has changed', () => {
    copy(translationFile('ru'), (json) => {
      const texts = json.texts as ContentTranslation['texts'] & Record<string, unknown>;
      delete texts['london.quotes.1'];
      texts['london.venue'] = { en: 'Outside the old embassy', text: 'У старого посольства' };
    });
    const warnings: string[] = [];
    readLanguagePacks(root, collection, (message) => warnings.push(message));
    expect(warnings).toEqual([
      'data/translations/ru.json: no translation of london.quotes.1; out of date (the English changed): london.venue; those texts are shown in English',
    ]);
  });

  it('lists the first 20 texts a translation lacks and counts the rest, so a large file does not flood the log', () => {
    copy(translationFile('ru'));
    const [first] = collection.rallies;
    if (!first) throw new Error('no rallies');
    const many = {
      ...collection,
      rallies: Array.from({ length: 25 }, (_, index) => ({ ...first, id: `city-${String(index)}` })),
    };
    const warnings: string[] = [];
    readLanguagePacks(root, many, (message) => warnings.push(message));
    const russian = warnings.find((warning) => warning.startsWith('data/translations/ru.json: '));
    expect(russian).toMatch(/^data\/translations\/ru\.json: no name for city-0, city-1, .*, city-19 and 5 more; /);
  });

  it('stops the build on a file of the wrong shape, naming it', () => {
    copy(translationFile('sv'), (json) => {
      json.cityNames = { names: {} };
    });
    expect(() => readLanguagePacks(root, collection, () => undefined)).toThrow(/^data\/translations\/sv\.json: /);
  });
});

describe('the share cards’ fonts', () => {
  it('have a glyph for every letter of every language’s city names and campaign title', () => {
    const packs = readLanguagePacks('.', collection, () => undefined);
    const texts = packs.flatMap((pack) =>
      pack.translation
        ? [...Object.values(pack.translation.cityNames.names), pack.translation.texts['campaign.title']?.text ?? '']
        : [],
    );
    const letters = new Set(texts.join('').match(/\p{L}/gu) ?? []);
    expect(letters.size).toBeGreaterThan(60);
    for (const face of [
      shareCardFonts.regular,
      shareCardFonts.semibold,
      shareCardFonts.bold,
      shareCardFonts.extrabold,
    ]) {
      expect(
        [...letters].filter((letter) => !hasGlyph(face, letter)),
        face.file,
      ).toEqual([]);
    }
  });
});
