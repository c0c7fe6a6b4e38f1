import { useT } from '../state/use-t.ts';
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { describeDownloadProgress, describeLoadFailure } from '../state/rally-store.ts';
import {
  selectIsNotFound,
  selectLoad,
  selectOpenRecordUnreachable,
  selectRallies,
  selectSelectedRally,
  selectSelectedSummary,
} from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { CampaignOverview } from './campaign-overview.tsx';
import { CityPanel, CityRecordUnreachable } from './city-panel.tsx';
import { NotFound } from './not-found.tsx';
import { ProblemsNotice } from './problems-notice.tsx';
import { TryAgainButton } from './try-again-button.tsx';

/** The panel body for the current load state and selection. */
export function SidePanel() {
  const currentLoad = useRallyStore(selectLoad);
  const currentRallies = useRallyStore(selectRallies);
  // A load ends in one store update, which React renders at once, in that update's task. What it brings
  // here (the overview and its list of many rallies) is shown by a deferred render instead, which React
  // splits into short slices; the spinner stays until then.
  const { load, rallies } = useDeferredValue(
    useMemo(() => ({ load: currentLoad, rallies: currentRallies }), [currentLoad, currentRallies]),
  );
  const selectedRally = useRallyStore(selectSelectedRally);
  // With many rallies, a city's whole record comes from the rally worker a moment after its summary.
  const selectedSummary = useRallyStore(selectSelectedSummary);
  const recordUnreachable = useRallyStore(selectOpenRecordUnreachable);
  const isNotFound = useRallyStore(selectIsNotFound);
  const { t } = useT();
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(
    function scrollToTopOnNewView() {
      bodyRef.current?.scrollTo({ top: 0 });
    },
    [selectedRally],
  );

  return (
    <div className="panel-body" ref={bodyRef}>
      {load.status === 'error' ? (
        <div className="load-error" role="alert">
          <h2>{rallies.length > 0 ? t('status.loadErrorLatestTitle') : t('status.loadErrorTitle')}</h2>
          <p>
            {t(describeLoadFailure(load.failure).key, describeLoadFailure(load.failure).params)}
            {rallies.length > 0 ? ` ${t('status.lastGood')}` : ''}
          </p>
          <TryAgainButton
            retry={() => void import('../state/load-rallies.ts').then(({ loadRallies }) => loadRallies())}
          />
        </div>
      ) : null}
      {load.status === 'loading' && rallies.length === 0 ? (
        <p className="status-message">
          <span className="spinner" aria-hidden="true" />{' '}
          {load.progress
            ? t(describeDownloadProgress(load.progress).key, describeDownloadProgress(load.progress).params)
            : t('status.loading')}
        </p>
      ) : load.status === 'error' && rallies.length === 0 ? null : (
        <>
          <ProblemsNotice />
          {isNotFound ? (
            <NotFound />
          ) : rallies.length === 0 ? (
            <p className="status-message">{t('status.noRallies')}</p>
          ) : selectedRally ? (
            <CityPanel rally={selectedRally} />
          ) : selectedSummary && recordUnreachable ? (
            <CityRecordUnreachable summary={selectedSummary} />
          ) : selectedSummary ? (
            <p className="status-message">
              <span className="spinner" aria-hidden="true" /> {t('status.loading')}
            </p>
          ) : (
            <CampaignOverview />
          )}
        </>
      )}
    </div>
  );
}
