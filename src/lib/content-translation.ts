import type { RallyCollection } from './parse-rallies.ts';
import type { Campaign, Rally } from './rally-schema.ts';

/**
 * One language's translation of the rally file's own texts, as kept in
 * `data/translations/<language>.json` (checked at build by
 * build/content-translations.ts): the cities' usual names in the language,
 * and our translations of the campaign's texts, the reported facts, the
 * quotes and the photo captions. Each text is stored with the English it was
 * translated from, so a translation whose original has since changed is
 * recognised as out of date and not shown.
 */
export interface ContentTranslation {
  /** The language tag, as in src/lib/i18n.ts: `ru`, `pt-BR`. */
  language: string;
  /** Who translated the texts, shown beside them ("rally-map"). */
  translatedBy: string;
  cityNames: {
    /** Where the names come from (they are general knowledge, not the source article's). */
    source: string;
    /** The city's usual name in the language, by rally id: `{ "london": "Лондон" }`. */
    names: Readonly<Record<string, string>>;
  };
  /** Translations by text id (see `translatableTexts`). */
  texts: Readonly<Record<string, { en: string; text: string }>>;
}

/** One text of the rally file that a translator translates: its stable id and its English. */
export interface TranslatableText {
  id: string;
  en: string;
}

/** The id of a quote's text: `campaign.quotes.0` for the campaign's first, `london.quotes.2` for a city's third. */
export function quoteTextId(ownerId: string, index: number): string {
  return `${ownerId}.quotes.${String(index)}`;
}

/** The id of a quote's speaker's role (as the source describes them): `london.quotes.0.role`. */
export function roleTextId(ownerId: string, index: number): string {
  return `${quoteTextId(ownerId, index)}.role`;
}

/** The id of a photo caption's text: `london.photos.0.caption`. */
export function captionTextId(rallyId: string, index: number): string {
  return `${rallyId}.photos.${String(index)}.caption`;
}

/**
 * Every text of a rally collection that is shown to readers and written by
 * us or quoted from the source, in file order: the campaign's title,
 * summary and attendance, its quotes with their speakers' roles, and each
 * rally's venue, attendance, quotes with their roles, and photo captions.
 * Names of people and organisations and source titles are not translated (a
 * role that is only an organisation's name is "translated" as itself, and
 * shown as it is: see `translatedRole`).
 */
export function translatableTexts(collection: Pick<RallyCollection, 'campaign' | 'rallies'>): TranslatableText[] {
  const texts: TranslatableText[] = [];
  const campaign = collection.campaign;
  if (campaign) {
    texts.push({ id: 'campaign.title', en: campaign.title }, { id: 'campaign.summary', en: campaign.summary });
    if (campaign.attendance !== undefined) texts.push({ id: 'campaign.attendance', en: campaign.attendance });
    campaign.quotes.forEach((quote, index) =>
      texts.push(
        { id: quoteTextId('campaign', index), en: quote.text },
        { id: roleTextId('campaign', index), en: quote.role },
      ),
    );
  }
  for (const rally of collection.rallies) {
    if (rally.venue !== null) texts.push({ id: `${rally.id}.venue`, en: rally.venue });
    if (rally.attendance !== null) texts.push({ id: `${rally.id}.attendance`, en: rally.attendance.text });
    rally.quotes.forEach((quote, index) =>
      texts.push(
        { id: quoteTextId(rally.id, index), en: quote.text },
        { id: roleTextId(rally.id, index), en: quote.role },
      ),
    );
    rally.photos.forEach((photo, index) => texts.push({ id: captionTextId(rally.id, index), en: photo.caption }));
  }
  return texts;
}

/** What a translation lacks for a collection; every list empty means it is complete. */
export interface TranslationGaps {
  /** Rally ids with no name in the language. */
  cityNames: string[];
  /** Text ids with no translation. */
  missing: string[];
  /** Text ids whose English has changed since they were translated. */
  outdated: string[];
  /** Text ids the collection no longer has (harmless, but a translator's wasted work). */
  unused: string[];
}

/** Compares a translation with the texts a collection shows: see `TranslationGaps`. */
export function translationGaps(
  collection: Pick<RallyCollection, 'campaign' | 'rallies'>,
  translation: ContentTranslation,
): TranslationGaps {
  const texts = translatableTexts(collection);
  const ids = new Set(texts.map((text) => text.id));
  return {
    cityNames: collection.rallies
      .map((rally) => rally.id)
      .filter((id) => !Object.hasOwn(translation.cityNames.names, id)),
    missing: texts.filter((text) => !Object.hasOwn(translation.texts, text.id)).map((text) => text.id),
    outdated: texts
      .filter((text) => Object.hasOwn(translation.texts, text.id) && translation.texts[text.id]?.en !== text.en)
      .map((text) => text.id),
    unused: Object.keys(translation.texts).filter((id) => !ids.has(id)),
  };
}

/**
 * The translation of the text `id`, or `null` when there is none, or when
 * it was made from another English text than `english` (out of date): the
 * reader then sees the English alone, never a translation of something else.
 */
export function translatedText(translation: ContentTranslation | null, id: string, english: string): string | null {
  if (translation === null || !Object.hasOwn(translation.texts, id)) return null;
  const entry = translation.texts[id];
  return entry !== undefined && entry.en === english ? entry.text : null;
}

/**
 * Our translation of the role of the `index`th quote of `ownerId` (a rally's
 * id, or `campaign`), or `null` when there is none, when it is out of date,
 * or when it is the English itself (an organisation's name): the page then
 * shows the role as the source gives it, unmarked.
 */
export function translatedRole(
  translation: ContentTranslation | null,
  ownerId: string,
  index: number,
  english: string,
): string | null {
  const translated = translatedText(translation, roleTextId(ownerId, index), english);
  return translated === english ? null : translated;
}

/** The city's usual name in the translation's language, or `null` when it has none. */
export function translatedCityName(translation: ContentTranslation | null, rally: Pick<Rally, 'id'>): string | null {
  if (translation === null || !Object.hasOwn(translation.cityNames.names, rally.id)) return null;
  return translation.cityNames.names[rally.id] ?? null;
}

/** The campaign's title in the translation's language, else in English. */
export function campaignTitle(campaign: Campaign, translation: ContentTranslation | null): string {
  return translatedText(translation, 'campaign.title', campaign.title) ?? campaign.title;
}
