/**
 * The one label-placement module (screen, presentation and the exported picture all draw what it
 * places). Labels are placed most important first: each takes the first free spot next to its
 * marker, with its short name where the full one does not fit, and, where markers crowd, a spot
 * further out joined to the marker by a leader line. A label never covers another label, a
 * marker or a reserved box (the date, the zoom buttons), and stays inside the map; nor, where
 * any spot near the marker allows it, a drawn relation line (a label over a line hides where the
 * line goes). Where every spot is crossed, it takes the adjacent one that fewest lines cross.
 * A spot nearer another marker than its own is a last resort: the name would read as that one's.
 * Where markers crowd so that a name finds no room at all, a lesser actor's name (below a
 * priority the caller sets) is left off, as a graphics editor would, rather than printed over
 * its neighbours': its marker is still named on hover and focus, and zoomed in, where there is
 * room, it is labelled again.
 */
import type { Box } from './layout';
import type { Point } from './geo';
import { indexLines, segmentCrossesBox, segmentsCross, type LineIndex } from './lineObstacles';
import { BoxGrid } from './boxGrid';

export interface LabelRequest {
  id: string;
  /** The marker's centre on screen. */
  at: Point;
  /** Names to try, longest first ("North Korea", "N. Korea"). */
  names: readonly string[];
  /** Higher is placed first (the story's main actors, the selection). */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** The label's box on screen. */
  box: Box;
  /** Where the text starts (x) and its baseline (y), relative to the marker. */
  dx: number;
  dy: number;
  anchor: 'start' | 'middle' | 'end';
  /** The leader line's far end (relative to the marker) when the label sits away from it. */
  leader: Point | null;
  /** How many lines (relation lines and other labels' leaders) pass under it: 0 but where
   * every spot within reach is crossed. */
  crossings: number;
}

export interface LabelOptions {
  fontSize: number;
  /** The marker's radius: labels keep clear of every marker's disc. */
  radius: number;
  bounds: Box;
  /** Boxes no label may cover (the date, the zoom buttons). */
  reserved?: readonly Box[];
  /** The width in px of a text at `fontSize`. */
  measure: (text: string) => number;
  /** The relation lines as drawn (sampled polylines on screen): labels keep off them. */
  lines?: readonly (readonly Point[])[];
  /** Labels of a lower priority may be left off where no spot is free (they would cover a name
   * or a marker, leave the map, or need a leader across them); the others are placed whatever
   * they cover. By default none is left off. */
  keepFrom?: number;
}

/** Tunables: gap between marker and label, and the rings tried for leader-lined labels (the
 * first a short leader, for a label just clear of the lines at its marker). */
const GAP = 3;
const RINGS = [10, 22, 34, 48, 64];
const DIRECTIONS = 16;
/** What a leader facing straight into its marker's cluster, or a short name, costs, as px of
 * extra leader. */
const OFF_COST = 60;
const NAME_COST = 12;
/** A leader's own cost, and what each line it cuts across or each line under a label adds. */
const LEADER_COST = 8;
const CUT_COST = 12;
const CROSS_COST = 80;
/** What a spot costs where nothing is free (it covers a marker, or its leader a label). */
const CORNERED_COST = 1000;
/** Leaders longer than this (px) cost `LONG_COST` more a px: the label drifts from its marker,
 * and a label beside it over a few lines (knocked out under it) reads better. */
const LONG = 20;
const LONG_COST = 10;
/** What a spot costs where another marker is about as near it as its own (within this share
 * of the distance), or nearer: the reader takes the name for that marker's. */
const NEARER = 1.5;
const NEARER_COST = 240;
/** Clearance around a leader-lined label for other labels, in label heights. */
const STACK_GAP = 0.5;

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function inside(b: Box, bounds: Box): boolean {
  return (
    b.x >= bounds.x &&
    b.y >= bounds.y &&
    b.x + b.width <= bounds.x + bounds.width &&
    b.y + b.height <= bounds.y + bounds.height
  );
}

