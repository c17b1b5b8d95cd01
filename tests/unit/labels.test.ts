/**
 * Label placement (labels.ts) and text measurement (measure.ts): every marker in the bounds gets
 * a label, most important first, none over another label, a marker or a reserved box.
 */
import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelRequest } from '../../src/lib/core/map/labels';
import { placeReferences } from '../../src/lib/core/map/places';
import { textWidth } from '../../src/lib/map/measure';
import { indexLines, segmentCrossesBox } from '../../src/lib/core/map/lineObstacles';
import type { Box } from '../../src/lib/core/map/layout';
import type { Point } from '../../src/lib/core/map/geo';

const bounds: Box = { x: 0, y: 0, width: 400, height: 200 };
const fontSize = 12;
const radius = 5;
const measure = (text: string) => text.length * 7;
const options = { fontSize, radius, bounds, measure };
const request = (id: string, at: Point, priority = 0, names = [id]): LabelRequest => ({
  id,
  at,
  names,
  priority,
});

describe('textWidth', () => {
  it.each([
    { a: 'North Korea', b: 'Russia', why: 'a longer name is wider' },
    { a: 'MMMM', b: 'iiii', why: 'wide letters are wider than narrow ones' },
  ])('$why', ({ a, b }) => {
    expect(textWidth(a, 12)).toBeGreaterThan(textWidth(b, 12));
  });

  it.each(['Russia', 'North Korea', 'NATO'])(
    'grows in proportion to the font size: each 12 px more adds as much width to "%s"',
    (text) => {
      const [w12, w24, w36] = [12, 24, 36].map((size) => textWidth(text, size));
      expect(w24! - w12!).toBeGreaterThan(0);
      expect(w36! - w24!).toBeCloseTo(w24! - w12!, 6);
    },
  );

  it('is generous enough for a wide sans-serif where nothing can be measured', () => {
    // DejaVu Sans Bold, the widest common fallback, sets "North Korea" at 12 px in about 86 px.
    expect(textWidth('North Korea', 12)).toBeGreaterThanOrEqual(86);
  });
});

