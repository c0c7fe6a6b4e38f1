import { useT } from '../state/use-t.ts';
import { CityList } from './city-list.tsx';
import { RouteLink } from './route-link.tsx';
import { overviewRoute } from '../lib/address.ts';

/** Shown for an address this site has no page for: a way on to every city. The map stays usable. */
export function NotFound() {
  const { t } = useT();
  return (
    <section className="not-found" aria-labelledby="not-found-heading">
      <h2 id="not-found-heading" className="city-heading">
        {t('notFound.title')}
      </h2>
      <p>{t('notFound.text')}</p>
      <p>
        <RouteLink route={overviewRoute} className="back-button">
          <span aria-hidden="true">‹</span> {t('city.allRallies')}
        </RouteLink>
      </p>
      <h3 className="section-heading">{t('overview.theRallies')}</h3>
      <CityList />
    </section>
  );
}
