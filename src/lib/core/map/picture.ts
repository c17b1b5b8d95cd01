/**
 * What a picture of the map (the PNG and SVG downloads) takes from the page, as the map's layers
 * declare it: the layer of countries, the layer of lines and markers, and the shapes drawn for
 * controls only (hit areas, focus rings), which a picture leaves out. The export asks for these
 * marks, never for a layer's own class names, so a layer can restyle itself freely.
 */
export const PICTURE = 'data-picture';

/** The value of `data-picture` on each part. */
export type PicturePart = 'base' | 'marks' | 'screen-only';

/** The selector of one part, e.g. `[data-picture="screen-only"]`. */
export const pictureSelector = (part: PicturePart): string => `[${PICTURE}="${part}"]`;
