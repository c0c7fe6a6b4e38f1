import type { FeatureCollection, MultiLineString, MultiPolygon, Position } from 'geojson';

/**
 * The built-in basemap as shipped (`data/basemap-110m.json`, made by
 * `npm run basemap` from Natural Earth 1:110m countries in `world-atlas`):
 * a topology whose shared lines are stored once, on a coarse integer grid,
 * each line as text in the polyline encoding. About half the bytes of the
 * original TopoJSON, and it needs no TopoJSON library to draw.
 */
export interface CompactBasemap {
  /** Where the shapes come from, and what was changed; shown to no one, kept for maintainers. */
  source: string;
  /** Degrees of longitude and latitude per grid step. */
  scale: [number, number];
  /** Longitude and latitude of grid point (0, 0). */
  translate: [number, number];
  /**
   * Lines, each the polyline encoding of its grid points: the first point
   * absolute, every later one as a step from the one before, x then y.
   */
  arcs: string[];
  /** Countries → polygons → rings → line indexes; `~i` means line `i` reversed. */
  countries: number[][][][];
  /** Indexes of the lines two countries share: the land borders. */
  borders: number[];
}

/** The two layers of the built-in basemap, as GeoJSON. */
export interface Basemap {
  /** Every country (Antarctica is left out) as one filled shape. */
  countries: FeatureCollection<MultiPolygon>;
  /** Borders between countries, each drawn once. Coastlines are not included. */
  borders: MultiLineString;
}

/**
 * Decodes one line of polyline-encoded integers (the Google encoding:
 * zigzag, 5-bit groups plus 63). Throws on text that ends mid-number.
 */
export function decodeIntegers(text: string): number[] {
  const numbers: number[] = [];
  let value = 0;
  let shift = 0;
  for (let index = 0; index < text.length; index++) {
    const chunk = text.charCodeAt(index) - 63;
    value |= (chunk & 0x1f) << shift;
    if (chunk & 0x20) {
      shift += 5;
      continue;
    }
    numbers.push(value & 1 ? ~(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  if (shift !== 0) throw new Error('a basemap line ends in the middle of a number');
  return numbers;
}

/**
 * The shipped basemap's lines as `[longitude, latitude]` positions, in the
 * order of `file.arcs` (the indexes its countries and borders use).
 */
export function decodeLines(file: CompactBasemap): Position[][] {
  const [scaleX, scaleY] = file.scale;
  const [translateX, translateY] = file.translate;
  return file.arcs.map((arc) => {
    const steps = decodeIntegers(arc);
    const line: Position[] = [];
    let x = 0;
    let y = 0;
    for (let index = 0; index + 1 < steps.length; index += 2) {
      x += steps[index] ?? 0;
      y += steps[index + 1] ?? 0;
      line.push([x * scaleX + translateX, y * scaleY + translateY]);
    }
    return line;
  });
}

/**
 * Turns the shipped basemap into GeoJSON for drawing. Shapes that cross the
 * antimeridian are made continuous (see `unwrapLongitudes`).
 */
export function decodeBasemap(file: CompactBasemap): Basemap {
  const lines = decodeLines(file);
  const line = (index: number): Position[] => {
    const points = lines[index < 0 ? ~index : index];
    if (!points) throw new Error(`the basemap has no line ${String(index)}`);
    return index < 0 ? [...points].reverse() : points;
  };
  const ring = (indexes: number[]): Position[] => {
    const positions: Position[] = [];
    for (const index of indexes) {
      const points = line(index);
      // Consecutive lines share their joining point; it is kept once. Points are
      // copied, as unwrapping changes them and other rings share the line.
      for (const [x, y] of positions.length > 0 ? points.slice(1) : points) positions.push([x ?? 0, y ?? 0]);
    }
    unwrapLongitudes(positions);
    return positions;
  };
  const countries: FeatureCollection<MultiPolygon> = {
    type: 'FeatureCollection',
    features: file.countries.map((polygons) => ({
      type: 'Feature',
      properties: null,
      geometry: { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map(ring)) },
    })),
  };
  const borders: MultiLineString = {
    type: 'MultiLineString',
    coordinates: file.borders.map((index) => {
      const positions = line(index).map(([x, y]) => [x ?? 0, y ?? 0]);
      unwrapLongitudes(positions);
      return positions;
    }),
  };
  return { countries, borders };
}

/**
 * All countries as one shape, so the map draws the land as a single path
 * rather than 176: the countries share one style, and one layer is much
 * quicker for Leaflet to build and draw.
 */
export function landShape(basemap: Basemap): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: basemap.countries.features.flatMap((country) => country.geometry.coordinates),
  };
}

/**
 * Makes a line's longitudes continuous, in place: a step of more than 180°
 * is taken the short way round (179° then -179° becomes 179° then 181°).
 * Without this, shapes that cross the antimeridian (Russia's far east, Fiji)
 * are drawn as bands across the whole map.
 */
export function unwrapLongitudes(line: number[][]): void {
  let previous: number | undefined;
  for (const position of line) {
    let longitude = position[0];
    if (longitude === undefined) continue;
    if (previous !== undefined) {
      while (longitude - previous > 180) longitude -= 360;
      while (longitude - previous < -180) longitude += 360;
      position[0] = longitude;
    }
    previous = longitude;
  }
}

/**
 * Reads back one path of the map picture drawn into every page
 * (build/map-picture.ts): "M x y" starts a line, "l dx dy …" steps along it in
 * whole picture units, "z" closes it. Returns each line as `[longitude,
 * latitude]` positions, so the interactive map can draw the picture's own
 * shapes instead of downloading the basemap again. `toLngLat` turns picture
 * units into degrees (src/lib/map-view.ts). Throws on any other command.
 */
export function linesFromPicturePath(
  pathData: string,
  toLngLat: (x: number, y: number) => Position,
): { lines: Position[][]; closed: boolean[] } {
  const lines: Position[][] = [];
  const closed: boolean[] = [];
  let current: Position[] | null = null;
  let x = 0;
  let y = 0;
  let command = '';
  let pending: number | null = null;
  for (const token of pathData.match(/[A-Za-z]|-?\d+/g) ?? []) {
    if (/[A-Za-z]/.test(token)) {
      command = token;
      pending = null;
      if (command === 'z' && current) closed[closed.length - 1] = true;
      else if (command !== 'M' && command !== 'l') throw new Error(`the map picture's path has a "${command}" command`);
      continue;
    }
    const value = Number(token);
    if (pending === null) {
      pending = value;
      continue;
    }
    if (command === 'M') {
      x = pending;
      y = value;
      current = [];
      lines.push(current);
      closed.push(false);
    } else {
      x += pending;
      y += value;
    }
    current?.push(toLngLat(x, y));
    pending = null;
  }
  return { lines, closed };
}
