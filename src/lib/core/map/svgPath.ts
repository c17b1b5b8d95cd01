/**
 * SVG path data and projected bounds of GeoJSON through a d3-geo projection: all the page asks
 * of d3's `geoPath`. `geoPath` also carries the code of its area, centroid, length and canvas
 * methods, which the page never calls but downloads (about 1.5 KB gzip of its first script), so
 * the map writes its paths here, from the projection's own stream (clipping and resampling are
 * d3's), in the same form as `geoPath(projection).digits(digits)` writes them.
 */
import { geoStream, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';

/** `geoPath(projection).digits(digits)(object)`, for lines and polygons (not points): '' for none. */
export function pathData(
  projection: GeoProjection,
  object: GeoPermissibleObjects,
  digits = 3,
): string {
  const k = 10 ** digits;
  const round = (x: number) => Math.round(x * k) / k;
  let d = '';
  /** 0: the next point starts a line; 1: it continues one. */
  let at = NaN;
  /** 0 inside a polygon, whose rings are closed. */
  let ring = NaN;
  geoStream(
    object,
    projection.stream({
      point(x, y) {
        d += `${at === 0 ? 'M' : 'L'}${round(x)},${round(y)}`;
        at = 1;
      },
      lineStart: () => void (at = 0),
      lineEnd() {
        if (ring === 0) d += 'Z';
        at = NaN;
      },
      polygonStart: () => void (ring = 0),
      polygonEnd: () => void (ring = NaN),
    }),
  );
  return d;
}

/** `geoPath(projection).bounds(object)`: the projected box, [[x0, y0], [x1, y1]]. */
export function projectedBounds(
  projection: GeoProjection,
  object: GeoPermissibleObjects,
): [[number, number], [number, number]] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const noop = () => {};
  geoStream(
    object,
    projection.stream({
      point(x, y) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      },
      lineStart: noop,
      lineEnd: noop,
      polygonStart: noop,
      polygonEnd: noop,
    }),
  );
  return [
    [x0, y0],
    [x1, y1],
  ];
}
