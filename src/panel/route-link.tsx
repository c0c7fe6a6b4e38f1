import type { MouseEvent, ReactNode } from 'react';
import { formatRoute, type Route } from '../lib/address.ts';
import { showRoute } from '../state/rally-store.ts';
import { selectPresentation } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';

interface RouteLinkProps {
  route: Route;
  className?: string;
  children: ReactNode;
  'aria-current'?: 'page' | undefined;
  'data-city-id'?: string;
  /** Opens the route in place on a plain click; `showRoute` unless given. */
  onOpen?: () => void;
}

/**
 * A real link to a route (it works without JavaScript, in a new tab and for
 * search engines) that, on a plain click, opens the route in place instead.
 * In the embed version it links to the embed version of the route.
 */
export function RouteLink({ route, children, onOpen, ...attributes }: RouteLinkProps) {
  const presentation = useRallyStore(selectPresentation);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new-tab, new-window and download clicks.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (onOpen) onOpen();
    else showRoute(route);
  };
  return (
    <a href={formatRoute(route, import.meta.env.BASE_URL, presentation)} onClick={onClick} {...attributes}>
      {children}
    </a>
  );
}
