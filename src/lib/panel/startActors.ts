/**
 * The actors with the most relations on the map today, most connected first: the start panel's
 * shortcuts, and so the panels a reader is likeliest to open first (the reading code draws
 * those once ahead of time, ./reading.ts).
 */
import type { Scene } from '../core/map/scene';
import type { Actor } from '../core/story/schema';

export function startActors(scene: Scene, limit = 8): Actor[] {
  // Counted in one pass over the relations: a story's size, not actors × relations.
  const degree = new Map<string, number>();
  for (const r of scene.relations)
    for (const id of new Set(r.sides)) degree.set(id, (degree.get(id) ?? 0) + 1);
  return scene.markers
    .map((actor) => ({ actor, count: degree.get(actor.id) ?? 0 }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((x) => x.actor);
}
