import { useEffect, useRef } from 'react';
import { moduleLoader, useLoadedModule } from '../state/module-loader.ts';
import { finishFocusRequest } from '../state/rally-store.ts';
import { selectFocusRequest, selectHasManyRallies, selectRallies, selectSelectedCityId } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { CityLink, useListReadyMark } from './city-link.tsx';

/**
 * Only in "many rallies" mode: the virtualised list with its search box is a
 * separate file. A page that knows it has many rallies asks for it at start.
 */
export const longCityList = moduleLoader(() => import('./long-city-list.tsx'));

/**
 * Every rally as a link to its page: the text alternative to the map. Kept in step
 * with the markers through the store; the open city carries `aria-current`.
 * With many rallies it is a virtualised list with a search box instead.
 */
export function CityList() {
  const manyRallies = useRallyStore(selectHasManyRallies);
  const LongCityList = useLoadedModule(longCityList, manyRallies)?.default;
  if (manyRallies) return LongCityList ? <LongCityList /> : null;
  return <ShortCityList />;
}

function ShortCityList() {
  const rallies = useRallyStore(selectRallies);
  const selectedCityId = useRallyStore(selectSelectedCityId);
  const focusRequest = useRallyStore(selectFocusRequest);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(
    function returnFocusToListItem() {
      if (focusRequest?.kind !== 'list-item') return;
      const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-city-id]') ?? [];
      const link = [...links].find((candidate) => candidate.dataset.cityId === focusRequest.cityId);
      if (!link) return;
      link.focus();
      finishFocusRequest(focusRequest);
    },
    [focusRequest],
  );

  useListReadyMark(rallies);

  return (
    <ul className="city-list" ref={listRef}>
      {rallies.map((rally) => (
        <li key={rally.id}>
          <CityLink rally={rally} current={rally.id === selectedCityId} />
        </li>
      ))}
    </ul>
  );
}