interface Candidate {
  box: Box;
  anchor: PlacedLabel['anchor'];
  leader: boolean;
  /** The leader's direction (radians, y down). */
  angle?: number;
}

/** The eight spots touching the marker, in the order a cartographer prefers them. */
function adjacent(at: Point, width: number, height: number, r: number): Candidate[] {
  const [x, y] = at;
  const g = r + GAP;
  const spot = (bx: number, by: number, anchor: Candidate['anchor']): Candidate => ({
    box: { x: bx, y: by, width, height },
    anchor,
    leader: false,
  });
  return [
    spot(x + g, y - height / 2, 'start'),
    spot(x - g - width, y - height / 2, 'end'),
    spot(x + g * 0.7, y - g * 0.7 - height, 'start'),
    spot(x + g * 0.7, y + g * 0.7, 'start'),
    spot(x - g * 0.7 - width, y - g * 0.7 - height, 'end'),
    spot(x - g * 0.7 - width, y + g * 0.7, 'end'),
    spot(x - width / 2, y - g - height, 'middle'),
    spot(x - width / 2, y + g, 'middle'),
  ];
}

/** Spots further out in every direction, reached by a leader line, east first, clockwise. */
function distant(at: Point, width: number, height: number, ring: number): Candidate[] {
  return Array.from({ length: DIRECTIONS }, (_, i) => {
    const angle = (i / DIRECTIONS) * 2 * Math.PI;
    const cx = at[0] + Math.cos(angle) * ring;
    const cy = at[1] + Math.sin(angle) * ring;
    // The label hangs off the end of the leader on the side facing away from the marker.
    const cos = Math.cos(angle);
    const anchor: Candidate['anchor'] = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const x = anchor === 'start' ? cx : anchor === 'end' ? cx - width : cx - width / 2;
    const sin = Math.sin(angle);
    const y = sin > 0.3 ? cy : sin < -0.3 ? cy - height : cy - height / 2;
    return { box: { x, y, width, height }, anchor, leader: true, angle };
  });
}

/** Markers within this many px count as the cluster a label is led out of. */
const CLUSTER = 120;

/** The direction (radians, y down) out of the cluster a marker sits in; null when it is alone. */
function awayFrom(request: LabelRequest, all: readonly LabelRequest[]): number | null {
  let x = 0;
  let y = 0;
  for (const other of all) {
    if (other === request) continue;
    const dx = request.at[0] - other.at[0];
    const dy = request.at[1] - other.at[1];
    const d2 = dx * dx + dy * dy;
    if (d2 === 0 || d2 > CLUSTER * CLUSTER) continue;
    x += dx / d2;
    y += dy / d2;
  }
  return x === 0 && y === 0 ? null : Math.atan2(y, x);
}

/** Where the text of a box starts and sits, relative to the marker, for its anchor. */
function textPosition(c: Candidate, at: Point, fontSize: number): { dx: number; dy: number } {
  const x =
    c.anchor === 'start'
      ? c.box.x + 1
      : c.anchor === 'end'
        ? c.box.x + c.box.width - 1
        : c.box.x + c.box.width / 2;
  // The box is the line's height; the baseline sits about a quarter of the size above its foot.
  const y = c.box.y + c.box.height / 2 + fontSize * 0.35;
  return { dx: x - at[0], dy: y - at[1] };
}

/** The point of a box nearest the marker: where its leader line ends. */
function nearestPoint(box: Box, [x, y]: Point): Point {
  return [
    Math.min(box.x + box.width, Math.max(box.x, x)),
    Math.min(box.y + box.height, Math.max(box.y, y)),
  ];
}

/** How far a point is from a box (0 inside it). */
function distanceTo(box: Box, at: Point): number {
  const [x, y] = nearestPoint(box, at);
  return Math.hypot(x - at[0], y - at[1]);
}

