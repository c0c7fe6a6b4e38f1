/** A marker's position in screen pixels. */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

/**
 * Moves markers apart so that no two are closer than `minDistance` pixels,
 * while each stays as near its true position as it can. Markers that crowd
 * together form a group; the group is laid out around its centre, in the
 * same angular order as the true positions, so London stays west of York.
 * Markers that do not crowd anything are returned where they were.
 * Pure and deterministic: the same input always gives the same layout.
 */
export function spreadMarkers(points: readonly ScreenPoint[], minDistance: number): ScreenPoint[] {
  let groups = groupCrowdedPoints(points, minDistance);
  let placed = groups.map((group) => layOutGroup(group, minDistance));
  // A spread group can reach a marker outside it; then the two are laid out as one.
  // Groups only ever merge, so this ends after at most one pass per point.
  for (let pass = 0; pass < points.length; pass += 1) {
    const merged = mergeCollidingGroups(groups, placed, minDistance);
    if (merged === null) break;
    groups = merged;
    placed = groups.map((group) => layOutGroup(group, minDistance));
  }
  const byId = new Map(placed.flat().map((point) => [point.id, point]));
  return points.map((point) => byId.get(point.id) ?? point);
}

/** Lays a group around its centre, in the angular order of its true positions. */
function layOutGroup(group: readonly ScreenPoint[], minDistance: number): ScreenPoint[] {
  if (group.length < 2) return [...group];
  const centreX = group.reduce((sum, point) => sum + point.x, 0) / group.length;
  const centreY = group.reduce((sum, point) => sum + point.y, 0) / group.length;
  // The smallest circle on which n evenly spaced points are minDistance apart.
  const radius = group.length === 2 ? minDistance / 2 : minDistance / (2 * Math.sin(Math.PI / group.length));
  const byAngle = group
    .map((point) => ({ point, angle: angleFrom(centreX, centreY, point) }))
    .sort((a, b) => a.angle - b.angle || a.point.id.localeCompare(b.point.id));
  const startAngle = byAngle[0]?.angle ?? 0;
  return byAngle.map(({ point }, index) => {
    const angle = startAngle + (index * 2 * Math.PI) / group.length;
    return { id: point.id, x: centreX + radius * Math.cos(angle), y: centreY + radius * Math.sin(angle) };
  });
}

/** Joins the first two groups whose laid-out members crowd each other, or returns `null` if none do. */
function mergeCollidingGroups(
  groups: readonly ScreenPoint[][],
  placed: readonly ScreenPoint[][],
  minDistance: number,
): ScreenPoint[][] | null {
  // Allow for rounding: members of one group sit exactly minDistance apart.
  const tolerance = 1e-9;
  for (let i = 0; i < placed.length; i += 1) {
    for (let j = i + 1; j < placed.length; j += 1) {
      const crowded = placed[i]?.some((a) =>
        placed[j]?.some((b) => Math.hypot(a.x - b.x, a.y - b.y) < minDistance - tolerance),
      );
      if (crowded) {
        const union = [...(groups[i] ?? []), ...(groups[j] ?? [])];
        return [...groups.filter((_, index) => index !== i && index !== j), union];
      }
    }
  }
  return null;
}

function angleFrom(centreX: number, centreY: number, point: ScreenPoint): number {
  // Points sitting exactly on the centre have no direction; give them one.
  if (point.x === centreX && point.y === centreY) return 0;
  return Math.atan2(point.y - centreY, point.x - centreX);
}

/** Splits points into groups whose members are chained by distances under `minDistance`. */
function groupCrowdedPoints(points: readonly ScreenPoint[], minDistance: number): ScreenPoint[][] {
  const parent = points.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[index] = root;
    return root;
  };
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const a = points[i];
      const b = points[j];
      if (a && b && Math.hypot(a.x - b.x, a.y - b.y) < minDistance) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, ScreenPoint[]>();
  points.forEach((point, index) => {
    const root = find(index);
    const group = groups.get(root) ?? [];
    group.push(point);
    groups.set(root, group);
  });
  return [...groups.values()];
}
