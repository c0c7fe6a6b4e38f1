import { groupQuotesBySpeaker } from '../lib/group-quotes.ts';
import type { Quote } from '../lib/rally-schema.ts';

/**
 * Verbatim quotes in source order, each passage its own `<blockquote>` in
 * its own language, with the speaker named once per run of passages.
 */
export function QuoteList({ quotes }: { quotes: readonly Quote[] }) {
  return (
    <div className="quote-list">
      {groupQuotesBySpeaker(quotes).map((group, groupIndex) => (
        <figure className="quote-group" key={groupIndex}>
          <figcaption>
            <cite>{group.speaker}</cite>
            <span className="quote-role">{group.role}</span>
          </figcaption>
          {group.quotes.map((quote, quoteIndex) => (
            <blockquote className="quote" lang={quote.lang} key={quoteIndex}>
              <p>{quote.text}</p>
            </blockquote>
          ))}
        </figure>
      ))}
    </div>
  );
}
