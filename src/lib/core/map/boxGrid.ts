/**
 * Items kept in a grid of square cells by their extent (a box, or a segment's span), so that
 * asking what lies near a box reads only the few items in the cells it covers, not every item
 * kept so far (label placement asks this for every spot it tries: a linear search made placing
 * 174 labels quadratic).
 *
 * A query meets every item whose cells meet the query's cells: a superset of the items that
 * touch it, which the caller tests exactly, so the answers are those of a linear search.
 */

/** Cells beyond this index (about 30,000 px at 32 px cells), or an extent covering more than
 * `WIDE` cells, are not kept in cells: such an item is met by every query. */
const FAR = 1 << 20;
const WIDE = 4096;
/** Extents are widened by this much (px) when turned into cells, so that rounding in the
 * caller's arithmetic (x + width) never drops a neighbour. */
const SLACK = 0.01;

export class BoxGrid<T> {
  readonly #cell: number;
  readonly #cells = new Map<number, number[]>();
  /** Items too large or too far out for cells (or with no finite extent). */
  readonly #wide: number[] = [];
  readonly #items: T[] = [];
  /** The query that last met each item, so that a query meets each once. */
  readonly #seen: number[] = [];
  #query = 0;
  /** The cells of the extent last turned into cells (see #cells). */
  #cx0 = 0;
  #cy0 = 0;
  #cx1 = 0;
  #cy1 = 0;

  constructor(cell = 32) {
    this.#cell = cell;
  }

  get size(): number {
    return this.#items.length;
  }

  /** Keeps `item`, met by queries whose extent meets x0…x1, y0…y1. */
  add(x0: number, y0: number, x1: number, y1: number, item: T): void {
    const index = this.#items.push(item) - 1;
    this.#seen.push(0);
    if (!this.#span(x0, y0, x1, y1)) {
      this.#wide.push(index);
      return;
    }
    for (let cx = this.#cx0; cx <= this.#cx1; cx++)
      for (let cy = this.#cy0; cy <= this.#cy1; cy++) {
        const key = cx * 2 * FAR + cy;
        const list = this.#cells.get(key);
        if (list) list.push(index);
        else this.#cells.set(key, [index]);
      }
  }

  /** Whether `test` holds for an item near x0…x1, y0…y1 (each item tried at most once). */
  some(x0: number, y0: number, x1: number, y1: number, test: (item: T) => boolean): boolean {
    const query = ++this.#query;
    const seen = this.#seen;
    const items = this.#items;
    for (const index of this.#wide) {
      seen[index] = query;
      if (test(items[index]!)) return true;
    }
    if (!this.#span(x0, y0, x1, y1)) {
      // A query too wide for cells reads every item.
      for (let index = 0; index < items.length; index++)
        if (seen[index] !== query && test(items[index]!)) return true;
      return false;
    }
    const cx0 = this.#cx0;
    const cy0 = this.#cy0;
    const cx1 = this.#cx1;
    const cy1 = this.#cy1;
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) {
        const list = this.#cells.get(cx * 2 * FAR + cy);
        if (!list) continue;
        for (const index of list) {
          if (seen[index] === query) continue;
          seen[index] = query;
          if (test(items[index]!)) return true;
        }
      }
    return false;
  }

  /** Sets the cells an extent covers; false when it is too large, too far out or not finite. */
  #span(x0: number, y0: number, x1: number, y1: number): boolean {
    const c = this.#cell;
    const cx0 = Math.floor((x0 - SLACK) / c);
    const cy0 = Math.floor((y0 - SLACK) / c);
    const cx1 = Math.floor((x1 + SLACK) / c);
    const cy1 = Math.floor((y1 + SLACK) / c);
    const near = (n: number) => n > -FAR && n < FAR;
    if (!(near(cx0) && near(cy0) && near(cx1) && near(cy1))) return false;
    if (cx1 < cx0 || cy1 < cy0 || (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > WIDE) return false;
    this.#cx0 = cx0;
    this.#cy0 = cy0;
    this.#cx1 = cx1;
    this.#cy1 = cy1;
    return true;
  }
}
