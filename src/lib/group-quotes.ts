import type { Quote } from './rally-schema.ts';

/** Consecutive quotes from one speaker in one role, kept in source order. */
export interface SpeakerQuotes {
  speaker: string;
  role: string;
  quotes: Quote[];
}

/**
 * Groups runs of quotes by the same speaker (and role), so each speaker is
 * named once above their passages. Order is preserved; a speaker who appears
 * again after someone else starts a new group.
 */
export function groupQuotesBySpeaker(quotes: readonly Quote[]): SpeakerQuotes[] {
  const groups: SpeakerQuotes[] = [];
  for (const quote of quotes) {
    const last = groups.at(-1);
    if (last && last.speaker === quote.speaker && last.role === quote.role) last.quotes.push(quote);
    else groups.push({ speaker: quote.speaker, role: quote.role, quotes: [quote] });
  }
  return groups;
}
