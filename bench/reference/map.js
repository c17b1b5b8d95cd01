/* global d3, topojson */
// The baseline for `npm run bench`: a world map written the way d3's own examples
// write one. The whole d3 bundle and topojson-client arrive as globals (`d3`, `topojson`),
// the 110m countries are drawn with an Equal Earth projection, and zooming re-projects:
// d3.zoom's transform goes into projection.scale/translate and every path is re-rendered.
// It carries the same hooks as the app so bench/run.mjs drives both with one piece of code:
// svg[data-ready="true"], [data-actor="<ISO alpha-3>"], [data-panel] h2, button[data-zoom].

const width = 960;
const height = 500;

// world-atlas keys countries by ISO 3166-1 numeric code; the bench names actors by alpha-3.
// Only the countries the bench (and the default story) talk about need a mapping; the
// others keep their numeric code as their actor id.
const ALPHA3 = {
  643: 'RUS',
  408: 'PRK',
  156: 'CHN',
  410: 'KOR',
  392: 'JPN',
  840: 'USA',
  804: 'UKR',
  364: 'IRN',
  112: 'BLR',
  496: 'MNG',
};

const svg = d3.select('svg.map').attr('viewBox', [0, 0, width, height]);
const heading = d3.select('[data-panel] h2');
const blurb = d3.select('[data-panel] p');

const projection = d3.geoEqualEarth().fitExtent(
  [
    [2, 2],
    [width - 2, height - 2],
  ],
  { type: 'Sphere' },
);
const path = d3.geoPath(projection);
// Zoom is applied on top of the fitted projection, so keep where it started.
const scale0 = projection.scale();
const translate0 = projection.translate();

const zoom = d3
  .zoom()
  .scaleExtent([1, 40])
  .translateExtent([
    [0, 0],
    [width, height],
  ])
  .on('zoom', zoomed);

function zoomed({ transform }) {
  projection.scale(scale0 * transform.k).translate(transform.apply(translate0));
  svg.selectAll('path').attr('d', path);
}

function select(event, country) {
  svg.selectAll('.country').classed('selected', (d) => d === country);
  heading.text(country.properties.name);
  blurb.text(`ISO ${country.id ?? 'n/a'}`);
}

function actorId(country) {
  return ALPHA3[country.id] ?? country.id ?? country.properties.name;
}

function draw(world) {
  const countries = topojson.feature(world, world.objects.countries).features;

  svg.append('path').datum({ type: 'Sphere' }).attr('class', 'sphere').attr('d', path);
  svg
    .append('g')
    .selectAll('path')
    .data(countries)
    .join('path')
    .attr('class', 'country')
    .attr('data-actor', actorId)
    .attr('d', path)
    .on('click', select)
    .append('title')
    .text((d) => d.properties.name);

  svg.call(zoom);
  d3.select('[data-zoom="in"]').on('click', () => svg.transition().call(zoom.scaleBy, 2));
  d3.select('[data-zoom="out"]').on('click', () => svg.transition().call(zoom.scaleBy, 0.5));
  d3.select('[data-zoom="reset"]').on('click', () =>
    svg.transition().call(zoom.transform, d3.zoomIdentity),
  );

  svg.attr('data-ready', 'true');
}

d3.json('data/countries-110m.json').then(draw);
