import { CityList } from './city-list.tsx';
import { RouteLink } from './route-link.tsx';
import { overviewRoute } from '../lib/route.ts';

/** Shown for an address this site has no page for: a way on to every city. The map stays usable. */
export function NotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-heading">
      <h2 id="not-found-heading" className="city-heading">
        Page not found
      </h2>
      <p>There is no rally at this address. It may have been mistyped, or the city may have been removed.</p>
      <p>
        <RouteLink route={overviewRoute} className="back-button">
          <span aria-hidden="true">‹</span> All rallies
        </RouteLink>
      </p>
      <h3 className="section-heading">The rallies</h3>
      <CityList />
    </section>
  );
}
