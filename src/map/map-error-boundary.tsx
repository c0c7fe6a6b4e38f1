import { useT } from '../state/use-t.ts';
import { Component, type ReactNode } from 'react';

function MapFailedMessage() {
  const { t } = useT();
  return <p>{t('map.failed')}</p>;
}

interface MapErrorBoundaryState {
  failed: boolean;
}

/**
 * Keeps a failure inside the map (its code could not be loaded, or Leaflet
 * threw) from taking the page down: the panel and the city list, which say
 * everything the map does, stay usable.
 */
export class MapErrorBoundary extends Component<{ children: ReactNode }, MapErrorBoundaryState> {
  override state: MapErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): MapErrorBoundaryState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="map-placeholder map-failed" role="note">
        <MapFailedMessage />
      </div>
    );
  }
}
