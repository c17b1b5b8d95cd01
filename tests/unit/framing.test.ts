/**
 * The story's frame (framing.ts) and the view maths (view.ts): the projection is centred and
 * fitted on the story's actors, its seam away from them, and views stay inside their limits.
 */
import { describe, expect, it } from 'vitest';
import {
  chooseFraming,
  crowdedEdgePadding,
  framePadding,
  longitudeSpan,
  minZoom,
  storyProjection,
} from '../../src/lib/core/map/framing';
import {
  allInView,
  clampView,
  frameView,
  invertView,
  applyView,
} from '../../src/lib/core/map/view';
import type { Point } from '../../src/lib/core/map/geo';

/** Capitals of two test stories. */
const KOREA_STORY: Point[] = [
  [37.6, 55.8], // Moscow
  [125.8, 39.0], // Pyongyang
  [116.4, 39.9], // Beijing
  [51.4, 35.7], // Tehran
  [30.5, 50.5], // Kyiv
  [127.0, 37.6], // Seoul
  [139.7, 35.7], // Tokyo
  [-77.0, 38.9], // Washington
  [4.4, 50.9], // Brussels
  [-74.0, 40.7], // New York
];
const PACIFIC_STORY: Point[] = [
  [149.1, -35.3], // Canberra
  [174.8, -41.3], // Wellington
  [-77.0, 38.9], // Washington
  [-0.1, 51.5], // London
  [2.35, 48.9], // Paris
  [116.4, 39.9], // Beijing
  [77.2, 28.6], // New Delhi
  [139.7, 35.7], // Tokyo
];
const NORDIC_STORY: Point[] = [
  [24.9, 60.2],
  [18.1, 59.3],
  [24.8, 59.4],
  [19.0, 47.5],
  [37.6, 55.8],
  [4.4, 50.9],
];

function fill(points: Point[], width: number, height: number) {
  const framing = chooseFraming(points);
  const projection = storyProjection(framing, points, width, height, framePadding(width, height));
  const xy = points.map((p) => projection(p)!);
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  return {
    width: (Math.max(...xs) - Math.min(...xs)) / width,
    height: (Math.max(...ys) - Math.min(...ys)) / height,
    inside: xy.every(([x, y]) => x >= 0 && y >= 0 && x <= width && y <= height),
  };
}

describe('longitudeSpan', () => {
  it.each([
    { lons: [10, 20, 30], middle: 20, span: 20 },
    { lons: [170, -170], middle: 180 - 360, span: 20 },
    { lons: [-77, 0, 140], middle: 31.5, span: 217 },
    { lons: [], middle: 0, span: 0 },
  ])('puts the middle of $lons at $middle, $span° wide', ({ lons, middle, span }) => {
    const result = longitudeSpan(lons);
    expect(result.span).toBeCloseTo(span, 6);
    expect(Math.abs(((result.middle - middle + 540) % 360) - 180)).toBeCloseTo(0, 6);
  });
});

describe('chooseFraming', () => {
  it('draws a regional story on a conic centred on its own latitudes', () => {
    const framing = chooseFraming(NORDIC_STORY);
    expect(framing.kind).toBe('region');
    expect(framing.phi).toBeGreaterThan(47);
    expect(framing.phi).toBeLessThan(61);
  });

  it('puts the seam of a story around the Pacific in its widest empty stretch, not through it', () => {
    const framing = chooseFraming(PACIFIC_STORY);
    // The widest gap between actors runs from Wellington (175° E) to Washington (77° W): every
    // actor lies well inside the map's half-width of 180° from its central meridian.
    for (const [lon] of PACIFIC_STORY) {
      const off = ((((lon - framing.lambda + 180) % 360) + 360) % 360) - 180;
      expect(Math.abs(off)).toBeLessThan(140);
    }
  });

  it('follows the story file’s preferred view', () => {
    const framing = chooseFraming(KOREA_STORY, { center: [127, 38], projection: 'world' });
    expect(framing).toMatchObject({ kind: 'world', lambda: 127, phi: 38 });
  });
});

describe('framePadding', () => {
  it('gives a portrait frame’s width to the story and its top to the date and zoom buttons', () => {
    const wide = framePadding(846, 406);
    const tall = framePadding(369, 435);
    expect(tall.left).toBeLessThan(wide.left);
    expect(tall.right).toBeLessThan(wide.right);
    expect(tall.right).toBeGreaterThanOrEqual(12);
    expect(tall.top).toBeGreaterThan(wide.top);
  });
});

describe('framePadding with the zoom buttons in a row at the foot (a narrow embed)', () => {
  it('keeps only the date’s band at the top, and the row’s at the bottom', () => {
    const column = framePadding(318, 478, 12, 'top');
    const row = framePadding(318, 478, 12, 'bottom');
    expect(column.top).toBeGreaterThanOrEqual(124);
    expect(row.top).toBeLessThanOrEqual(50);
    expect(row.bottom).toBeGreaterThanOrEqual(48);
    expect([row.left, row.right]).toEqual([column.left, column.right]);
  });
  it('changes nothing in a landscape frame', () => {
    expect(framePadding(846, 406, 12, 'bottom')).toEqual(framePadding(846, 406, 12, 'top'));
  });
});

