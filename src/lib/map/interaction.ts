/**
 * Small helpers shared by the map layers: accessible names, keyboard activation and the
 * tooltip position, so each layer says and does the same thing.
 */
import type { AppState } from '../state/app.svelte';
import type { RelationState } from '../core/story/asof';
import { formatDate } from '../core/story/dates';
import { relationTitle, type Target } from '../core/story/model';
import type { Relation } from '../core/story/schema';
import { STATUS_STYLE } from '../core/style/relationStyle';
import type { Scene } from '../core/map/scene';

/**
 * "North Korea, pact party": name first (the contract), then its role and group memberships on
 * the scene's date (none when it had no role then).
 */
export function actorLabel(app: AppState, id: string, scene: Scene): string {
  const actor = app.index.actors.get(id);
  if (!actor) return id;
  const role = app.index.roles.get(scene.roles.get(id) ?? '')?.label;
  const groups = (scene.groups.get(id) ?? []).map((g) => app.index.actors.get(g)?.name ?? g);
  return [actor.name, role, groups.length ? `member of ${groups.join(', ')}` : '']
    .filter(Boolean)
    .join(', ');
}

/**
 * "North Korea → Russia: alleged arms transfers (alleged, since September 2023)"; every side of a
 * many-sided relation is named. "date uncertain" when the day falls in a boundary known only to
 * the year or month.
 */
export function relationLabel(app: AppState, relation: Relation, state: RelationState): string {
  const status = STATUS_STYLE[state.status].label.toLowerCase();
  const uncertain = state.uncertain ? ', date uncertain' : '';
  return `${relationTitle(app.index, relation)} (${status}, since ${formatDate(state.period.from)}${uncertain})`;
}

/** Runs `action` on Enter or Space, as a button would. */
export function onActivate(event: KeyboardEvent, action: () => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    action();
  }
}

/** Shows the tooltip for a target next to the element or pointer that asked for it. */
export function hoverAt(app: AppState, target: Target, event: PointerEvent | FocusEvent): void {
  const frame = (event.currentTarget as Element | null)?.closest('.map-frame');
  if (!frame) return;
  const box = frame.getBoundingClientRect();
  let x: number;
  let y: number;
  if ('clientX' in event) {
    x = event.clientX - box.left;
    y = event.clientY - box.top;
  } else {
    const r = (event.currentTarget as Element).getBoundingClientRect();
    x = r.left + r.width / 2 - box.left;
    y = r.top - box.top;
  }
  app.hovered = { target, x, y };
}
