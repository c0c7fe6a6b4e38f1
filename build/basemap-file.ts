import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { CompactBasemap } from '../src/lib/basemap.ts';

/**
 * Grid steps across the map's width: about 8 km at the equator. Natural
 * Earth 1:110m points lie a median 68 km apart (measured roughly, at 45° N),
 * so the grid changes no shape a reader can see.
 */
export const basemapGridSize = 5_000;

/**
 * Encodes integers in the polyline encoding that `decodeIntegers` in
 * src/lib/basemap.ts reads: zigzag, then 5-bit groups plus 63, low first.
 */
export function encodeIntegers(numbers: readonly number[]): string {
  let text = '';
  for (const number of numbers) {
    let value = number < 0 ? ~(number << 1) : number << 1;
    while (value >= 0x20) {
      text += String.fromCharCode((0x20 | (value & 0x1f)) + 63);
      value >>>= 5;
    }
    text += String.fromCharCode(value + 63);
  }
  return text;
}

type CountryGeometry = Polygon<{ name?: string }> | MultiPolygon<{ name?: string }>;

/**
 * Makes the shipped basemap from a `world-atlas` countries topology: drops
 * Antarctica (Web Mercator stretches it across the bottom of the map) and
 * the lines only it used, moves every point to a `gridSize` grid, drops
 * points that land on the one before, and encodes each line as text. Which
 * lines two countries share (the borders) is worked out here, once.
 * Throws if the topology has no quantized `countries` object.
 */
export function compactBasemap(topology: Topology, gridSize: number = basemapGridSize): CompactBasemap {
  const countriesObject = topology.objects.countries as GeometryCollection<{ name?: string }> | undefined;
  if (!countriesObject) throw new Error('the basemap topology has no "countries" object');
  if (!topology.transform) throw new Error('the basemap topology is not quantized');
  const { scale, translate } = topology.transform;
  const absoluteArcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx = 0, dy = 0]) => {
      x += dx;
      y += dy;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as const;
    });
  });

  const countries = countriesObject.geometries.filter(
    (geometry): geometry is CountryGeometry =>
      (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && geometry.properties?.name !== 'Antarctica',
  );
  const polygonsOf = (country: CountryGeometry) => (country.type === 'Polygon' ? [country.arcs] : country.arcs);

  // Lines are renumbered in order of first use, so the ones only Antarctica used go.
  const newIndex = new Map<number, number>();
  const usedBy = new Map<number, Set<number>>();
  const renumber = (index: number, country: number) => {
    const original = index < 0 ? ~index : index;
    let renumbered = newIndex.get(original);
    if (renumbered === undefined) {
      renumbered = newIndex.size;
      newIndex.set(original, renumbered);
    }
    const users = usedBy.get(renumbered) ?? new Set<number>();
    users.add(country);
    usedBy.set(renumbered, users);
    return index < 0 ? ~renumbered : renumbered;
  };
  const countryArcs = countries.map((country, countryIndex) =>
    polygonsOf(country).map((rings) => rings.map((ring) => ring.map((index) => renumber(index, countryIndex)))),
  );

  const points = [...newIndex.keys()].flatMap((original) => absoluteArcs[original] ?? []);
  const minimum = (values: number[]) => values.reduce((a, b) => Math.min(a, b), Infinity);
  const maximum = (values: number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity);
  const west = minimum(points.map(([x]) => x));
  const south = minimum(points.map(([, y]) => y));
  const gridScale: [number, number] = [
    (maximum(points.map(([x]) => x)) - west) / (gridSize - 1),
    (maximum(points.map(([, y]) => y)) - south) / (gridSize - 1),
  ];

  const arcs = [...newIndex.keys()].map((original) => {
    const steps: number[] = [];
    let previousX = 0;
    let previousY = 0;
    const arc = absoluteArcs[original] ?? [];
    arc.forEach(([longitude, latitude], position) => {
      const x = Math.round((longitude - west) / gridScale[0]);
      const y = Math.round((latitude - south) / gridScale[1]);
      const isEnd = position === 0 || position === arc.length - 1;
      // A point that rounds onto the one before adds nothing; a line's ends always stay.
      if (!isEnd && x === previousX && y === previousY) return;
      steps.push(x - previousX, y - previousY);
      previousX = x;
      previousY = y;
    });
    return encodeIntegers(steps);
  });

  return {
    source:
      'Natural Earth 1:110m countries (public domain), from the world-atlas npm package; ' +
      `Antarctica removed, points moved to a ${String(gridSize)}-step grid. Made by npm run basemap.`,
    scale: gridScale,
    translate: [west, south],
    arcs,
    countries: countryArcs,
    borders: [...usedBy].filter(([, users]) => users.size > 1).map(([index]) => index),
  };
}
