import type { Source } from '../lib/rally-schema.ts';

/** "Source: <title>, <publisher>" with the title linking to the article. */
export function SourceLine({ source }: { source: Source }) {
  return (
    <p className="source-line">
      Source:{' '}
      <a href={source.url} rel="noopener noreferrer" target="_blank">
        {source.title}
      </a>
      , {source.publisher}
    </p>
  );
}