describe('placeLabels', () => {
  it('puts a lone label on the right of its marker, its text starting just past the dot', () => {
    const [label] = placeLabels([request('Russia', [100, 100])], options);
    expect(label?.anchor).toBe('start');
    expect(label?.box.x).toBe(100 + radius + 3);
    expect(label?.leader).toBeNull();
    expect(label?.dx).toBeGreaterThan(radius);
  });

  // A name nearer another marker than its own reads as that marker's (the Koreas at 1970).
  it.each([
    {
      why: 'the right spot ends against a neighbour’s disc: the left',
      markers: [request('Alpha', [100, 100], 2), request('Beta', [148, 100], 1)],
    },
    {
      why: 'three markers in a tight row',
      markers: [
        request('Alpha', [100, 100], 3),
        request('Beta', [124, 100], 2),
        request('Gamma', [148, 104], 1),
      ],
    },
    {
      why: 'a pair one above the other',
      markers: [request('North', [200, 100], 2), request('South', [204, 122], 1)],
    },
  ])('puts no name nearer another marker than its own: $why', ({ markers }) => {
    const distance = ({ box }: { box: Box }, [x, y]: Point) =>
      Math.hypot(
        Math.max(box.x - x, 0, x - box.x - box.width),
        Math.max(box.y - y, 0, y - box.y - box.height),
      );
    const labels = placeLabels(markers, options);
    expect(labels).toHaveLength(markers.length);
    for (const label of labels) {
      const own = distance(label, markers.find((m) => m.id === label.id)!.at);
      for (const other of markers)
        if (other.id !== label.id)
          expect(distance(label, other.at), `${label.id} by ${other.id}`).toBeGreaterThan(own);
    }
  });

  it.each([
    { at: [395, 100] as Point, side: 'end', why: 'the right would leave the map' },
    { at: [5, 100] as Point, side: 'start', why: 'the left would leave the map' },
  ])('keeps the label inside the map when $why', ({ at, side }) => {
    const [label] = placeLabels([request('Japan', at)], options);
    expect(label?.anchor).toBe(side);
    expect(label!.box.x).toBeGreaterThanOrEqual(0);
    expect(label!.box.x + label!.box.width).toBeLessThanOrEqual(400);
  });

  it('gives no label to a marker outside the bounds', () => {
    expect(placeLabels([request('Far', [500, 100])], options)).toEqual([]);
  });

  it('names a marker at the very edge, whose disc reaches into the bounds, inside them', () => {
    const [label] = placeLabels([request('Edge', [200, -3])], options);
    expect(label?.box.y).toBeGreaterThanOrEqual(0);
  });

  it('places the more important label first, on its preferred side', () => {
    const labels = placeLabels(
      [request('Minor', [100, 100], 1), request('Major', [100, 108], 5)],
      options,
    );
    expect(labels[0]?.id).toBe('Major');
    expect(labels[0]?.anchor).toBe('start');
  });

  it('falls back to the short name where only it fits', () => {
    const tight: Box = { x: 0, y: 0, width: 60, height: 30 };
    const [label] = placeLabels([request('PRK', [10, 15], 0, ['North Korea', 'N. Korea'])], {
      ...options,
      bounds: tight,
      measure: (t) => t.length * 6,
    });
    expect(label?.text).toBe('N. Korea');
  });

  it('keeps labels off reserved boxes (the date, the zoom buttons)', () => {
    const reserved: Box[] = [{ x: 105, y: 80, width: 100, height: 40 }];
    const [label] = placeLabels([request('Russia', [100, 100])], { ...options, reserved });
    expect(overlaps(label!.box, reserved[0]!)).toBe(false);
  });

  it('leads a label away with a line when markers crowd every adjacent spot', () => {
    const centre = request('Seoul', [200, 100], 0);
    const ring: LabelRequest[] = Array.from({ length: 12 }, (_, i) => {
      const angle = (i / 12) * 2 * Math.PI;
      return request(`n${i}`, [200 + Math.cos(angle) * 14, 100 + Math.sin(angle) * 14], 10, ['']);
    });
    const labels = placeLabels([centre, ...ring], { ...options, measure: (t) => t.length * 7 });
    const seoul = labels.find((l) => l.id === 'Seoul');
    expect(seoul?.leader).not.toBeNull();
  });

  it('gives every marker a label and lets none overlap another or cover a marker', () => {
    const requests = Array.from({ length: 14 }, (_, i) =>
      request(`Place ${i}`, [60 + (i % 5) * 60, 40 + Math.floor(i / 5) * 50], i % 3),
    );
    const labels = placeLabels(requests, options);
    expect(labels).toHaveLength(requests.length);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++)
        expect(overlaps(labels[i]!.box, labels[j]!.box)).toBe(false);
      for (const r of requests) {
        const disc = {
          x: r.at[0] - radius,
          y: r.at[1] - radius,
          width: 2 * radius,
          height: 2 * radius,
        };
        expect(overlaps(labels[i]!.box, disc)).toBe(false);
      }
    }
  });

  it('still names a marker boxed in on every side, at the spot that overlaps least', () => {
    const tiny: Box = { x: 90, y: 90, width: 20, height: 20 };
    const labels = placeLabels([request('Russia', [100, 100])], { ...options, bounds: tiny });
    expect(labels).toHaveLength(1);
    expect(labels[0]?.text).toBe('Russia');
  });

  describe('where markers crowd past all room (keepFrom)', () => {
    // A 12 × 6 lattice of markers 20 px apart: no room for most of their names.
    const crowd = Array.from({ length: 72 }, (_, i) =>
      request(`Place ${i}`, [30 + (i % 12) * 20, 40 + Math.floor(i / 12) * 20], i % 9),
    );
    const boxesClear = (labels: ReturnType<typeof placeLabels>) =>
      labels.every((a, i) => labels.slice(i + 1).every((b) => !overlaps(a.box, b.box)));

    it('names every marker, over its neighbours, when none may be left off', () => {
      const labels = placeLabels(crowd, options);
      expect(labels).toHaveLength(crowd.length);
      expect(boxesClear(labels)).toBe(false);
    });

    it('leaves off the lesser names that find no room, and lets none overlap another', () => {
      const labels = placeLabels(crowd, { ...options, keepFrom: 8 });
      expect(labels.length).toBeGreaterThan(0);
      expect(labels.length).toBeLessThan(crowd.length);
      expect(boxesClear(labels)).toBe(true);
      const named = new Set(labels.map((l) => l.id));
      // Those at or above keepFrom are all named, as they are placed first.
      for (const r of crowd) if (r.priority >= 8) expect(named.has(r.id)).toBe(true);
    });

    it('names one it must keep even where it covers others', () => {
      const boxed = [
        ...crowd.filter((r) => r.id !== 'Place 30'),
        request('Place 30', [150, 80], 9),
      ];
      const labels = placeLabels(boxed, { ...options, keepFrom: 9 });
      expect(labels.map((l) => l.id)).toContain('Place 30');
    });

    it('leaves nothing off where there is room', () => {
      const spaced = [request('Russia', [60, 60], 1), request('Iran', [300, 150], 0)];
      expect(placeLabels(spaced, { ...options, keepFrom: 5 })).toHaveLength(2);
    });
  });
});

