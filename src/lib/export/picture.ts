/**
 * Turns the map on screen into a picture to keep: a standalone SVG with the title, date, key
 * and source line drawn in, and a PNG of it at twice the size for slides. Styles are copied
 * from the page onto the elements, so the file looks the same anywhere.
 */
import { KEY_WORDS, type KeyModel } from '../core/map/key';
import { pictureSelector } from '../core/map/picture';
import { resolvedColor } from '../core/style/relationStyle';

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'paint-order',
  'vector-effect',
];

export interface PictureMeta {
  title: string;
  date: string;
  credit: string;
  /** The same key model the page's key draws (minus any types the reader switched off). */
  key: KeyModel;
  background: string;
  ink: string;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Copies the computed look of each element onto its clone (only what differs from its parent),
 * dropping controls-only shapes such as hit areas and focus rings. */
function inlineStyles(
  source: Element,
  clone: Element,
  inherited: Map<string, string> = new Map(),
): void {
  const style = getComputedStyle(source);
  const own = new Map<string, string>();
  for (const prop of STYLE_PROPS) {
    const value = style.getPropertyValue(prop);
    own.set(prop, value);
    if (value !== '' && value !== inherited.get(prop)) clone.setAttribute(prop, value);
  }
  for (const attr of [
    'class',
    'role',
    'tabindex',
    'aria-label',
    'aria-pressed',
    'aria-hidden',
    'style',
  ])
    clone.removeAttribute(attr);
  const sources = [...source.children];
  const clones = [...clone.children];
  sources.forEach((child, i) => {
    const copy = clones[i];
    if (!copy) return;
    if (child.matches(pictureSelector('screen-only'))) copy.remove();
    else inlineStyles(child, copy, own);
  });
}

/** The country layer as drawn now: its CSS zoom transform becomes an SVG transform. */
function countryLayer(base: SVGSVGElement, y: number, width: number, height: number): SVGElement {
  const copy = base.cloneNode(true) as SVGSVGElement;
  inlineStyles(base, copy);
  const matrix = getComputedStyle(base).transform;
  const zoomed = el('g', matrix && matrix !== 'none' ? { transform: matrix } : {});
  zoomed.append(...copy.childNodes);
  const frame = el('svg', { x: 0, y, width, height, viewBox: `0 0 ${width} ${height}` });
  // The sea behind the globe, as the page paints it behind the map: a conic's globe leaves a
  // hole round the pole that the page's sea colour fills, and a picture's white would show.
  const sea = base.parentElement ? getComputedStyle(base.parentElement).backgroundColor : '';
  if (sea && sea !== 'rgba(0, 0, 0, 0)' && sea !== 'transparent')
    frame.append(el('rect', { width, height, fill: sea }));
  frame.append(zoomed);
  return frame;
}

/** Wraps text into lines of about `max` characters. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > max && line) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines;
}

/** The map as a standalone SVG document (text), with title, date, key and credit. */
export function mapPicture(
  map: SVGSVGElement,
  meta: PictureMeta,
  base?: SVGSVGElement | null,
): { svg: string; width: number; height: number } {
  const width = map.clientWidth || Number(map.getAttribute('width')) || 960;
  const mapHeight = map.clientHeight || Number(map.getAttribute('height')) || 540;
  const clone = map.cloneNode(true) as SVGSVGElement;
  inlineStyles(map, clone);
  const sans = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif';
  const serif = 'Georgia, Times New Roman, serif';
  const headerHeight = 64;
  const { key } = meta;
  const sample = (x: number, y: number, attrs: Record<string, string | number>) =>
    el('line', { x1: x, x2: x + 22, y1: y - 4, y2: y - 4, ...attrs });
  const keyItems = [
    ...key.types.map((t) => ({
      label: t.label,
      draw: (x: number, y: number) =>
        // A standalone file cannot read the page's colour tokens: the colour as the page shows it.
        sample(x, y, { stroke: resolvedColor(t.type, map), 'stroke-width': t.width }),
    })),
    ...key.statuses.map((s) => ({
      label: s.label,
      draw: (x: number, y: number) => {
        const g = el('g', {});
        g.append(
          sample(x, y, {
            stroke: meta.ink,
            'stroke-width': 2,
            'stroke-dasharray': s.dash || 'none',
            'stroke-opacity': s.opacity,
          }),
        );
        // A hollow line, as on the map and in the page's key: a paper-coloured core.
        if (s.hollow) g.append(sample(x, y, { stroke: meta.background, 'stroke-width': 1 }));
        return g;
      },
    })),
    ...(key.uncertain
      ? [
          {
            label: KEY_WORDS.uncertain,
            draw: (x: number, y: number) =>
              sample(x, y, { stroke: meta.ink, 'stroke-width': 2, 'stroke-opacity': 0.5 }),
          },
        ]
      : []),
    ...(key.arrow
      ? [
          {
            label: KEY_WORDS.arrow,
            draw: (x: number, y: number) => {
              const g = el('g', {});
              g.append(sample(x, y, { stroke: meta.ink, 'stroke-width': 2 }));
              g.append(
                el('path', {
                  d: `M${x + 17},${y - 8} L${x + 24},${y - 4} L${x + 17},${y} z`,
                  fill: meta.ink,
                }),
              );
              return g;
            },
          },
        ]
      : []),
    ...key.roles.map((r) => ({
      label: r.label,
      draw: (x: number, y: number) => el('circle', { cx: x + 7, cy: y - 4, r: 6, fill: r.color }),
    })),
    ...(key.neutral
      ? [
          {
            label: KEY_WORDS.neutral,
            draw: (x: number, y: number) =>
              el('circle', {
                cx: x + 7,
                cy: y - 4,
                r: 5.5,
                fill: meta.background,
                stroke: meta.ink,
                'stroke-width': 1.5,
              }),
          },
        ]
      : []),
    ...key.groups.map((g) => ({
      label: KEY_WORDS.member(g.name),
      draw: (x: number, y: number) =>
        el('rect', {
          x,
          y: y - 10,
          width: 14,
          height: 12,
          fill: 'none',
          stroke: g.color,
          'stroke-width': 1.5,
          'stroke-dasharray': '2 2',
        }),
    })),
  ];
  const columns = Math.max(1, Math.floor(width / 230));
  const keyRows = Math.ceil(keyItems.length / columns);
  const creditLines = wrap(meta.credit, Math.max(40, Math.floor(width / 6.5)));
  const height = headerHeight + mapHeight + 16 + keyRows * 20 + 12 + creditLines.length * 16 + 12;

  const root = el('svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': sans,
  }) as SVGSVGElement;
  root.append(el('rect', { width, height, fill: meta.background }));
  root.append(
    el(
      'text',
      { x: 16, y: 30, 'font-family': serif, 'font-size': 22, 'font-weight': 700, fill: meta.ink },
      meta.title,
    ),
  );
  root.append(
    el('text', { x: 16, y: 52, 'font-size': 14, fill: meta.ink }, `Map as of ${meta.date}`),
  );
  if (base) root.append(countryLayer(base, headerHeight, width, mapHeight));
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(headerHeight));
  root.append(clone);
  keyItems.forEach((item, i) => {
    const x = 16 + (i % columns) * 230;
    const y = headerHeight + mapHeight + 28 + Math.floor(i / columns) * 20;
    root.append(item.draw(x, y));
    root.append(el('text', { x: x + 30, y, 'font-size': 12, fill: meta.ink }, item.label));
  });
  creditLines.forEach((line, i) => {
    root.append(
      el(
        'text',
        {
          x: 16,
          y: height - 12 - (creditLines.length - 1 - i) * 16,
          'font-size': 11,
          fill: meta.ink,
        },
        line,
      ),
    );
  });
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Renders an SVG document to a PNG blob at `scale` times its size. */
export async function pngFromSvg(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Canvas is not available');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers a blob as a file download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
