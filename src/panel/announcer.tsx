import { useT } from '../state/use-t.ts';
import { cityName } from '../lib/city-name.ts';
import { formatCalendarDate } from '../lib/format-date.ts';
import { selectIsNotFound, selectLoad, selectRallies, selectSelectedSummary } from '../state/selectors.ts';
import { describeLoadFailure } from '../state/rally-store.ts';
import { useRallyStore } from '../state/use-rally-store.ts';

/**
 * One polite live region for screen readers: the load state (loading,
 * loaded with N rallies, error) and the page that opened. It speaks only
 * when the text changes.
 */
export function Announcer() {
  const load = useRallyStore(selectLoad);
  const rallies = useRallyStore(selectRallies);
  const rally = useRallyStore(selectSelectedSummary);
  const isNotFound = useRallyStore(selectIsNotFound);
  const { t, locale, translation } = useT();

  let message: string;
  if (load.status === 'loading' && rallies.length === 0) message = t('announce.loading');
  else if (load.status === 'error') {
    const { key, params } = describeLoadFailure(load.failure);
    message = `${t('announce.error')} ${t(key, params)}`;
  } else if (isNotFound) message = t('announce.notFound');
  else if (rally)
    message = t('announce.city', {
      city: cityName(rally, translation).name,
      date: formatCalendarDate(rally.date, locale),
    });
  else message = t('announce.loaded', { count: rallies.length });

  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">
      {message}
    </p>
  );
}
