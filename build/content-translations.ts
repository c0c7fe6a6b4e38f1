import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { translationGaps, type ContentTranslation } from '../src/lib/content-translation.ts';
import { supportedLanguages, type Language, type LanguagePack } from '../src/lib/i18n.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';

/** The shape of `data/translations/<language>.json`; see docs/languages-and-accessibility.md. */
const contentTranslationSchema = z.strictObject({
  language: z.string(),
  translatedBy: z.string().trim().min(1),
  review: z.string().optional(),
  cityNames: z.strictObject({
    source: z.string().trim().min(1),
    names: z.record(z.string(), z.string().trim().min(1)),
  }),
  texts: z.record(z.string(), z.strictObject({ en: z.string(), text: z.string().trim().min(1) })),
});

const catalogueSchema = z.record(z.string(), z.string());

/** The translation file of a language, relative to the project's root. */
export function translationFile(language: Language): string {
  return `data/translations/${language}.json`;
}

function readJson(root: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** How many names a warning lists before it only counts the rest: a build of 100,000 rallies would print them all. */
const namesListed = 20;

/** `names` joined with commas, the first `namesListed` only, then "and N more". */
function listSome(names: readonly string[]): string {
  if (names.length <= namesListed) return names.join(', ');
  const more = names.length - namesListed;
  return `${names.slice(0, namesListed).join(', ')} and ${more.toLocaleString('en')} more`;
}

/**
 * Reads and checks every language's message catalogue and translation file
 * under `root`, English first. A file that is missing, is not JSON or does
 * not have the expected shape (or names another language) stops the build
 * with the file's name. Texts a translation lacks, or that were translated
 * from an English that has since changed, are passed to `warn`, and the
 * pages show the English there (the unit test
 * tests/i18n/content-translations.test.ts fails on them).
 */
export function readLanguagePacks(
  root: string,
  collection: Pick<RallyCollection, 'campaign' | 'rallies'>,
  warn: (message: string) => void,
): LanguagePack[] {
  return supportedLanguages.map((language): LanguagePack => {
    const catalogueFile = `src/i18n/messages/${language}.json`;
    const catalogue = catalogueSchema.safeParse(readJson(root, catalogueFile));
    if (!catalogue.success) throw new Error(`${catalogueFile}: ${z.prettifyError(catalogue.error)}`);
    if (language === 'en') return { language, catalogue: catalogue.data, translation: null };

    const file = translationFile(language);
    const parsed = contentTranslationSchema.safeParse(readJson(root, file));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.language !== language) throw new Error(`${file}: "language" is "${parsed.data.language}"`);
    const translation: ContentTranslation = parsed.data;
    const gaps = translationGaps(collection, translation);
    const problems = [
      gaps.cityNames.length > 0 ? `no name for ${listSome(gaps.cityNames)}` : null,
      gaps.missing.length > 0 ? `no translation of ${listSome(gaps.missing)}` : null,
      gaps.outdated.length > 0 ? `out of date (the English changed): ${listSome(gaps.outdated)}` : null,
    ].filter((problem) => problem !== null);
    if (problems.length > 0) warn(`${file}: ${problems.join('; ')}; those texts are shown in English`);
    return { language, catalogue: catalogue.data, translation };
  });
}
