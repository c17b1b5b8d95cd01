/**
 * The first paint, written into the built index.html: the default story's title, standfirst and
 * byline, and a picture of the map's start view, drawn at build time with d3-geo from the same
 * story and world file the live map uses. A reader on a slow network sees them as soon as the
 * HTML arrives; the app hides the picture once its own map is drawn in the same place
 * (src/lib/app/firstPaint.ts). The picture is small on purpose: countries of the story's actors
 * and its markers over one merged outline of the rest of the land, in whole pixels.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { geoPath, type GeoProjection } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { Plugin } from 'vite';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry, MultiPolygon } from 'geojson';
import { coarsenWorld } from './world-atlas';
import { parseStory } from '../src/lib/core/story/validate';
import { indexStory } from '../src/lib/core/story/model';
import { roleColor, sceneAt } from '../src/lib/core/map/scene';
import { KEY_WORDS, keyModel } from '../src/lib/core/map/key';
import { type Point } from '../src/lib/core/map/geo';
import { chooseFraming, framePadding, storyProjection } from '../src/lib/core/map/framing';
import { applyView, IDENTITY, type View } from '../src/lib/core/map/view';
import { DEFAULT_STORY } from '../src/lib/state/route';
import type { Story } from '../src/lib/core/story/schema';
import { START_INTRO, START_TITLE } from '../src/lib/panel/startText';

/** The map's size on a 1280×800 screen, where the live map is first seen by most readers. */
export const REFERENCE = { width: 846, height: 406 };
/** The map's size on a 390×844 phone: a portrait crop (app.css), drawn as a picture of its own. */
export const PHONE = { width: 369, height: 435 };
const RADIUS = 2;
/** Antarctica's ISO 3166 numeric code in world-atlas. */
const ANTARCTICA = '010';
/** Land over which the role's colour is mixed, as the country layer mixes it (light theme). */
const LAND = [0xdc, 0xd9, 0xd2];
const ROLE_SHARE = 0.38;

