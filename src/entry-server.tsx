import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app.tsx';
import type { LanguagePack } from './lib/i18n.ts';
import type { RallyCollection } from './lib/parse-rallies.ts';
import type { Presentation, Route } from './lib/address.ts';
import type { PictureElement } from './lib/picture-tree.ts';
import {
  finishLoading,
  initialRallyState,
  rallyStore,
  setLanguage,
  setPresentation,
  showRoute,
} from './state/rally-store.ts';

/**
 * Renders the app's HTML for one route at build time, from a loaded rally
 * collection, in one language (its catalogue and translation): the same
 * components, in the same state the browser will be in when it hydrates
 * the page, with `mapPicture` (build/map-picture.ts) where the map will be.
 * Not for use in the browser.
 */
export function renderRoute(
  collection: RallyCollection,
  route: Route,
  presentation: Presentation,
  pack: LanguagePack,
  mapPicture: PictureElement | null = null,
): string {
  rallyStore.setState(initialRallyState(), true);
  setPresentation(presentation);
  setLanguage(pack);
  finishLoading(collection);
  showRoute(route);
  return renderToString(
    <StrictMode>
      <App mapPicture={mapPicture} />
    </StrictMode>,
  );
}