describe('segmentCrossesBox', () => {
  const box: Box = { x: 10, y: 10, width: 20, height: 10 };
  it.each([
    { a: [0, 15], b: [40, 15], crosses: true, why: 'a segment straight through' },
    { a: [15, 12], b: [16, 13], crosses: true, why: 'a segment wholly inside' },
    { a: [0, 0], b: [40, 5], crosses: false, why: 'a segment passing above' },
    { a: [0, 30], b: [20, 15], crosses: true, why: 'a segment ending inside' },
    { a: [0, 22], b: [12, 8], crosses: true, why: 'a diagonal cutting a corner' },
    { a: [0, 22], b: [8, 8], crosses: false, why: 'a diagonal missing the corner' },
    { a: [35, 0], b: [35, 40], crosses: false, why: 'a vertical segment beside it' },
  ])('$why: $crosses', ({ a, b, crosses }) => {
    expect(segmentCrossesBox(a as Point, b as Point, box)).toBe(crosses);
  });
});

describe('indexLines', () => {
  it('counts each line through a box once, however many of its segments cross it', () => {
    const zigzag: Point[] = [
      [0, 10],
      [50, 12],
      [0, 14],
      [50, 16],
    ];
    const straight: Point[] = [
      [25, -100],
      [25, 100],
    ];
    const index = indexLines([zigzag, straight]);
    expect(index.crossings({ x: 20, y: 8, width: 10, height: 10 })).toBe(2);
    expect(index.crossings({ x: 200, y: 200, width: 10, height: 10 })).toBe(0);
  });
});

describe('placeLabels and the drawn lines', () => {
  const horizontal = (y: number): Point[] => [
    [0, y],
    [400, y],
  ];
  const vertical = (x: number): Point[] => [
    [x, 0],
    [x, 200],
  ];
  /** A line leaving the marker towards its preferred spot (right), as a relation would. */
  const rightward: Point[] = [
    [100, 100],
    [300, 100],
  ];
  it.each([
    { lines: [], anchor: 'start', why: 'with no line, the preferred spot on the right' },
    { lines: [rightward], anchor: 'end', why: 'a line leaving to the right: the left' },
    { lines: [horizontal(100)], side: 'off', why: 'a line through the marker: above or below it' },
    {
      lines: [vertical(130), vertical(70)],
      side: 'off',
      why: 'lines on both sides: above or below, between them',
    },
  ])('$why', ({ lines, anchor, side }) => {
    const [label] = placeLabels([request('Russia', [100, 100])], { ...options, lines });
    if (anchor) expect(label?.anchor).toBe(anchor);
    if (side) expect(indexLines(lines).crossings(label!.box)).toBe(0);
    expect(label?.leader).toBeNull();
  });

  it('goes out on a leader line when lines cross every spot next to the marker', () => {
    // Lines from a neighbour's marker fan past every side of this one (as at Pyongyang).
    const fan = [-30, -12, 12, 30].map((dy) => [
      [60, 100 + dy * 0.2],
      [400, 100 + dy * 1.2],
    ]) as Point[][];
    const [label] = placeLabels([request('Seoul', [100, 100])], { ...options, lines: fan });
    expect(indexLines(fan).crossings(label!.box)).toBe(0);
    expect(label?.leader).not.toBeNull();
  });

  it('still names the marker when lines cover the whole map, where fewest lines cross', () => {
    const grid = Array.from({ length: 40 }, (_, i) => horizontal(i * 5));
    const labels = placeLabels([request('Japan', [200, 100])], { ...options, lines: grid });
    expect(labels).toHaveLength(1);
    expect(labels[0]?.leader).toBeNull();
  });

  it('keeps labels off each other before it keeps them off lines', () => {
    const labels = placeLabels([request('Alpha', [100, 100], 2), request('Beta', [100, 120], 1)], {
      ...options,
      lines: [horizontal(112)],
    });
    expect(overlaps(labels[0]!.box, labels[1]!.box)).toBe(false);
  });
});

