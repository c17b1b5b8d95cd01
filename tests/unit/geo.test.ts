/**
 * Map maths (projection, great-circle arcs, bows and fans), screen layout of markers and
 * labels, and the scene drawn on a given day of the real story.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoPath } from 'd3-geo';
import {
  bowPoints,
  countriesOf,
  fanOffsets,
  fitProjection,
  greatCirclePoints,
  PATH_DIGITS,
  projectShapes,
  projectShapesInSlices,
  screenArc,
  trimEnds,
  type Point,
} from '../../src/lib/core/map/geo';
import { spreadMarkers } from '../../src/lib/core/map/layout';
import { pairSizes, sceneAt, type Scene } from '../../src/lib/core/map/scene';
import { parseDay, type Day } from '../../src/lib/core/story/dates';
import { indexStory, type StoryIndex } from '../../src/lib/core/story/model';
import { parseStory } from '../../src/lib/core/story/validate';

const root = fileURLToPath(new URL('../..', import.meta.url));

const MOSCOW: Point = [37.618, 55.756];
const PYONGYANG: Point = [125.75, 39.02];
const WASHINGTON: Point = [-77.04, 38.9];

function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === null) throw new Error(`test setup: ${text} did not parse`);
  return parsed;
}

function at(points: readonly Point[], i: number): Point {
  const point = points[i < 0 ? points.length + i : i];
  if (!point) throw new Error(`test setup: no point ${i}`);
  return point;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function minDistance(points: readonly Point[]): number {
  let min = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++)
      min = Math.min(min, distance(at(points, i), at(points, j)));
  }
  return min;
}

describe('fitProjection', () => {
  it.each([
    { width: 960, height: 500, margin: 8 },
    { width: 400, height: 400, margin: 8 },
    { width: 1200, height: 300, margin: 20 },
    { width: 320, height: 600, margin: 0 },
  ])(
    'fits the whole sphere inside a $width×$height box with a $margin px margin',
    ({ width, height, margin }) => {
      const projection = fitProjection(width, height, margin);
      const [[x0, y0], [x1, y1]] = geoPath(projection).bounds({ type: 'Sphere' });
      const tolerance = 0.5;
      expect(x0).toBeGreaterThanOrEqual(margin - tolerance);
      expect(y0).toBeGreaterThanOrEqual(margin - tolerance);
      expect(x1).toBeLessThanOrEqual(width - margin + tolerance);
      expect(y1).toBeLessThanOrEqual(height - margin + tolerance);
      // It fills the box in at least one direction.
      const fillsWidth = Math.abs(x0 - margin) < 1 && Math.abs(x1 - (width - margin)) < 1;
      const fillsHeight = Math.abs(y0 - margin) < 1 && Math.abs(y1 - (height - margin)) < 1;
      expect(fillsWidth || fillsHeight).toBe(true);
    },
  );

  it.each([
    { width: 960, height: 500 },
    { width: 400, height: 400 },
    { width: 1200, height: 300 },
  ])(
    'projects longitude 0, latitude 0 to the centre of a $width×$height box',
    ({ width, height }) => {
      const centre = fitProjection(width, height)([0, 0]);
      expect(centre?.[0]).toBeCloseTo(width / 2, 1);
      expect(centre?.[1]).toBeCloseTo(height / 2, 1);
    },
  );

  it('puts the north above the south and the east right of the west', () => {
    const projection = fitProjection(960, 500);
    const moscow = projection(MOSCOW) as Point;
    const washington = projection(WASHINGTON) as Point;
    const sydney = projection([151.2, -33.87]) as Point;
    expect(moscow[0]).toBeGreaterThan(washington[0]);
    expect(moscow[1]).toBeLessThan(sydney[1]);
  });

  it('still gives a usable projection for a box smaller than its margins', () => {
    const centre = fitProjection(4, 4, 8)([0, 0]);
    expect(Number.isFinite(centre?.[0])).toBe(true);
    expect(Number.isFinite(centre?.[1])).toBe(true);
  });
});

describe('greatCirclePoints', () => {
  const projection = fitProjection(960, 500);

  it('draws Moscow → Pyongyang as 41 points along the great circle, without wrapping', () => {
    const arc = greatCirclePoints(projection, MOSCOW, PYONGYANG);
    expect(arc.wraps).toBe(false);
    expect(arc.points).toHaveLength(41);
    const pa = projection(MOSCOW) as Point;
    const pb = projection(PYONGYANG) as Point;
    expect(at(arc.points, 0)[0]).toBeCloseTo(pa[0], 6);
    expect(at(arc.points, 0)[1]).toBeCloseTo(pa[1], 6);
    expect(at(arc.points, -1)[0]).toBeCloseTo(pb[0], 6);
    expect(at(arc.points, -1)[1]).toBeCloseTo(pb[1], 6);
  });

  it('bends the Moscow → Pyongyang arc north of the straight line, as a great circle does', () => {
    const arc = greatCirclePoints(projection, MOSCOW, PYONGYANG);
    const pa = projection(MOSCOW) as Point;
    const pb = projection(PYONGYANG) as Point;
    const mid = at(arc.points, 20);
    // Screen y grows downwards: north of the chord's midpoint is a smaller y.
    expect(mid[1]).toBeLessThan((pa[1] + pb[1]) / 2);
  });

  it('moves steadily from one end to the other with no jump across the map', () => {
    const { points } = greatCirclePoints(projection, MOSCOW, PYONGYANG);
    for (let i = 1; i < points.length; i++)
      expect(distance(at(points, i - 1), at(points, i))).toBeLessThan(30);
  });

  it('replaces Washington → Pyongyang, which crosses the map’s edge, by a straight line between the projected anchors', () => {
    const arc = greatCirclePoints(projection, WASHINGTON, PYONGYANG);
    expect(arc.wraps).toBe(true);
    expect(arc.points).toHaveLength(41);
    const pa = projection(WASHINGTON) as Point;
    const pb = projection(PYONGYANG) as Point;
    expect(at(arc.points, 0)[0]).toBeCloseTo(pa[0], 6);
    expect(at(arc.points, 0)[1]).toBeCloseTo(pa[1], 6);
    expect(at(arc.points, -1)[0]).toBeCloseTo(pb[0], 6);
    expect(at(arc.points, -1)[1]).toBeCloseTo(pb[1], 6);
    const mid = at(arc.points, 20);
    expect(mid[0]).toBeCloseTo((pa[0] + pb[0]) / 2, 6);
    expect(mid[1]).toBeCloseTo((pa[1] + pb[1]) / 2, 6);
  });

  it('gives a point-long arc for the same place at both ends', () => {
    const arc = greatCirclePoints(projection, MOSCOW, MOSCOW);
    expect(arc.wraps).toBe(false);
    expect(arc.points).toHaveLength(41);
    for (const p of arc.points) {
      expect(p[0]).toBeCloseTo(at(arc.points, 0)[0], 6);
      expect(p[1]).toBeCloseTo(at(arc.points, 0)[1], 6);
    }
  });
});

describe('bowPoints', () => {
  const line: Point[] = [
    [0, 0],
    [25, 0],
    [50, 0],
    [75, 0],
    [100, 0],
  ];

  it.each([{ bow: 10 }, { bow: -10 }, { bow: 3.5 }])(
    'keeps the ends and moves the middle $bow px perpendicular to the chord',
    ({ bow }) => {
      const bowed = bowPoints(line, bow);
      expect(bowed).toHaveLength(line.length);
      expect(at(bowed, 0)[0]).toBeCloseTo(0, 9);
      expect(at(bowed, 0)[1]).toBeCloseTo(0, 9);
      expect(at(bowed, -1)[0]).toBeCloseTo(100, 9);
      expect(at(bowed, -1)[1]).toBeCloseTo(0, 9);
      // The middle point moves straight sideways (no movement along the chord) by exactly `bow`.
      expect(at(bowed, 2)[0]).toBeCloseTo(50, 9);
      expect(Math.abs(at(bowed, 2)[1])).toBeCloseTo(Math.abs(bow), 9);
      // The quarter points move by bow·sin(π/4).
      expect(Math.abs(at(bowed, 1)[1])).toBeCloseTo(Math.abs(bow) * Math.SQRT1_2, 9);
    },
  );

  it('bows the opposite way for a negative bow', () => {
    expect(at(bowPoints(line, 10), 2)[1]).toBeCloseTo(-at(bowPoints(line, -10), 2)[1], 9);
    expect(at(bowPoints(line, 10), 2)[1]).not.toBeCloseTo(0, 3);
  });

  it('moves the middle perpendicular to a diagonal chord', () => {
    const diagonal: Point[] = [
      [0, 0],
      [30, 40],
      [60, 80],
    ];
    const bowed = bowPoints(diagonal, 5);
    const moved: Point = [at(bowed, 1)[0] - 30, at(bowed, 1)[1] - 40];
    expect(Math.hypot(moved[0], moved[1])).toBeCloseTo(5, 9);
    // Perpendicular: the movement's dot product with the chord (60, 80) is zero.
    expect(moved[0] * 60 + moved[1] * 80).toBeCloseTo(0, 9);
  });

  it('returns the points unchanged for no bow, and nothing for no points', () => {
    expect(bowPoints(line, 0)).toEqual(line);
    expect(bowPoints(line, 0)).not.toBe(line);
    expect(bowPoints([], 10)).toEqual([]);
  });

  it('does not change the points it is given', () => {
    const copy = line.map(([x, y]) => [x, y] as Point);
    bowPoints(line, 10);
    expect(line).toEqual(copy);
  });
});

describe('screenArc', () => {
  it('applies the zoom, pins the ends to the markers and puts the middle halfway', () => {
    const points: Point[] = [
      [0, 0],
      [5, 0],
      [10, 0],
    ];
    const arc = screenArc(points, { k: 2, x: 10, y: 5 }, { from: [10, 5], to: [30, 5] }, 0);
    expect(arc?.d).toBe('M10.0,5.0L20.0,5.0L30.0,5.0');
    expect(arc?.mid).toEqual([20, 5]);
  });

  it('draws nothing for fewer than two points', () => {
    expect(screenArc([[1, 1]], { k: 1, x: 0, y: 0 }, { from: [1, 1], to: [1, 1] }, 5)).toBeNull();
    expect(screenArc([], { k: 1, x: 0, y: 0 }, { from: [0, 0], to: [0, 0] }, 5)).toBeNull();
  });
});

describe('fanOffsets', () => {
  it.each([
    { count: 0, spacing: 10, expected: [] },
    { count: 1, spacing: 10, expected: [0] },
    { count: 2, spacing: 10, expected: [-5, 5] },
    { count: 3, spacing: 10, expected: [-10, 0, 10] },
    { count: 4, spacing: 6, expected: [-9, -3, 3, 9] },
    { count: 5, spacing: 2, expected: [-4, -2, 0, 2, 4] },
  ])('spreads $count arcs $spacing px apart as $expected', ({ count, spacing, expected }) => {
    const offsets = fanOffsets(count, spacing);
    expect(offsets).toHaveLength(expected.length);
    offsets.forEach((o, i) => expect(o).toBeCloseTo(expected[i] ?? NaN, 9));
  });

  it.each([1, 2, 3, 6, 7])(
    'fans %i arcs symmetrically around the straight line, evenly spaced',
    (count) => {
      const offsets = fanOffsets(count, 8);
      expect(offsets.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
      for (let i = 1; i < offsets.length; i++)
        expect((offsets[i] ?? NaN) - (offsets[i - 1] ?? NaN)).toBeCloseTo(8, 9);
    },
  );
});

describe('spreadMarkers', () => {
  it.each<{ name: string; points: Point[]; gap: number }>([
    {
      name: 'Pyongyang and Seoul 3 px apart',
      points: [
        [800, 200],
        [801, 203],
      ],
      gap: 12,
    },
    {
      name: 'three points in a row',
      points: [
        [0, 0],
        [2, 0],
        [4, 0],
      ],
      gap: 10,
    },
    {
      name: 'a tight cluster of five',
      points: [
        [100, 100],
        [101, 100],
        [100, 101],
        [102, 102],
        [99, 100],
      ],
      gap: 8,
    },
    {
      name: 'two identical points',
      points: [
        [50, 50],
        [50, 50],
      ],
      gap: 10,
    },
    {
      name: 'three identical points',
      points: [
        [50, 50],
        [50, 50],
        [50, 50],
      ],
      gap: 10,
    },
  ])('leaves no two markers closer than the gap for $name', ({ points, gap }) => {
    const spread = spreadMarkers(points, gap);
    expect(spread).toHaveLength(points.length);
    expect(minDistance(spread)).toBeGreaterThanOrEqual(gap - 0.05);
    for (const p of spread) {
      expect(Number.isFinite(p[0])).toBe(true);
      expect(Number.isFinite(p[1])).toBe(true);
    }
  });

  it('pushes two close markers apart symmetrically, keeping their midpoint', () => {
    const spread = spreadMarkers(
      [
        [100, 100],
        [104, 100],
      ],
      10,
    );
    expect(at(spread, 0)[0]).toBeCloseTo(97, 6);
    expect(at(spread, 1)[0]).toBeCloseTo(107, 6);
    expect(at(spread, 0)[1]).toBeCloseTo(100, 6);
    expect(at(spread, 1)[1]).toBeCloseTo(100, 6);
  });

  it('separates identical points', () => {
    const spread = spreadMarkers(
      [
        [20, 20],
        [20, 20],
      ],
      6,
    );
    expect(distance(at(spread, 0), at(spread, 1))).toBeCloseTo(6, 3);
  });

  it('leaves markers that are already far apart exactly where they are', () => {
    const anchors: Point[] = [
      [0, 0],
      [100, 0],
      [0, 100],
      [50, 50],
    ];
    expect(spreadMarkers(anchors, 10)).toEqual(anchors);
  });

  it('keeps each of more markers than fit within three gaps of its place, overlapping', () => {
    // Sixty countries a few px apart (a story of a hundred countries seen whole): spread to
    // 10 px apart they would fill a disc some 80 px across, far from their places.
    const anchors: Point[] = Array.from({ length: 60 }, (_, i) => [
      200 + (i % 8),
      200 + Math.floor(i / 8),
    ]);
    const spread = spreadMarkers(anchors, 10);
    const moved = spread.map((p, i) => distance(p, anchors[i]!));
    expect(Math.max(...moved)).toBeLessThanOrEqual(30 + 1e-9);
    // Pushed apart as far as that allows: not left in a heap.
    expect(Math.max(...moved)).toBeGreaterThan(25);
  });

  it('does not change the anchors it is given', () => {
    const anchors: Point[] = [
      [0, 0],
      [1, 0],
    ];
    spreadMarkers(anchors, 10);
    expect(anchors).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('gives the same answer every time for the same input', () => {
    const anchors: Point[] = [
      [5, 5],
      [5, 5],
      [6, 5],
    ];
    expect(spreadMarkers(anchors, 10)).toEqual(spreadMarkers(anchors, 10));
  });
});

describe('sceneAt on the real story', () => {
  const json = JSON.parse(
    fs.readFileSync(path.join(root, 'static/stories/russia-north-korea-2024.json'), 'utf8'),
  ) as unknown;
  const article = fs.readFileSync(
    path.join(root, 'static/stories/russia-north-korea-2024.txt'),
    'utf8',
  );
  const result = parseStory(json, article);
  if (!result.ok)
    throw new Error(`the default story did not validate: ${JSON.stringify(result.errors)}`);
  const index: StoryIndex = indexStory(result.story);

  // Relation ids checked against the story file.
  const PACT = 'pact-2024';
  const TREATY_1961 = 'treaty-1961';

  function drawn(scene: Scene, id: string) {
    return scene.relations.find((r) => r.relation.id === id);
  }

  it('uses relation ids that the story defines', () => {
    expect(index.relations.get(PACT)?.sides).toEqual(['RUS', 'PRK']);
    expect(index.relations.get(TREATY_1961)?.sides).toEqual(['SUN', 'PRK']);
  });

  describe('on 1 January 1970', () => {
    const scene = sceneAt(index, day('1970-01-01'));

    it('gives the Soviet Union a marker', () => {
      expect(scene.markers.map((a) => a.id)).toContain('SUN');
    });

    it.each(['643', '804', '112', '233'])(
      'draws feature %s as part of the Soviet Union',
      (feature) => {
        expect(scene.owners.get(feature)).toBe('SUN');
      },
    );

    it('draws Russia and Ukraine as part of it, without markers of their own', () => {
      const ids = scene.markers.map((a) => a.id);
      expect(ids).not.toContain('RUS');
      expect(ids).not.toContain('UKR');
    });

    it('draws the 1961 treaty in force between the Soviet Union and North Korea', () => {
      const treaty = drawn(scene, TREATY_1961);
      expect(treaty?.state.status).toBe('in-force');
      expect(treaty?.state.uncertain).toBe(false);
      expect([treaty?.from, treaty?.to]).toEqual(['SUN', 'PRK']);
    });

    it('does not draw the 2024 pact, nor anything that began later', () => {
      expect(drawn(scene, PACT)).toBeUndefined();
      expect(drawn(scene, 'treaty-2000')).toBeUndefined();
      expect(drawn(scene, 'war-rus-ukr')).toBeUndefined();
    });
  });

  describe('on 1 July 2024', () => {
    const scene = sceneAt(index, day('2024-07-01'));

    it('draws the 2024 pact between Russia and North Korea, as signed before it entered into force', () => {
      const pact = drawn(scene, PACT);
      expect(pact).toBeDefined();
      expect(pact?.state.status).toBe('signed');
      expect([pact?.from, pact?.to]).toEqual(['RUS', 'PRK']);
    });

    it('draws the 1961 treaty as lapsed, from Russia, which succeeded the Soviet Union', () => {
      const treaty = drawn(scene, TREATY_1961);
      expect(treaty?.state.status).toBe('lapsed');
      expect([treaty?.from, treaty?.to]).toEqual(['RUS', 'PRK']);
    });

    it('draws Russia on its own shape, and no Soviet Union', () => {
      expect(scene.owners.get('643')).toBe('RUS');
      expect(scene.owners.get('804')).toBe('UKR');
      const ids = scene.markers.map((a) => a.id);
      expect(ids).toContain('RUS');
      expect(ids).not.toContain('SUN');
    });

    it('counts Finland and Sweden among NATO’s members', () => {
      expect(scene.groups.get('FIN')).toContain('NATO');
      expect(scene.groups.get('SWE')).toContain('NATO');
      expect(scene.groups.get('RUS')).toBeUndefined();
    });

    it('draws members that the article never names as shapes without markers', () => {
      const shapeOnly = scene.shapeOnly.map((a) => a.id);
      expect(shapeOnly).toContain('FIN');
      expect(scene.markers.map((a) => a.id)).not.toContain('FIN');
    });

    it('gives each relation between Russia and North Korea its own slot', () => {
      const between = scene.relations.filter((r) => [r.from, r.to].sort().join('|') === 'PRK|RUS');
      expect(between.length).toBeGreaterThanOrEqual(3);
      expect(between.map((r) => r.slot).sort((a, b) => a - b)).toEqual(between.map((_, i) => i));
      expect(pairSizes(scene.relations).get('PRK|RUS')).toBe(between.length);
    });
  });

  it('keeps Finland out of NATO on 1 January 2023', () => {
    const scene = sceneAt(index, day('2023-01-01'));
    expect(scene.groups.get('FIN') ?? []).not.toContain('NATO');
    expect(scene.groups.get('EST')).toContain('NATO');
  });

  it('draws the pact in force from 4 December 2024', () => {
    expect(drawn(sceneAt(index, day('2024-12-03')), PACT)?.state.status).toBe('signed');
    expect(drawn(sceneAt(index, day('2024-12-04')), PACT)?.state.status).toBe('in-force');
  });

  it('hands the 1961 treaty from the Soviet Union to Russia on the day the Soviet Union dissolves', () => {
    const before = drawn(sceneAt(index, day('1991-12-25')), TREATY_1961);
    const after = drawn(sceneAt(index, day('1991-12-26')), TREATY_1961);
    expect(before?.from).toBe('SUN');
    expect(after?.from).toBe('RUS');
    expect(after?.state.status).toBe('in-force');
  });

  it('flags the 1961 treaty as uncertain while its lapse date is disputed', () => {
    const treaty = drawn(sceneAt(index, day('1996-01-01')), TREATY_1961);
    expect(treaty?.state.status).toBe('lapsed');
    expect(treaty?.state.uncertain).toBe(true);
  });
});

describe('projecting the outlines', () => {
  const topology = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/world-atlas/countries-110m.json'), 'utf8'),
  );
  const countries = () => countriesOf(new Response(JSON.stringify(topology)));
  const projection = fitProjection(800, 450);

  it('keeps each country’s ISO code as its id and gives it an outline', async () => {
    const shapes = projectShapes(await countries(), projection);
    const france = shapes.find((s) => s.id === '250');
    expect(france?.d).toMatch(/^M/);
    expect(shapes.map((s) => s.key)).toEqual(shapes.map((_, i) => i));
  });

  it(`writes at most ${PATH_DIGITS} decimals per coordinate`, async () => {
    const shapes = projectShapes(await countries(), projection);
    const decimals = shapes.flatMap((s) => s.d.match(/\.\d+/g) ?? []).map((m) => m.length - 1);
    expect(Math.max(...decimals)).toBe(PATH_DIGITS);
  });

  it('gives the same outlines in slices as at once, however small the slices', async () => {
    const all = await countries();
    let pauses = 0;
    const sliced = await projectShapesInSlices(all, projection, {
      budget: 0,
      pause: async () => {
        pauses++;
      },
    });
    expect(sliced).toEqual(projectShapes(all, projection));
    expect(pauses).toBe(all.length - 1);
  });

  it('stops when aborted between slices', async () => {
    const all = await countries();
    const abort = new AbortController();
    const sliced = projectShapesInSlices(all, projection, {
      budget: 0,
      pause: async () => abort.abort(),
      signal: abort.signal,
    });
    await expect(sliced).rejects.toThrow();
  });

  it('says clearly when a file is not a world-atlas topology', async () => {
    await expect(countriesOf(new Response('{"type":"FeatureCollection"}'))).rejects.toThrow(
      'not a world-atlas topology',
    );
  });
});

describe('trimEnds', () => {
  const line: Point[] = [
    [0, 0],
    [10, 0],
    [20, 0],
    [30, 0],
  ];
  it.each([
    { distance: 0, want: line, why: 'nothing to cut leaves the line whole' },
    {
      distance: 5,
      want: [
        [5, 0],
        [10, 0],
        [20, 0],
        [25, 0],
      ],
      why: 'cuts inside the first and last segments',
    },
    {
      distance: 12,
      want: [
        [12, 0],
        [18, 0],
      ],
      why: 'cuts across whole segments',
    },
    { distance: 15, want: line, why: 'a line no longer than both cuts is left whole' },
  ])('$why', ({ distance, want }) => {
    expect(trimEnds(line, distance)).toEqual(want);
  });

  it('stops a screen arc at its markers’ edge', () => {
    const arc = screenArc(line, { k: 1, x: 0, y: 0 }, { from: [0, 0], to: [30, 0] }, 0, 8)!;
    expect(arc.points[0]).toEqual([8, 0]);
    expect(arc.points[arc.points.length - 1]).toEqual([22, 0]);
  });
});
