/**
 * The article as the studio shows it: cut into runs of text that are a mention of an actor, part
 * of a passage, part of a passage of the item being edited, or plain.
 */
import { getIn, stepsPath, type Doc, type Path } from './draft';
import { escape, mentionPattern } from '../core/story/mentionPattern';
import type { ItemKind } from './session.svelte';

export interface Segment {
  text: string;
  mention: boolean;
  passage: boolean;
  /** Part of a passage of the item being edited. */
  own: boolean;
}

/** Ranges [start, end) where each of `needles` occurs in `text` (as names: whole words). */
function ranges(text: string, needles: readonly string[], names: boolean): [number, number][] {
  const clean = [...new Set(needles.filter((n) => n.trim().length > 1))];
  if (clean.length === 0) return [];
  clean.sort((a, b) => b.length - a.length);
  const pattern = names ? mentionPattern(clean)! : new RegExp(clean.map(escape).join('|'), 'g');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** The article in runs, for highlighting. */
export function articleMarks(doc: Doc, own: ReadonlySet<string>): Segment[] {
  const text = doc.article;
  const actors = (doc.story.actors ?? []) as { name?: string; aliases?: string[] }[];
  const names = actors.flatMap((a) => [a.name ?? '', ...(a.aliases ?? [])]);
  const passages = (doc.story.passages ?? []) as { id: string; quote: string }[];
  const mention = ranges(text, names, true);
  const quoted = passages.flatMap((p) => ranges(text, [p.quote], false).map((r) => ({ r, p })));
  const cuts = new Set([0, text.length]);
  for (const [a, b] of mention) cuts.add(a).add(b);
  for (const { r } of quoted) cuts.add(r[0]).add(r[1]);
  const points = [...cuts].sort((a, b) => a - b);
  const inside = (list: [number, number][], at: number) => list.some(([a, b]) => a <= at && at < b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const here = quoted.filter(({ r }) => r[0] <= a && a < r[1]);
    const segment = {
      text: text.slice(a, b),
      mention: inside(mention, a),
      passage: here.length > 0,
      own: here.some(({ p }) => own.has(p.id)),
    };
    const last = segments.at(-1);
    if (
      last &&
      last.mention === segment.mention &&
      last.passage === segment.passage &&
      last.own === segment.own
    )
      last.text += segment.text;
    else segments.push(segment);
  }
  return segments;
}

/** Where the item's passage ids are kept (null for a span, which quotes nothing). */
export function passagesPathOf(doc: Doc, item: { kind: ItemKind; index: number }): Path | null {
  if (item.kind === 'spans') return null;
  const base = item.kind === 'steps' ? stepsPath(doc) : ['story', item.kind];
  return [...base, item.index, 'passages'];
}

/** The name the studio calls an item by. */
export function itemName(doc: Doc, item: { kind: ItemKind; index: number }): string {
  const base = item.kind === 'steps' ? stepsPath(doc) : ['story', item.kind];
  const value = getIn(doc, [...base, item.index]) as
    { name?: string; label?: string; title?: string; id?: string } | undefined;
  return value?.name ?? value?.title ?? value?.label ?? value?.id ?? 'this item';
}
