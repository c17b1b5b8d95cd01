/**
 * The one owner of the map's outline data: the coarse 110m world at start (with a "taking long"
 * flag and a retry) and the 50m detail, fetched once when the reader first zooms in far enough
 * and parsed only once the gesture has ended. The map component asks; this module loads.
 */
import worldUrl from 'world-atlas/countries-110m.json?url';
import { countriesOf, fetchMapData, loadCountries, type Country } from '../core/map/geo';

const SLOW_MS = 10_000;

export class MapData {
  // Raw: geometry is replaced whole, never mutated, and must not be wrapped in proxies.
  coarse = $state.raw<Country[] | null>(null);
  detail = $state.raw<Country[] | null>(null);
  error = $state('');
  /** The coarse map has taken more than 10 s: say so and offer a retry. */
  slow = $state(false);
  #detail: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';

  /** Loads the coarse world; the returned function aborts it. */
  load(): () => void {
    const abort = new AbortController();
    this.error = '';
    this.slow = false;
    const timer = setTimeout(() => (this.slow = true), SLOW_MS);
    loadCountries(worldUrl, abort.signal)
      .then((features) => (this.coarse = features))
      .catch((error: Error) => {
        if (!abort.signal.aborted) this.error = error.message;
      })
      .finally(() => clearTimeout(timer));
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }

  /** Fetches the detail once; `settled` resolves when parsing it would not cost a gesture a frame. */
  loadDetail(settled: () => Promise<void>): void {
    if (this.#detail !== 'idle') return;
    this.#detail = 'loading';
    import('world-atlas/countries-50m.json?url')
      .then(({ default: url }) => fetchMapData(url))
      .then(async (response) => {
        await settled();
        return countriesOf(response);
      })
      .then((features) => {
        this.detail = features;
        this.#detail = 'loaded';
      })
      .catch(() => (this.#detail = 'failed'));
  }
}
