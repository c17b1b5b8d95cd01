/**
 * The colour themes, checked by numbers: WCAG contrast of every relation line against the
 * ground it is drawn on (sea, land, each role's country fill), of text against the page, and
 * CIEDE2000 distances between the relation hues for normal vision and under simulated
 * protanopia, deuteranopia and tritanopia (Machado et al. 2009, as culori implements them).
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  formatHex,
  interpolate,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import {
  PALETTES,
  RELATION_HUES,
  ROLE_FILL_SHARE,
  type ThemeName,
} from '../../src/lib/core/style/palette';
import { TYPE_STYLE } from '../../src/lib/core/style/relationStyle';

const root = fileURLToPath(new URL('../..', import.meta.url));
const story = JSON.parse(
  fs.readFileSync(`${root}/static/stories/russia-north-korea-2024.json`, 'utf8'),
) as { roles: { id: string; color: string }[] };
const css = fs.readFileSync(`${root}/src/app.css`, 'utf8');

const themes = Object.keys(PALETTES) as ThemeName[];
const deltaE = differenceCiede2000();
const visions: [string, (c: Color) => Color][] = [
  ['normal vision', (c) => c],
  ['protanopia', filterDeficiencyProt(1)],
  ['deuteranopia', filterDeficiencyDeuter(1)],
  ['tritanopia', filterDeficiencyTrit(1)],
];
/** Least CIEDE2000 distance between two relation hues: a clear step for normal vision, and
 * still apart (about ten units, well past a just-noticeable 1–2) for each deficiency. */
const MIN_DISTANCE: Record<string, number> = {
  'normal vision': 20,
  protanopia: 10,
  deuteranopia: 10,
  tritanopia: 10,
};

/** A country's fill: the role's colour mixed into the land, as the country layer mixes it. */
function roleFill(role: string, land: string): string {
  return formatHex(interpolate([land, role], 'rgb')(ROLE_FILL_SHARE));
}

function grounds(theme: ThemeName): [string, string][] {
  const { sea, land } = PALETTES[theme];
  return [
    ['sea', sea],
    ['land', land],
    ...story.roles.map((r): [string, string] => [`${r.id} fill`, roleFill(r.color, land)]),
  ];
}

describe('every relation line stands out from what it crosses', () => {
  const cases = themes.flatMap((theme) =>
    RELATION_HUES.flatMap((hue) =>
      grounds(theme).map(([ground, color]) => ({ theme, hue, ground, color })),
    ),
  );
  it.each(cases)('$theme: the $hue line against the $ground', ({ theme, hue, color }) => {
    const line = PALETTES[theme].relation[hue];
    expect(wcagContrast(line, color)).toBeGreaterThanOrEqual(PALETTES[theme].minLine);
  });

  it('asks more of the high-contrast theme than of the others', () => {
    expect(PALETTES.contrast.minLine).toBeGreaterThanOrEqual(4.5);
    expect(PALETTES.contrast.minText).toBeGreaterThanOrEqual(7);
  });
});

describe('text is readable on the page', () => {
  it.each(themes)('%s: ink on paper', (theme) => {
    const { ink, paper, minText } = PALETTES[theme];
    expect(wcagContrast(ink, paper)).toBeGreaterThanOrEqual(minText);
  });
});

describe('the relation hues can be told apart', () => {
  const cases = themes.flatMap((theme) => visions.map(([vision]) => ({ theme, vision })));
  it.each(cases)('$theme, $vision', ({ theme, vision }) => {
    const simulate = visions.find(([name]) => name === vision)![1];
    const colors = RELATION_HUES.map((hue) => simulate(parse(PALETTES[theme].relation[hue])!));
    let least = Infinity;
    for (let i = 0; i < colors.length; i++)
      for (let j = i + 1; j < colors.length; j++)
        least = Math.min(least, deltaE(colors[i]!, colors[j]!));
    expect(least).toBeGreaterThanOrEqual(MIN_DISTANCE[vision]!);
  });

  it('uses at most six hues for the nine relation types', () => {
    const hues = new Set(Object.values(TYPE_STYLE).map((s) => s.hue));
    expect(hues.size).toBeLessThanOrEqual(6);
    for (const style of Object.values(TYPE_STYLE))
      expect(style.color).toBe(`var(--rel-${style.hue}, ${PALETTES.light.relation[style.hue]})`);
  });

  it('tells types of one hue apart by line width', () => {
    const byHue = new Map<string, number[]>();
    for (const s of Object.values(TYPE_STYLE))
      byHue.set(s.hue, [...(byHue.get(s.hue) ?? []), s.width]);
    for (const widths of byHue.values()) expect(new Set(widths).size).toBe(widths.length);
  });
});

describe("the default story's role colours", () => {
  it.each(story.roles)('$id is not mistaken for a relation line', ({ color }) => {
    for (const hue of RELATION_HUES)
      expect(deltaE(parse(color)!, parse(PALETTES.light.relation[hue])!)).toBeGreaterThanOrEqual(
        10,
      );
  });
  const markers = (['light', 'dark'] as const).flatMap((theme) =>
    story.roles.map((r) => ({ theme, id: r.id, color: r.color })),
  );
  it.each(markers)('$theme: the $id marker stands out from the sea', ({ theme, color }) => {
    expect(wcagContrast(color, PALETTES[theme].sea)).toBeGreaterThanOrEqual(3);
  });
});

/** The custom properties set in one block of app.css (the first block that `opening` starts). */
function tokens(opening: string): Map<string, string> {
  const start = css.indexOf(opening);
  expect(start, `app.css has "${opening}"`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe('app.css sets the palette the tests check', () => {
  const blocks: [ThemeName, string][] = [
    ['light', ':root {'],
    ['dark', '@media (prefers-color-scheme: dark) {\n  :root {'],
    ['contrast', '.theme-contrast {'],
  ];
  it.each(blocks)('%s', (theme, opening) => {
    const set = tokens(opening);
    const palette = PALETTES[theme];
    for (const key of ['paper', 'ink', 'sea', 'land'] as const)
      expect(set.get(`--${key}`)?.toLowerCase(), `--${key}`).toBe(palette[key]);
    for (const hue of RELATION_HUES)
      expect(set.get(`--rel-${hue}`)?.toLowerCase(), `--rel-${hue}`).toBe(palette.relation[hue]);
  });
});
