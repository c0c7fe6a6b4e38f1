import { useT } from '../state/use-t.ts';
import { formatCalendarDate } from '../lib/format-date.ts';
import { selectDataAsOf, selectShowOfflineNote } from '../state/selectors.ts';
import { useHydrated } from '../state/use-hydrated.ts';
import { useRallyStore } from '../state/use-rally-store.ts';

/**
 * "Offline: data as of 24 November 2026" when the page or its data came from
 * the service worker's offline copy (the network failed or was too slow); the date is
 * when the shown data was current, in the interface language. Never part of
 * a page rendered at build time (nor of the hydrating render), so the page
 * takes over without a mismatch.
 */
export function OfflineNote() {
  const show = useRallyStore(selectShowOfflineNote);
  const dataAsOf = useRallyStore(selectDataAsOf);
  const hydrated = useHydrated();
  const { t, locale } = useT();
  if (!hydrated || !show) return null;
  return (
    <p className="offline-note" role="status">
      {dataAsOf === null
        ? t('offline.savedCopy')
        : t('offline.dataAsOf', { date: formatCalendarDate(dataAsOf, locale) })}
    </p>
  );
}
