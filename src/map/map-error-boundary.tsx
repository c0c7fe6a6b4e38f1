import { useT } from '../state/use-t.ts';
import { Component, type ReactNode } from 'react';

function MapFailedMessage({ hasPicture }: { hasPicture: boolean }) {
  const { t } = useT();
  return <p>{t(hasPicture ? 'map.pictureOnly' : 'map.failed')}</p>;
}

interface MapErrorBoundaryProps {
  children: ReactNode;
  /** Called with `true` once the map has failed. */
  onFail?: (failed: true) => void;
  /** Whether the build's picture of the map is under it: it then stays, and the note only says what happened. */
  hasPicture?: boolean;
}

interface MapErrorBoundaryState {
  failed: boolean;
}

/**
 * Keeps a failure inside the map (its code could not be loaded, or Leaflet
 * threw) from taking the page down: the panel and the city list, which say
 * everything the map does, stay usable, and so does the build's picture of
 * the map where the page has one (a note over it says it is only a picture).
 */
export class MapErrorBoundary extends Component<MapErrorBoundaryProps, MapErrorBoundaryState> {
  override state: MapErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): MapErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.props.onFail?.(true);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const hasPicture = this.props.hasPicture ?? false;
    return (
      <div className={hasPicture ? 'map-failed map-failed--over-picture' : 'map-placeholder map-failed'} role="note">
        <MapFailedMessage hasPicture={hasPicture} />
      </div>
    );
  }
}