/** The box shrunk by `by` px on every side. */
function inset(b: Box, by: number): Box {
  return { x: b.x + by, y: b.y + by, width: b.width - 2 * by, height: b.height - 2 * by };
}

/** The box grown by `by` px on every side. */
function grow(b: Box, by: number): Box {
  return inset(b, -by);
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places a label for every request whose marker's disc reaches into the bounds, most important
 * first. Markers further out get none. When nothing is free (a map a few markers wide), a label
 * below `keepFrom` is left off; any other takes the adjacent spot that overlaps least, so its
 * name is never dropped.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: LabelOptions,
): PlacedLabel[] {
  // A marker whose disc reaches into the bounds is seen: it is named (inside them).
  const seen = grow(options.bounds, options.radius);
  const visible = requests.filter((r) =>
    inside({ x: r.at[0], y: r.at[1], width: 0, height: 0 }, seen),
  );
  const { fixed, menus: list } = planFor(visible, options);
  const menus = new Map(visible.map((r, i) => [r, list[i]!]));
  let order = [...visible].sort((a, b) => b.priority - a.priority);
  let best: { placed: PlacedLabel[]; cost: number } | null = null;
  // Greedy placement can corner a later label among the lines; when it does, the labels left on
  // a line are placed first in another pass (they take the clear spots, the others find theirs),
  // and the cheaper layout is kept.
  for (let pass = 0; pass < ORDERS; pass++) {
    const layout = placeInOrder(order, fixed, menus, options);
    // A pass that gains nothing ends the search: the labels left on lines chose them.
    if (best && layout.cost >= best.cost) break;
    best = layout;
    const crossed = new Set(layout.placed.filter((l) => l.crossings > 0).map((l) => l.id));
    for (const id of layout.cornered) crossed.add(id);
    if (crossed.size === 0) break;
    const first = order.filter((r) => crossed.has(r.id));
    const next = [...first, ...order.filter((r) => !crossed.has(r.id))];
    if (next.every((r, i) => r === order[i])) break;
    order = next;
  }
  return best?.placed ?? [];
}

/** How many passes in other orders are tried while a label is left on a line. */
const ORDERS = 4;

/** What placing labels works out before any is placed: what every label keeps clear of, and
 * each label's menu of spots (in the order of the labels in view). */
interface Plan {
  fixed: Fixed;
  menus: Menu[];
}

/**
 * The last plan and what it was made for. A click on a large map places every label again in
 * a new order, for the same markers and options: the plan, with what its spots have kept, is
 * used again (the measure and the lines must be the same functions and arrays, not copies).
 */
let last: { key: Key; plan: Plan } | null = null;

function planFor(visible: readonly LabelRequest[], options: LabelOptions): Plan {
  const key = keyOf(visible, options);
  if (last && sameKey(last.key, key)) return last.plan;
  const lines = indexLines(options.lines ?? []);
  const fixed = new Fixed(visible, options);
  const menus = visible.map((r) => new Menu(r, visible, lines, fixed, options));
  last = { key, plan: { fixed, menus } };
  return last.plan;
}

/** What a plan is made of: each label's id, point and names (not its priority), and the
 * options, as values (copied) but for the measure and the lines (the same function and array). */
interface Key {
  values: (string | number)[];
  measure: LabelOptions['measure'];
  lines: LabelOptions['lines'];
}

function keyOf(visible: readonly LabelRequest[], options: LabelOptions): Key {
  const { fontSize, radius, bounds, reserved = [], measure, lines } = options;
  const box = (b: Box) => [b.x, b.y, b.width, b.height];
  return {
    values: [
      fontSize,
      radius,
      ...box(bounds),
      reserved.length,
      ...reserved.flatMap(box),
      ...visible.flatMap((r) => [r.id, r.at[0], r.at[1], r.names.length, ...r.names]),
    ],
    measure,
    lines: lines?.length ? lines : undefined,
  };
}

