import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cityZoom,
  initialView,
  pictureFrame,
  picturePixel,
  projectToWorld,
  unprojectFromWorld,
  viewPixel,
  type MapSize,
  type ViewTarget,
} from '../../src/lib/map-view.ts';

const london = { latitude: 51.5074, longitude: -0.1278 };
const rallies: [number, number][] = [
  [51.5074, -0.1278],
  [53.959, -1.0815],
  [52.52, 13.405],
  [48.1351, 11.582],
  [41.9028, 12.4964],
  [59.3293, 18.0686],
  [-15.7939, -47.8828],
  [19.4326, -99.1332],
];
const allRallies: ViewTarget = {
  kind: 'bounds',
  bounds: [
    [-15.7939, -99.1332],
    [59.3293, 18.0686],
  ],
};

describe('projectToWorld', () => {
  it("matches Leaflet's EPSG:3857 at zoom 0", () => {
    // Leaflet 1.9: x = (lng + 180) / 360 · 256, y = (½ − ln tan(π/4 + φ/2) / 2π) · 256.
    expect(projectToWorld(0, 0)).toEqual({ x: 128, y: 128 });
    const point = projectToWorld(51.5074, -0.1278);
    expect(point.x).toBeCloseTo(127.90912, 4);
    expect(point.y).toBeCloseTo(85.12653, 4);
    expect(projectToWorld(90, 180).y).toBeCloseTo(0, 6);
  });

  it('is undone by unprojectFromWorld', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lng) => {
          const { x, y } = projectToWorld(lat, lng);
          const [backLat, backLng] = unprojectFromWorld(x, y);
          expect(backLat).toBeCloseTo(lat, 6);
          expect(backLng).toBeCloseTo(lng, 6);
        },
      ),
    );
  });
});

describe('initialView and pictureFrame', () => {
  const sizes = [
    { width: 390, height: 400 },
    { width: 320, height: 300 },
    { width: 880, height: 800 },
    { width: 1440, height: 900 },
  ];

  /** Each point is on the same pixel in the picture and on the map, for `target` at `size`. */
  function expectSamePixels(target: ViewTarget, size: MapSize, points: readonly (readonly [number, number])[]) {
    const view = initialView(target, size);
    const frame = pictureFrame(target);
    for (const [lat, lng] of points) {
      const point = projectToWorld(lat, lng);
      const onMap = viewPixel(view, size, point);
      const inPicture = picturePixel(frame, size, point);
      expect(Math.abs(onMap.x - inPicture.x)).toBeLessThan(1e-6);
      expect(Math.abs(onMap.y - inPicture.y)).toBeLessThan(1e-6);
    }
  }

  it('put every rally on the same pixel in the picture and on the map, at phone and desktop sizes', () => {
    for (const size of sizes) expectSamePixels(allRallies, size, rallies);
  });

  it('agree for any box of rallies and any map size', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: -170, max: 150, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.integer({ min: 200, max: 1600 }),
        fc.integer({ min: 200, max: 1200 }),
        (south, latSpan, west, lngSpan, width, height) => {
          const target: ViewTarget = {
            kind: 'bounds',
            bounds: [
              [south, west],
              [south + latSpan, west + lngSpan],
            ],
          };
          expectSamePixels(target, { width, height }, [
            [south, west],
            [south + latSpan, west + lngSpan],
            [south + latSpan / 3, west + lngSpan / 2],
          ]);
        },
      ),
    );
  });

  it('keep the overview padding: the outermost rallies sit at least 40 px inside the map', () => {
    const size = { width: 390, height: 400 };
    const view = initialView(allRallies, size);
    const pixels = rallies.map(([lat, lng]) => viewPixel(view, size, projectToWorld(lat, lng)));
    const xs = pixels.map((pixel) => pixel.x);
    const ys = pixels.map((pixel) => pixel.y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(40 - 1e-9);
    expect(Math.max(...xs)).toBeLessThanOrEqual(350 + 1e-9);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(40 - 1e-9);
    expect(Math.max(...ys)).toBeLessThanOrEqual(360 + 1e-9);
    // One side or the other touches its padding: the zoom is the largest that fits.
    expect(Math.min(Math.min(...xs) - 40, Math.min(...ys) - 40)).toBeCloseTo(0, 6);
  });

  it('centre a city at cityZoom, whatever the size', () => {
    const target: ViewTarget = { kind: 'point', ...london, zoom: cityZoom };
    const view = initialView(target, { width: 390, height: 300 });
    expect(view).toEqual({ center: [london.latitude, london.longitude], zoom: cityZoom });
    const frame = pictureFrame(target);
    expect(frame.kind).toBe('fixed');
    const size = { width: 1280, height: 800 };
    const pixel = picturePixel(frame, size, projectToWorld(london.latitude, london.longitude));
    expect(pixel.x).toBeCloseTo(640, 6);
    expect(pixel.y).toBeCloseTo(400, 6);
  });

  it('centre rallies too close together to fit at cityZoom, rather than zooming past it', () => {
    const target: ViewTarget = {
      kind: 'bounds',
      bounds: [
        [51.5, -0.13],
        [51.51, -0.12],
      ],
    };
    const view = initialView(target, { width: 800, height: 600 });
    expect(view.zoom).toBe(cityZoom);
    expect(pictureFrame(target).kind).toBe('fixed');
  });
});