describe('crowdedEdgePadding', () => {
  const padding = { top: 45, right: 16, bottom: 48, left: 16 };
  const at = (x: number, width = 40) => ({ x, width });
  it.each([
    {
      why: 'three markers crowding the east edge get room for the widest name past them',
      labels: [at(20), at(160), at(280, 30), at(295, 40), at(300, 36)],
      want: { right: 50, left: 16 },
    },
    {
      why: 'two markers at an edge keep its padding (one name turns inwards)',
      labels: [at(20), at(30), at(160), at(300)],
      want: { right: 16, left: 16 },
    },
    {
      why: 'the west edge is treated the same',
      labels: [at(10, 20), at(25, 30), at(40, 24), at(300)],
      want: { right: 16, left: 40 },
    },
    {
      why: 'no more than a quarter of the width goes to one edge’s names',
      labels: [at(280, 120), at(290, 120), at(300, 120)],
      want: { right: 320 * 0.25, left: 320 * 0.25 },
    },
    { why: 'no markers, no change', labels: [], want: { right: 16, left: 16 } },
  ])('$why', ({ labels, want }) => {
    const padded = crowdedEdgePadding(labels, 320, padding, 10);
    expect({ right: padded.right, left: padded.left }).toEqual(want);
    expect([padded.top, padded.bottom]).toEqual([45, 48]);
  });
});

describe('storyProjection', () => {
  it.each([
    { name: 'Korea story, desktop', points: KOREA_STORY, width: 847, height: 494 },
    { name: 'Korea story, phone', points: KOREA_STORY, width: 368, height: 312 },
    { name: 'Pacific story, desktop', points: PACIFIC_STORY, width: 847, height: 494 },
    { name: 'Nordic story, desktop', points: NORDIC_STORY, width: 847, height: 494 },
    { name: 'Nordic story, phone', points: NORDIC_STORY, width: 368, height: 312 },
    { name: 'Korea story, phone portrait', points: KOREA_STORY, width: 369, height: 435 },
    { name: 'Pacific story, phone portrait', points: PACIFIC_STORY, width: 369, height: 435 },
    { name: 'Korea story, 320 px embed', points: KOREA_STORY, width: 318, height: 478 },
  ])(
    'fills at least 60 % of the width and 40 % of the height: $name',
    ({ points, width, height }) => {
      const filled = fill(points, width, height);
      expect(filled.inside).toBe(true);
      expect(filled.width).toBeGreaterThanOrEqual(0.6);
      expect(filled.height).toBeGreaterThanOrEqual(0.4);
    },
  );

  it('lets the reader zoom out until the whole globe fits, but no further than a tenth', () => {
    const projection = storyProjection(
      chooseFraming(NORDIC_STORY),
      NORDIC_STORY,
      800,
      500,
      framePadding(800, 500),
    );
    const k = minZoom(projection, 800, 500);
    expect(k).toBeGreaterThanOrEqual(0.1);
    expect(k).toBeLessThan(1);
  });
});

describe('views', () => {
  const limits = {
    minK: 0.5,
    extent: [
      [-400, -200],
      [1200, 700],
    ] as [[number, number], [number, number]],
  };

  it('maps a point to the screen and back', () => {
    const view = { k: 3, x: -100, y: 40 };
    const back = invertView(view, applyView(view, [123, 45]));
    expect(back[0]).toBeCloseTo(123, 9);
    expect(back[1]).toBeCloseTo(45, 9);
  });

  it('keeps a view inside the extent', () => {
    const view = clampView({ k: 1, x: 900, y: 0 }, 800, 500, limits);
    expect(view.x).toBe(400); // the extent's left edge at the screen's left edge
  });

  it.each([
    { box: { x: 100, y: 100, width: 100, height: 50 }, maxK: 40, k: 6.2 },
    { box: { x: 100, y: 100, width: 100, height: 50 }, maxK: 2, k: 2 },
    { box: { x: -300, y: -100, width: 1400, height: 700 }, maxK: 40, k: 0.5 },
  ])(
    'frames $box at k = $k (no closer than $maxK, no further than the limits)',
    ({ box, maxK, k }) => {
      const view = frameView(box, 800, 500, 90, limits, maxK);
      expect(view.k).toBeCloseTo(k, 6);
    },
  );

  it('frames a box clear of a side with more padding (the zoom buttons’ column)', () => {
    const box = { x: 300, y: 200, width: 100, height: 50 };
    const even = frameView(box, 800, 500, 90, limits);
    const clear = frameView(box, 800, 500, { top: 90, right: 146, bottom: 90, left: 90 }, limits);
    // Fitted in 564 px of width instead of 620, and centred 28 px to the left.
    expect(clear.k).toBeCloseTo(5.64, 6);
    const centre = (v: typeof even) => v.x + v.k * (box.x + box.width / 2);
    expect(centre(even)).toBeCloseTo(400, 6);
    expect(centre(clear)).toBeCloseTo(372, 6);
  });

  it('tells whether points are in view with a margin', () => {
    expect(allInView([[10, 10]], 100, 100)).toBe(true);
    expect(allInView([[10, 10]], 100, 100, 20)).toBe(false);
    expect(allInView([[110, 10]], 100, 100)).toBe(false);
  });
});