/** `color-mix(in srgb, colour 38%, land)`, worked out here: a presentation attribute can't hold var(). */
export function mixWithLand(hex: string): string {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${rgb
    .map((c, i) => Math.round(c * ROLE_SHARE + LAND[i]! * (1 - ROLE_SHARE)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/**
 * The picture's coordinates are whole units of GRID pixels; an outline may stray TOLERANCE
 * units from the true one, and rings under MIN_AREA square units are left out.
 */
const GRID = 3;
const TOLERANCE = 2.5;
const MIN_AREA = 30;

/** Douglas–Peucker: the points of a line that keep it within `tolerance` of the original. */
export function simplifyLine(points: readonly Point[], tolerance: number): Point[] {
  if (points.length < 3) return [...points];
  const [ax, ay] = points[0]!;
  const [bx, by] = points[points.length - 1]!;
  const length = Math.hypot(bx - ax, by - ay) || 1;
  let far = 0;
  let at = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const [px, py] = points[i]!;
    const distance = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
    if (distance > far) [far, at] = [distance, i];
  }
  if (far <= tolerance) return [points[0]!, points[points.length - 1]!];
  return [
    ...simplifyLine(points.slice(0, at + 1), tolerance).slice(0, -1),
    ...simplifyLine(points.slice(at), tolerance),
  ];
}

/** A closed ring simplified in two halves, split at its point farthest from the first. */
function simplifyRing(ring: readonly Point[], tolerance: number): Point[] {
  const [x0, y0] = ring[0] ?? [0, 0];
  const last = ring[ring.length - 1];
  const open = last && last[0] === x0 && last[1] === y0 ? ring.slice(0, -1) : ring;
  if (open.length < 4) return [...open];
  let at = 0;
  let far = -1;
  open.forEach(([x, y], i) => {
    const distance = Math.hypot(x - x0, y - y0);
    if (distance > far) [far, at] = [distance, i];
  });
  return [
    ...simplifyLine(open.slice(0, at + 1), tolerance).slice(0, -1),
    ...simplifyLine([...open.slice(at), open[0]!], tolerance).slice(0, -1),
  ];
}

/** A ring's area (shoelace formula), unsigned. */
function area(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    sum += x0 * y1 - x1 * y0;
  }
  return Math.abs(sum) / 2;
}

/** A ring as SVG path data in whole pixels, relative after its first point. */
function ringPath(ring: readonly Point[]): string {
  let d = `M${ring[0]![0]} ${ring[0]![1]}l`;
  for (let i = 1; i < ring.length; i++) {
    const dx = ring[i]![0] - ring[i - 1]![0];
    const dy = ring[i]![1] - ring[i - 1]![1];
    d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
  }
  return `${d}z`;
}

/**
 * Path data of a geometry in whole pixels of the start view: outlines simplified to within
 * 1.5 px, rings too small to see or wholly outside the view left out.
 */
function pixelPath(
  projection: GeoProjection,
  view: View,
  geometry: Geometry,
  size: { width: number; height: number },
): string {
  let d = '';
  let ring: Point[] = [];
  const flush = () => {
    const points = simplifyRing(ring, TOLERANCE);
    ring = [];
    if (points.length < 3 || area(points) < MIN_AREA) return;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    if (Math.max(...xs) < 0 || Math.min(...xs) > size.width / GRID) return;
    if (Math.max(...ys) < 0 || Math.min(...ys) > size.height / GRID) return;
    d += ringPath(points);
  };
  const context = {
    moveTo(x: number, y: number) {
      flush();
      this.lineTo(x, y);
    },
    lineTo(x: number, y: number) {
      const [px, py] = applyView(view, [x, y]).map((c) => Math.round(c / GRID)) as Point;
      const last = ring[ring.length - 1];
      if (!last || last[0] !== px || last[1] !== py) ring.push([px, py]);
    },
    closePath: () => flush(),
    arc() {},
  };
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(geometry);
  flush();
  return d;
}

/**
 * The SVG picture of the story's start view, `width` × `height` like the live map's frame and
 * framed as the live map frames it (framing.ts). `fit` names the screens it is for (app.css
 * shows the phone's picture under 720 px and the other one above).
 */
export function startViewSvg(
  story: Story,
  world: Topology,
  size = REFERENCE,
  fit: 'wide' | 'narrow' = 'wide',
): string {
  const index = indexStory(story);
  const scene = sceneAt(index, story.asOf.earliest);
  const geo = scene.markers.map((a) => a.anchor as Point);
  const projection = storyProjection(
    chooseFraming(geo, story.view),
    geo,
    size.width,
    size.height,
    framePadding(size.width, size.height),
  );
  const anchors = geo.map((a) => (projection(a) ?? [0, 0]) as Point);
  const view: View = IDENTITY;
  const countries = world.objects['countries'] as GeometryCollection;
  const owned = (g: { id?: string | number }) => scene.owners.has(String(g.id ?? ''));
  // Antarctica is never in a story's start view, but a conic draws it as a ring around the frame.
  const rest = merge(
    world as Parameters<typeof merge>[0],
    countries.geometries.filter((g) => !owned(g) && String(g.id) !== ANTARCTICA) as Parameters<
      typeof merge
    >[1],
  ) as MultiPolygon;
  const fills = countries.geometries.filter(owned).map((g) => {
    const colour = roleColor(index, scene, scene.owners.get(String(g.id))!);
    const shape = feature(
      world as Parameters<typeof feature>[0],
      g as Parameters<typeof feature>[1],
    ) as Feature;
    return {
      d: pixelPath(projection, view, shape.geometry, size),
      fill: colour ? mixWithLand(colour) : '',
    };
  });
  const byFill = new Map<string, string>();
  for (const { d, fill } of fills) byFill.set(fill, (byFill.get(fill) ?? '') + d);
  const markers = scene.markers.map((actor, i) => {
    const [x, y] = applyView(view, anchors[i] as Point).map((c) => Math.round(c / GRID));
    const colour = roleColor(index, scene, actor.id) ?? '#555';
    // data-actor and data-marker: what the early pick (pickScript) and the bench look for.
    const marks = `data-actor="${escape(actor.id)}" data-marker`;
    return actor.kind === 'group' || actor.kind === 'organization'
      ? `<rect ${marks} x="${x! - RADIUS + 1}" y="${y! - RADIUS + 1}" width="${2 * RADIUS - 2}" height="${2 * RADIUS - 2}" fill="${colour}"/>`
      : `<circle ${marks} cx="${x}" cy="${y}" r="${RADIUS}" fill="${colour}"/>`;
  });
  return [
    `<svg class="first-paint-map ${fit}" viewBox="0 0 ${size.width / GRID} ${size.height / GRID}" role="img" aria-label="${escape(`Map: ${story.title}`)}">`,
    `<path d="${pixelPath(projection, view, rest, size)}"/>`,
    ...[...byFill]
      .filter(([, d]) => d !== '')
      .map(([fill, d]) => `<path class="held" d="${d}"${fill ? ` fill="${fill}"` : ''}/>`),
    `<g>${markers.join('')}</g>`,
    `</svg>`,
  ].join('');
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The key strip above the picture, as the live key (map/Legend.svelte) lays it out over the map
 * at the start: the same entries in the same type and spacing (app.css), so it wraps onto as
 * many lines and the picture stands where the live map will. Only a picture of the key: no
 * switches (keyboard and screen-reader users get the live one), closed under 600 px as the live
 * one starts, and left out on a phone, where the key comes below the map.
 */
export function startKeyHtml(story: Story): string {
  const index = indexStory(story);
  const key = keyModel(index, sceneAt(index, story.asOf.earliest));
  // Swatches drawn with presentation attributes, as the live key draws them: no inline style.
  const sample = (width: number, height: number, marks: string) =>
    `<svg width="${width}" height="${height}">${marks}</svg>`;
  const line = (stroke: string, width: number, more = '') =>
    sample(20, 10, `<path d="M1 5h18" stroke="${stroke}" stroke-width="${width}"${more}/>`);
  const entry = (swatch: string, label: string, first = false) =>
    `<span${first ? ' class="first"' : ''}>${swatch}${escape(label)}</span>`;
  const entries = [
    ...key.types.map(
      (t) => `<span class="type">${line(t.color, t.width)}${escape(t.label)}</span>`,
    ),
    ...key.statuses.map((s, i) => {
      const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
      const opacity = s.opacity < 1 ? ` stroke-opacity="${s.opacity}"` : '';
      const hollow = s.hollow ? '<path d="M1 5h18" stroke="var(--paper)"/>' : '';
      const marks = `<path d="M1 5h18" stroke="currentColor" stroke-width="2"${dash}${opacity}/>`;
      return entry(sample(20, 10, marks + hollow), s.label, i === 0);
    }),
    ...(key.uncertain
      ? [entry(line('currentColor', 2, ' stroke-opacity="0.5"'), KEY_WORDS.uncertain)]
      : []),
    ...(key.arrow
      ? [
          entry(
            sample(
              20,
              10,
              '<path d="M1 5h12" stroke="currentColor" stroke-width="2"/><path d="M12 1l7 4-7 4z"/>',
            ),
            KEY_WORDS.arrow,
          ),
        ]
      : []),
    ...key.roles.map((r, i) =>
      entry(
        sample(11, 11, `<circle cx="5.5" cy="5.5" r="5" fill="${r.color}"/>`),
        r.label,
        i === 0,
      ),
    ),
    ...(key.neutral
      ? [
          entry(
            sample(11, 11, '<circle cx="5.5" cy="5.5" r="4.5" fill="none" stroke="currentColor"/>'),
            KEY_WORDS.neutral,
          ),
        ]
      : []),
    ...key.groups.map((g) =>
      entry(
        sample(
          14,
          12,
          `<path d="M0 4l4-4M0 8l8-8M0 12l12-12M4 12l10-10M8 12l6-6" stroke="${g.color}"/>`,
        ),
        KEY_WORDS.member(g.name),
      ),
    ),
    ...(key.note ? [`<span class="note">Borders</span>`] : []),
  ];
  return `<div class="first-paint-key" aria-hidden="true"><div><span class="title">Key <span class="open">▾</span><span class="shut">▸</span></span><p>${entries.join('')}</p></div></div>`;
}

/** How near a marker's middle a click on the picture picks it (CSS px): a finger's width. */
export const PICK_RADIUS = 24;

/**
 * The first paint's answer to a click: a reader who clicks or taps a marker of the picture
 * before the app has come sees that actor's name and role line at once, in the panel's place,
 * and the app opens with that actor selected (src/lib/app/firstPaint.ts takes the pick from
 * `data-pick` and the `pick` event). Picked is the marker nearest the click, within PICK_RADIUS.
 * The picture stays a picture (no focusable fakes): keyboard users get the live app.
 */
export function pickScript(story: Story): string {
  const index = indexStory(story);
  const scene = sceneAt(index, story.asOf.earliest);
  const names: Record<string, [string, string]> = {};
  for (const actor of scene.markers)
    names[actor.id] = [actor.name, index.roles.get(scene.roles.get(actor.id) ?? '')?.label ?? ''];
  const code = `(()=>{
const names=${JSON.stringify(names)};
const answer=(e)=>{
const root=document.getElementById('first-paint');
if(!root)return document.removeEventListener('click',answer);
if(!e.target.closest?.('#first-paint .first-paint-map'))return;
let pick=null,near=${PICK_RADIUS};
for(const m of root.querySelectorAll('[data-marker]')){
const b=m.getBoundingClientRect(),d=Math.hypot(e.clientX-b.x-b.width/2,e.clientY-b.y-b.height/2);
if(b.width&&d<near)[pick,near]=[m.dataset.actor,d];}
if(!pick)return;
const panel=root.querySelector('[data-panel]');
panel.classList.add('picked');
panel.querySelector('.kicker').textContent=names[pick][1];
panel.querySelector('h2').textContent=names[pick][0];
panel.querySelector('.intro').textContent='Loading the article’s passages…';
root.dataset.pick=pick;
root.dispatchEvent(new Event('pick'));
};
document.addEventListener('click',answer);
})();`;
  return code.replace(/\n/g, '');
}

/** The first paint's markup: the masthead as the page lays it out, the picture and the start panel. */
export function firstPaintHtml(story: Story, world: Topology): string {
  const by = story.article.author ? `&nbsp;by ${escape(story.article.author)}` : '';
  return [
    `<div id="first-paint" class="page has-panel">`,
    `<header class="masthead">`,
    `<p class="kicker">Alliance map</p>`,
    `<h1 class="title">${escape(story.title)}</h1>`,
    story.dek ? `<p class="dek">${escape(story.dek)}</p>` : '',
    `<p class="byline">Based on “${escape(story.article.title)}”${by}.</p>`,
    `<div class="toolbar"></div>`,
    `</header>`,
    `<div class="stage"><div class="map-col">`,
    startKeyHtml(story),
    `<div class="map-area">`,
    startViewSvg(story, world, REFERENCE, 'wide'),
    startViewSvg(story, world, PHONE, 'narrow'),
    `</div></div>`,
    // The start panel's heading and introduction, the largest text of the first screen.
    `<div class="panel-wrap"><aside class="first-paint-panel" data-panel aria-labelledby="first-paint-title">`,
    `<p class="kicker"></p><h2 id="first-paint-title">${escape(START_TITLE)}</h2>`,
    `<p class="intro">${escape(START_INTRO)}</p>`,
    `</aside></div>`,
    `</div>`,
    `</div>`,
  ].join('');
}

/**
 * Build only: writes the default story's first paint into index.html's empty `#app`'s place, and
 * its early pick as a script file beside it (`first-paint.<hash>.js`: a strict Content Security
 * Policy allows no inline script).
 */
export function firstPaint(): Plugin {
  const require = createRequire(import.meta.url);
  let outDir = 'dist';
  let base = '/';
  let pick: { name: string; code: string } | null = null;
  return {
    name: 'first-paint',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      base = config.base;
    },
    closeBundle() {
      if (pick) writeFileSync(join(outDir, pick.name), pick.code);
    },
    transformIndexHtml(html) {
      const dir = fileURLToPath(new URL('../static/stories/', import.meta.url));
      const json = JSON.parse(readFileSync(join(dir, `${DEFAULT_STORY}.json`), 'utf8'));
      const article = readFileSync(join(dir, `${DEFAULT_STORY}.txt`), 'utf8');
      const result = parseStory(json, article);
      if (!result.ok) throw new Error(`first paint: the default story does not validate`);
      const world = coarsenWorld(
        JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')),
      );
      const code = pickScript(result.story);
      const hash = createHash('sha256').update(code).digest('hex').slice(0, 8);
      pick = { name: `first-paint.${hash}.js`, code };
      // In the head, before anything is painted, so a click on the picture is never lost; it is
      // fetched beside the stylesheet, which holds the first paint back anyway.
      // The page's comments and the whitespace between its tags are for people reading the
      // source, not bytes for every reader.
      return html
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/>\s+</g, '><')
        .replace('</head>', `<script src="${base}${pick.name}"></script></head>`)
        .replace(
          '<div id="app"></div>',
          `${firstPaintHtml(result.story, world)}<div id="app"></div>`,
        );
    },
  };
}
