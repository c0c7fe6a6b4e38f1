/**
 * Point-in-polygon on the sphere, exactly as d3-geo's `geoContains` decides
 * it, but prepared once per polygon so that each point costs only the few
 * edges that cross its meridian, not every vertex of the outline.
 *
 * `geoContains` converts every ring to radians and visits every edge for each
 * point: 100,000 rallies against France's or Russia's outline took most of the
 * validator's time. Its answer is "is the south pole inside" (a property of
 * the polygon alone) XOR "does a meridian arc from the point to the south pole
 * cross the outline an odd number of times". Here the edges are sorted into
 * longitude bands once, and only the band of the point is tested, with the same
 * arithmetic as d3-geo (polygonContains.js, ISC licence, © Mike Bostock), so
 * the two agree point for point (tests/scripts/lib/spherical-polygon.test.ts).
 */
import { geoContains } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';

const epsilon = 1e-6;
const pi = Math.PI;
const halfPi = pi / 2;
const tau = pi * 2;
const radians = pi / 180;

/** The width of one longitude band, in radians (a quarter of a degree). */
const bandWidth = radians / 4;
const bandCount = Math.ceil(tau / bandWidth);

/** d3-geo's longitude(): an angle in radians brought into [-π, π]. */
function longitude(lambda: number): number {
  return Math.abs(lambda) <= pi ? lambda : Math.sign(lambda) * (((Math.abs(lambda) + pi) % tau) - pi);
}

function band(lambda: number): number {
  return Math.max(0, Math.min(bandCount - 1, Math.floor((lambda + pi) / bandWidth)));
}

/** One edge of a ring, with what the meridian test needs (d3-geo's names). */
interface Edge {
  lambda0: number;
  lambda1: number;
  antimeridian: boolean;
  /** delta >= 0: the edge runs east. */
  eastward: boolean;
  /** The unit normal of the edge's great circle: cartesian(point0) × cartesian(point1), normalised. */
  arcX: number;
  arcY: number;
  arcZ: number;
}

function cartesian(lambda: number, phi: number): [number, number, number] {
  const cosPhi = Math.cos(phi);
  return [cosPhi * Math.cos(lambda), cosPhi * Math.sin(lambda), Math.sin(phi)];
}

function edgeBetween(point0: Position, point1: Position): Edge {
  const lambda0 = longitude(point0[0] ?? 0);
  const lambda1 = longitude(point1[0] ?? 0);
  const delta = lambda1 - lambda0;
  const a = cartesian(point0[0] ?? 0, point0[1] ?? 0);
  const b = cartesian(point1[0] ?? 0, point1[1] ?? 0);
  const arc = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]] as const;
  const length = Math.sqrt(arc[0] * arc[0] + arc[1] * arc[1] + arc[2] * arc[2]);
  return {
    lambda0,
    lambda1,
    antimeridian: Math.abs(delta) > pi,
    eastward: delta >= 0,
    arcX: arc[0] / length,
    arcY: arc[1] / length,
    arcZ: arc[2] / length,
  };
}

/** A point test for one polygon: `[longitude, latitude]` in degrees in, inside or not out. */
export type PointTest = (position: readonly [number, number]) => boolean;

/**
 * Prepares one polygon (its rings in degrees, as in GeoJSON, each closed) for
 * many point tests. The result answers as `geoContains({ type: 'Polygon',
 * coordinates: rings }, position)` does, for every position.
 */
export function preparePolygon(rings: readonly Position[][]): PointTest {
  const bands = new Map<number, Edge[]>();
  // Edges across the antimeridian cover every longitude outside their span: tested for every point.
  const everywhere: Edge[] = [];
  for (const ring of rings) {
    // As d3-geo: the closing point (a repeat of the first) is dropped, then the ring is walked from its last point.
    const points = ring.slice(0, -1).map((point): Position => [(point[0] ?? 0) * radians, (point[1] ?? 0) * radians]);
    let previous = points[points.length - 1];
    for (const point of points) {
      if (!previous) break;
      const edge = edgeBetween(previous, point);
      previous = point;
      if (edge.antimeridian) {
        everywhere.push(edge);
      } else if (edge.lambda0 !== edge.lambda1) {
        const first = band(Math.min(edge.lambda0, edge.lambda1));
        const last = band(Math.max(edge.lambda0, edge.lambda1));
        for (let index = first; index <= last; index += 1) {
          const list = bands.get(index);
          if (list) list.push(edge);
          else bands.set(index, [edge]);
        }
      }
    }
  }
  const noEdges: Edge[] = [];

  /** How many times the meridian arc from the point down to the south pole crosses the outline, signed. */
  function winding(lambdaDegrees: number, phiDegrees: number): number {
    const lambda = longitude(lambdaDegrees * radians);
    let phi = phiDegrees * radians;
    const sinPhi = Math.sin(phi);
    if (sinPhi === 1) phi = halfPi + epsilon;
    else if (sinPhi === -1) phi = -halfPi - epsilon;
    const normalX = Math.sin(lambda);
    const normalY = -Math.cos(lambda);
    let count = 0;
    for (const edges of [bands.get(band(lambda)) ?? noEdges, everywhere]) {
      for (const edge of edges) {
        // Are the longitudes either side of the point's meridian? (d3-geo's test, operator for operator.)
        if (!((edge.antimeridian !== edge.lambda0 >= lambda) !== edge.lambda1 >= lambda)) continue;
        // normal × arc, normal = [sin λ, -cos λ, 0]; only its normalised z is needed.
        const x = normalY * edge.arcZ;
        const y = -normalX * edge.arcZ;
        const z = normalX * edge.arcY - normalY * edge.arcX;
        const z1 = z / Math.sqrt(x * x + y * y + z * z);
        const flipped = edge.antimeridian !== edge.eastward;
        const phiArc = (flipped ? -1 : 1) * (z1 > 1 ? halfPi : z1 < -1 ? -halfPi : Math.asin(z1));
        // (arcX || arcY) as d3-geo writes it: a NaN normal (a zero-length edge) counts as zero.
        if (phi > phiArc || (phi === phiArc && Boolean(edge.arcX || edge.arcY))) count += flipped ? 1 : -1;
      }
    }
    return count;
  }

  // Whether the south pole is inside depends on the polygon alone; d3-geo decides it from the winding angle and
  // the area. Rather than repeat that sum, read it off one geoContains answer: contains = southPole XOR odd winding.
  const polygon: Polygon = { type: 'Polygon', coordinates: rings.map((ring) => [...ring]) };
  const southPoleInside = geoContains(polygon, [0, 0]) !== ((winding(0, 0) & 1) === 1);
  return (position) => southPoleInside !== ((winding(position[0], position[1]) & 1) === 1);
}

/** Prepares a Polygon or MultiPolygon: inside when inside any of its polygons, as `geoContains` says. */
export function prepareGeometry(geometry: Polygon | MultiPolygon): PointTest {
  const tests =
    geometry.type === 'Polygon' ? [preparePolygon(geometry.coordinates)] : geometry.coordinates.map(preparePolygon);
  return (position) => tests.some((test) => test(position));
}