describe('placeReferences', () => {
  const places = [
    { name: 'North Sea', kind: 'sea' as const, at: [100, 100] as Point },
    { name: 'London', kind: 'capital' as const, at: [300, 100] as Point },
    { name: 'Baltic Sea', kind: 'sea' as const, at: [100, 104] as Point },
  ];
  it('places seas centred and capitals beside their dot, leaving out what would collide', () => {
    const placed = placeReferences(places, [], { bounds, measure, fontSize });
    expect(placed.map((p) => p.name)).toEqual(['North Sea', 'London']);
    expect(placed[1]!.x).toBeGreaterThan(300);
  });

  it('leaves out a place that would cover an actor’s label', () => {
    const taken: Box[] = [{ x: 280, y: 90, width: 80, height: 20 }];
    const placed = placeReferences(places, taken, { bounds, measure, fontSize });
    expect(placed.map((p) => p.name)).not.toContain('London');
  });
});

describe('placeReferences and the actors’ markers', () => {
  const beijing = { name: 'Beijing', kind: 'capital' as const, at: [200, 100] as Point };
  const marker = (at: Point): Box => ({ x: at[0] - 7, y: at[1] - 7, width: 14, height: 14 });
  it.each([
    { where: 'its country’s marker sits on it', taken: [marker([200, 100])], shown: false },
    { where: 'its country’s marker was pushed aside', taken: [marker([230, 130])], shown: true },
    { where: 'no marker is near', taken: [], shown: true },
  ])('names a capital only where no marker stands on it: $where', ({ taken, shown }) => {
    const placed = placeReferences([beijing], taken, { bounds, measure, fontSize });
    expect(placed.map((p) => p.name)).toEqual(shown ? ['Beijing'] : []);
    if (shown) expect(placed[0]!.dot).toBe(true);
  });
});

describe('placeLabels in a crowded cluster', () => {
  const horizontal = (y: number): Point[] => [
    [0, y],
    [400, y],
  ];
  it('says how many lines pass under a label with no clear spot (they are knocked out there)', () => {
    const grid = Array.from({ length: 40 }, (_, i) => horizontal(i * 5));
    const [label] = placeLabels([request('Japan', [200, 100])], { ...options, lines: grid });
    expect(label!.crossings).toBeGreaterThan(0);
    // Counted under the letters (a line grazing the box's edge passes under the halo).
    expect(label!.crossings).toBeLessThanOrEqual(indexLines(grid).crossings(label!.box));
  });

  it('reports no lines under a label that found a clear spot', () => {
    const [label] = placeLabels([request('Japan', [200, 100])], {
      ...options,
      lines: [horizontal(100)],
    });
    expect(label!.crossings).toBe(0);
  });

  it('never sets a label on another label’s leader line, nor a leader across another label', () => {
    const lines = [-6, -2, 2, 6].map((dy) => [
      [0, 100 + dy * 3],
      [400, 100 + dy * 3],
    ]) as Point[][];
    const requests = [
      request('Pyongyang', [200, 100], 5),
      request('Seoul', [212, 108], 4),
      request('Tokyo', [235, 95], 3),
      request('Beijing', [185, 112], 2),
    ];
    const labels = placeLabels(requests, { ...options, lines });
    const at = new Map(requests.map((r) => [r.id, r.at]));
    for (const l of labels) {
      if (!l.leader) continue;
      const from = at.get(l.id)!;
      const to: Point = [from[0] + l.leader[0], from[1] + l.leader[1]];
      for (const other of labels)
        if (other !== l)
          expect(segmentCrossesBox(from, to, other.box), `${l.id} → ${other.id}`).toBe(false);
    }
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        expect(overlaps(labels[i]!.box, labels[j]!.box)).toBe(false);
  });

  it('tries the cornered label first in another pass, and keeps the layout with fewer lines under labels', () => {
    // Greedy by priority, "Big" takes the only clear spot next to "Small"'s marker too.
    const lines = [horizontal(96), horizontal(104)];
    const labels = placeLabels([request('Big', [100, 100], 9), request('Small', [160, 100], 1)], {
      ...options,
      lines,
      bounds: { x: 0, y: 0, width: 400, height: 200 },
    });
    expect(labels.reduce((n, l) => n + l.crossings, 0)).toBe(0);
  });
});
