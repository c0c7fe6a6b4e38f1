import { useT } from '../state/use-t.ts';
import type { Source } from '../lib/rally-schema.ts';

/** "Source: <title>, <publisher>" with the title linking to the article. */
export function SourceLine({ source }: { source: Source }) {
  const { t } = useT();
  return (
    <p className="source-line">
      {t('source.label')}{' '}
      <a href={source.url} rel="noopener noreferrer" target="_blank">
        {source.title}
      </a>
      , {source.publisher}
    </p>
  );
}