function sameKey(a: Key, b: Key): boolean {
  return (
    a.measure === b.measure &&
    a.lines === b.lines &&
    a.values.length === b.values.length &&
    a.values.every((v, i) => Object.is(v, b.values[i]))
  );
}

/** A box no label covers, itself shrunk by half a px (which a leader may touch), and when it
 * was made (markers' discs and reserved boxes first, then labels as they are placed). */
interface Obstacle {
  box: Box;
  shrunk: Box;
  made: number;
}

let made = 0;
function obstacle(box: Box): Obstacle {
  return { box, shrunk: inset(box, 0.5), made: made++ };
}

function keep<T extends Obstacle>(grid: BoxGrid<T>, item: T): void {
  const { box } = item;
  grid.add(box.x, box.y, box.x + box.width, box.y + box.height, item);
}

/** Whether the box overlaps an obstacle in the grid. */
function coversAny(grid: BoxGrid<Obstacle>, b: Box): boolean {
  return grid.some(b.x, b.y, b.x + b.width, b.y + b.height, (t) => overlaps(t.box, b));
}

/** Whether the segment crosses an obstacle in the grid (but `except`), shrunk by half a px. */
function crossesAny(grid: BoxGrid<Obstacle>, [a, b]: [Point, Point], except?: Box): boolean {
  return grid.some(
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
    (t) => t.box !== except && segmentCrossesBox(a, b, t.shrunk),
  );
}

/** What every label keeps clear of, whatever the order of placing: the markers' discs and the
 * reserved boxes (in a grid: boxGrid.ts); and where the markers are, for the label nearest. */
class Fixed {
  readonly discs: Map<LabelRequest, Box>;
  readonly grid = new BoxGrid<Obstacle>();
  readonly markers = new BoxGrid<LabelRequest>();

  constructor(visible: readonly LabelRequest[], { radius, reserved = [] }: LabelOptions) {
    this.discs = new Map(
      visible.map((r) => [
        r,
        { x: r.at[0] - radius, y: r.at[1] - radius, width: radius * 2, height: radius * 2 },
      ]),
    );
    for (const box of [...this.discs.values(), ...reserved]) keep(this.grid, obstacle(box));
    for (const r of visible) this.markers.add(r.at[0], r.at[1], r.at[0], r.at[1], r);
  }

  /** Whether another marker is nearer the box than the request's own: a label there reads as
   * that marker's name. */
  nearerOther(request: LabelRequest, b: Box): boolean {
    const far = distanceTo(b, request.at) * NEARER;
    return this.markers.some(
      b.x - far,
      b.y - far,
      b.x + b.width + far,
      b.y + b.height + far,
      (other) => other !== request && distanceTo(b, other.at) < far,
    );
  }
}

/** A spot tried for a label, with the name it would show and what it costs. */
interface Spot {
  text: string;
  c: Candidate;
  /** Its cost before the lines are looked at. */
  cost: number;
  /** Its leader line from the marker's edge to the label (null next to the marker). */
  leader: [Point, Point] | null;
  /** What is worked out once and kept on the spot (see Menu and placeInOrder): what the lines
   * add to its cost, whether it is clear of what never moves, and whether it fitted on the
   * turn `turn` of placing (the turn of one label in one pass). */
  price?: number;
  roomy?: boolean;
  reaches?: boolean;
  turn?: number;
  fits?: boolean;
}

/**
 * The spots a label may take, each with its cost, cheapest first: the spots next to its marker,
 * then those of each ring. None depends on where other labels went, so they are made once per
 * placement (when first asked for) and read by every pass, as is what the lines add to a spot.
 */
class Menu {
  readonly #request: LabelRequest;
  readonly #names: readonly string[];
  readonly #lines: LineIndex;
  readonly #options: LabelOptions;
  readonly #height: number;
  readonly #away: number | null;
  #near: Spot[] | null = null;
  readonly #rings: Spot[][] = [];
  readonly #fixed: Fixed;

