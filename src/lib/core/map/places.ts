/**
 * Reference places shown once the reader zooms in past the story's frame: a few seas from this
 * small bundled list (names as the major English-language atlases give them; where two names are
 * in use, both), and the capitals of the story's countries from the story's own `anchorLabel`.
 */
import type { Point } from './geo';

export interface Place {
  name: string;
  at: Point;
  kind: 'sea' | 'capital';
}

export const SEAS: readonly Place[] = [
  ['Pacific Ocean', [-150, 15]],
  ['Pacific Ocean', [160, 25]],
  ['Atlantic Ocean', [-40, 30]],
  ['Indian Ocean', [80, -20]],
  ['Arctic Ocean', [0, 85]],
  ['Sea of Japan (East Sea)', [135, 40.5]],
  ['Yellow Sea', [123.5, 35.5]],
  ['East China Sea', [126, 29]],
  ['South China Sea', [114, 13]],
  ['Philippine Sea', [132, 20]],
  ['Sea of Okhotsk', [150, 53]],
  ['Bering Sea', [-178, 58]],
  ['Black Sea', [34, 43.3]],
  ['Caspian Sea', [50.5, 42]],
  ['Baltic Sea', [19.5, 56.5]],
  ['North Sea', [3, 56]],
  ['Norwegian Sea', [3, 68]],
  ['Barents Sea', [40, 73]],
  ['Mediterranean Sea', [18, 35]],
  ['Persian Gulf', [51, 27]],
  ['Arabian Sea', [64, 16]],
  ['Bay of Bengal', [89, 15]],
  ['Tasman Sea', [160, -38]],
  ['Coral Sea', [155, -17]],
  ['Gulf of Mexico', [-90, 25]],
  ['Caribbean Sea', [-75, 15]],
].map(([name, at]) => ({ name: name as string, at: at as Point, kind: 'sea' as const }));

/** The capitals of the story's countries (their anchors, named by `anchorLabel`). */
export function capitalsOf(
  actors: readonly { kind: string; anchor: readonly [number, number]; anchorLabel?: string }[],
): Place[] {
  const seen = new Set<string>();
  const capitals: Place[] = [];
  for (const a of actors) {
    if (a.kind !== 'country' || !a.anchorLabel || seen.has(a.anchorLabel)) continue;
    seen.add(a.anchorLabel);
    capitals.push({ name: a.anchorLabel, at: [a.anchor[0], a.anchor[1]], kind: 'capital' });
  }
  return capitals;
}
