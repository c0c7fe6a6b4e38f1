import { useEffect, useRef } from 'react';
import { loadRallies } from '../state/load-rallies.ts';
import { selectIsNotFound, selectLoad, selectRallies, selectSelectedRally } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { CampaignOverview } from './campaign-overview.tsx';
import { CityPanel } from './city-panel.tsx';
import { NotFound } from './not-found.tsx';
import { ProblemsNotice } from './problems-notice.tsx';

/** The panel body for the current load state and selection. */
export function SidePanel() {
  const load = useRallyStore(selectLoad);
  const rallies = useRallyStore(selectRallies);
  const selectedRally = useRallyStore(selectSelectedRally);
  const isNotFound = useRallyStore(selectIsNotFound);
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
          <h2>
            {rallies.length > 0 ? 'The latest rally data could not be loaded' : 'The rallies could not be loaded'}
          </h2>
          <p>
            {load.message}
            {rallies.length > 0 ? ' The rallies below are from the last successful load.' : ''}
          </p>
          <button type="button" className="primary-button" onClick={() => void loadRallies()}>
            Try again
          </button>
        </div>
      ) : null}
      {load.status === 'loading' && rallies.length === 0 ? (
        <p className="status-message">
          <span className="spinner" aria-hidden="true" /> Loading the rallies…
        </p>
      ) : load.status === 'error' && rallies.length === 0 ? null : (
        <>
          <ProblemsNotice />
          {isNotFound ? (
            <NotFound />
          ) : rallies.length === 0 ? (
            <p className="status-message">There are no rallies to show yet.</p>
          ) : selectedRally ? (
            <CityPanel rally={selectedRally} />
          ) : (
            <CampaignOverview />
          )}
        </>
      )}
    </div>
  );
}