  constructor(
    request: LabelRequest,
    visible: readonly LabelRequest[],
    lines: LineIndex,
    fixed: Fixed,
    options: LabelOptions,
  ) {
    this.#request = request;
    this.#fixed = fixed;
    this.#names = request.names.length ? request.names : [request.id];
    this.#lines = lines;
    this.#options = options;
    this.#height = Math.round(options.fontSize * 1.25);
    this.#away = awayFrom(request, visible);
  }

  get names(): readonly string[] {
    return this.#names;
  }

  get lines(): LineIndex {
    return this.#lines;
  }

  /** The eight spots next to the marker for a name, in the cartographer's order. */
  adjacent(text: string): Candidate[] {
    const { measure, radius } = this.#options;
    return adjacent(this.#request.at, measure(text), this.#height, radius);
  }

  /** The spots next to the marker, for every name, cheapest first. */
  get near(): readonly Spot[] {
    return (this.#near ??= this.#sorted(
      this.#names.flatMap((text, n) =>
        this.adjacent(text).map((c, rank) => this.#spot(text, c, n, rank)),
      ),
    ));
  }

  /** The spots on ring `i` of RINGS, for every name, cheapest first. */
  ring(i: number): readonly Spot[] {
    const { measure, radius } = this.#options;
    const ring = RINGS[i]! + radius;
    return (this.#rings[i] ??= this.#sorted(
      this.#names.flatMap((text, n) =>
        distant(this.#request.at, measure(text), this.#height, ring).map((c) =>
          this.#spot(text, c, n, 0),
        ),
      ),
    ));
  }

  /** What the lines add to a spot: each line its leader cuts, and far more each line under it. */
  price(spot: Spot): number {
    let price = spot.price;
    if (price === undefined) {
      const lines = this.#lines;
      price =
        crossedBy(lines, spot.c) * CROSS_COST +
        (spot.leader ? lines.cuts(...spot.leader) * CUT_COST : 0);
      spot.price = price;
    }
    return price;
  }

  /** Whether a spot's box is inside the map and over no marker's disc or reserved box. */
  roomy(spot: Spot): boolean {
    let ok = spot.roomy;
    if (ok === undefined) {
      const b = spot.c.box;
      ok = inside(b, this.#options.bounds) && !coversAny(this.#fixed.grid, b);
      spot.roomy = ok;
    }
    return ok;
  }

  /** Whether a spot's leader (if it has one) crosses no disc but its own marker's, nor a
   * reserved box. */
  reaches(spot: Spot): boolean {
    let ok = spot.reaches;
    if (ok === undefined) {
      const own = this.#fixed.discs.get(this.#request);
      ok = !spot.leader || !crossesAny(this.#fixed.grid, spot.leader, own);
      spot.reaches = ok;
    }
    return ok;
  }

  /** Sorted by cost; the sort is stable, so equal costs keep the order they were made in. */
  #sorted(spots: Spot[]): Spot[] {
    return spots.sort((a, b) => a.cost - b.cost);
  }

  #spot(text: string, c: Candidate, n: number, rank: number): Spot {
    const leader = this.#leaderOf(c);
    return { text, c, leader, cost: this.#base(c, leader, n, rank) };
  }

  /** The leader's line from the marker's edge to the label (null next to the marker). */
  #leaderOf(c: Candidate): [Point, Point] | null {
    if (!c.leader) return null;
    const { at } = this.#request;
    const { radius } = this.#options;
    const end = nearestPoint(c.box, at);
    const [sx, sy] = at;
    const length = Math.hypot(end[0] - sx, end[1] - sy) || 1;
    return [[sx + ((end[0] - sx) * radius) / length, sy + ((end[1] - sy) * radius) / length], end];
  }

  /**
   * What a spot costs before the lines are looked at, in px of leader: next to the marker, its
   * rank in the cartographer's order; else the leader's length (a long one, more), more where
   * it heads into the marker's cluster (a label led in among its neighbours reads as theirs);
   * a short name costs a little more than the full one.
   */
  #base(c: Candidate, leader: [Point, Point] | null, n: number, rank: number): number {
    const nearer = this.#fixed.nearerOther(this.#request, c.box) ? NEARER_COST : 0;
    if (!leader) return nearer + rank + NAME_COST * n;
    const away = this.#away;
    const off =
      away === null
        ? 0
        : Math.abs(Math.atan2(Math.sin(c.angle! - away), Math.cos(c.angle! - away)));
    const [start, end] = leader;
    const length = Math.hypot(end[0] - start[0], end[1] - start[1]);
    return (
      LEADER_COST +
      length +
      LONG_COST * Math.max(0, length - LONG) +
      (OFF_COST * off) / Math.PI +
      NAME_COST * n +
      nearer
    );
  }
}

