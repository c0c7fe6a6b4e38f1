import { cityName } from '../lib/city-name.ts';
import { formatCalendarDate } from '../lib/format-date.ts';
import { selectIsNotFound, selectLoad, selectRallies, selectSelectedRally } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';

/**
 * One polite live region for screen readers: the load state (loading,
 * loaded with N rallies, error) and the page that opened. It speaks only
 * when the text changes.
 */
export function Announcer() {
  const load = useRallyStore(selectLoad);
  const rallies = useRallyStore(selectRallies);
  const rally = useRallyStore(selectSelectedRally);
  const isNotFound = useRallyStore(selectIsNotFound);

  let message: string;
  if (load.status === 'loading' && rallies.length === 0) message = 'Loading the rallies…';
  else if (load.status === 'error') message = `The rallies could not be loaded. ${load.message}`;
  else if (isNotFound) message = 'Page not found.';
  else if (rally) message = `${cityName(rally).name}, rally on ${formatCalendarDate(rally.date)}.`;
  else message = `${String(rallies.length)} ${rallies.length === 1 ? 'rally' : 'rallies'} loaded.`;

  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">
      {message}
    </p>
  );
}
