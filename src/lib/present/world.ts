/**
 * The coarse world outlines for the step pictures (presenter previews, the printed deck):
 * the same file the map starts with, fetched once and shared.
 */
import worldUrl from 'world-atlas/countries-110m.json?url';
import { loadCountries, type Country } from '../core/map/geo';

let world: Promise<Country[]> | null = null;

export function stepWorld(): Promise<Country[]> {
  world ??= loadCountries(worldUrl).catch((error: unknown) => {
    world = null;
    throw error;
  });
  return world;
}