/** How many lines pass under a spot: a line only grazing its edge passes under the text's halo,
 * not through its letters. */
function crossedBy(lines: LineIndex, c: Candidate): number {
  return lines.crossings(inset(c.box, 1.5));
}

/** Counts the turns of placing (one label in one pass), for what a spot keeps of its turn. */
let turns = 0;

/** One greedy pass: each label in turn takes the best spot the ones before it left. */
function placeInOrder(
  order: readonly LabelRequest[],
  fixed: Fixed,
  menus: ReadonlyMap<LabelRequest, Menu>,
  options: LabelOptions,
): { placed: PlacedLabel[]; cost: number; cornered: Set<string> } {
  const { fontSize, bounds } = options;
  const height = Math.round(fontSize * 1.25);
  // What is placed is kept in grids (boxGrid.ts): a spot tried reads only what lies near it.
  /** The labels placed so far: no later label covers one, no leader crosses one. */
  const labels = new BoxGrid<Obstacle>();
  /** The leader lines drawn so far: no later label or leader crosses one. */
  const leaders = new BoxGrid<[Point, Point]>();
  /** The labels placed so far, each grown by the room kept around a leader-lined label: all of
   * them (met by a spot with a leader) and those with a leader (met by a spot next to its
   * marker), so that the two do not stack into what reads as one list with one line to the
   * wrong name. */
  const spaced = new BoxGrid<Obstacle>();
  const spacedLed = new BoxGrid<Obstacle>();
  const room = STACK_GAP * height;
  const placed: PlacedLabel[] = [];
  let total = 0;
  const stuck = new Set<string>();
  for (const request of order) {
    const menu = menus.get(request)!;
    // A cornered label asks again whether its spots fit: nothing was placed in between.
    const turn = ++turns;
    /** The spot's box stays inside the map, covers no disc, reserved box or label, and meets no
     * other label's room nor a leader. */
    const fits = (spot: Spot) => {
      if (spot.turn === turn) return spot.fits!;
      const b = spot.c.box;
      const x1 = b.x + b.width;
      const y1 = b.y + b.height;
      const ok =
        menu.roomy(spot) &&
        !coversAny(labels, b) &&
        !(spot.c.leader ? spaced : spacedLed).some(b.x, b.y, x1, y1, (s) => overlaps(b, s.box)) &&
        !leaders.some(b.x, b.y, x1, y1, ([p, q]) => segmentCrossesBox(p, q, b));
      spot.turn = turn;
      spot.fits = ok;
      return ok;
    };
    /** A leader line crosses no other marker, label or leader. */
    const led = (spot: Spot) => {
      const leader = spot.leader;
      if (!leader) return true;
      const [from, to] = leader;
      return (
        menu.reaches(spot) &&
        !crossesAny(labels, leader) &&
        !leaders.some(
          Math.min(from[0], to[0]),
          Math.min(from[1], to[1]),
          Math.max(from[0], to[0]),
          Math.max(from[1], to[1]),
          ([a, b]) => segmentsCross(a, b, from, to),
        )
      );
    };
    const free = (spot: Spot) => fits(spot) && led(spot);
    /** The cheapest free spot, next to the marker or out on the rings (cheapest first, so the
     * lines are looked at for only the few spots that could win). */
    const cheapest = (ok: (spot: Spot) => boolean) => {
      /** The best of `spots` that passes, or `best` if none beats it. */
      const consider = (spots: readonly Spot[], best: Spot | null): Spot | null => {
        for (const spot of spots) {
          if (best && spot.cost >= best.cost) break;
          if (!ok(spot)) continue;
          const cost = spot.cost + menu.price(spot);
          if (!best || cost < best.cost) best = { ...spot, cost };
        }
        return best;
      };
      let best = consider(menu.near, null);
      // A leader costs at least its ring: rings are tried outwards while one could still win.
      for (let i = 0; i < RINGS.length; i++) {
        if (best && best.cost <= LEADER_COST + RINGS[i]!) break;
        best = consider(menu.ring(i), best);
      }
      return best;
    };
    let choice: { text: string; c: Candidate; cost?: number } | null = cheapest(free);
    const cornered = choice === null;
    // A lesser label with no free spot is left off, and keeps its turn in the next pass: the
    // labels before it are the more important.
    if (cornered && request.priority < (options.keepFrom ?? -Infinity)) {
      total += CORNERED_COST;
      continue;
    }
    // Cornered: a leader may then cross markers and labels, and the label goes first next pass.
    if (cornered) stuck.add(request.id);
    choice ??= cheapest(fits);
    if (choice && cornered) choice.cost = (choice.cost ?? 0) + CORNERED_COST;
    if (!choice) {
      const text = menu.names[menu.names.length - 1]!;
      const spots = menu.adjacent(text).filter((c) => inside(c.box, bounds));
      // The area each box covers, summed in the order the boxes were made; the boxes a spot
      // does not meet add 0, so summing only those it meets gives the same sum.
      const cost = ({ box: b }: Candidate) => {
        const areas: [number, number][] = [];
        const add = (t: Obstacle) => {
          const area = overlapArea(t.box, b);
          if (area > 0) areas.push([t.made, area]);
          return false;
        };
        for (const grid of [fixed.grid, labels])
          grid.some(b.x, b.y, b.x + b.width, b.y + b.height, add);
        return areas.sort((p, q) => p[0] - q[0]).reduce((sum, [, area]) => sum + area, 0);
      };
      // Each spot's cost once (not once per comparison of a sort): the first of the cheapest.
      let best: { c: Candidate; n: number } | null = null;
      for (const c of spots.length ? spots : menu.adjacent(text)) {
        const n = cost(c);
        if (!best || n < best.n) best = { c, n };
      }
      choice = { text, c: best!.c };
    }
    const crossings = crossedBy(menu.lines, choice.c);
    total += choice.cost ?? 2 * CORNERED_COST;
    const box = choice.c.box;
    keep(labels, obstacle(box));
    const grown = obstacle(grow(box, room));
    keep(spaced, grown);
    if (choice.c.leader) keep(spacedLed, grown);
    const { dx, dy } = textPosition(choice.c, request.at, fontSize);
    const end = nearestPoint(box, request.at);
    if (choice.c.leader) {
      const [ax, ay] = request.at;
      const [bx, by] = end;
      leaders.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), [
        request.at,
        end,
      ]);
    }
    placed.push({
      id: request.id,
      text: choice.text,
      box,
      dx,
      dy,
      anchor: choice.c.anchor,
      leader: choice.c.leader ? [end[0] - request.at[0], end[1] - request.at[1]] : null,
      crossings,
    });
  }
  return { placed, cost: total, cornered: stuck };
}
