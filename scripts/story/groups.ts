/**
 * Organisations and groupings a news article names, with their members (ISO 3166-1 alpha-3)
 * and the dates they joined, for `draft`. Dates are those of the organisations' own records;
 * a draft is checked by its writer before it is published.
 */
import countries from 'world-countries';

export interface GroupEntry {
  id: string;
  name: string;
  aliases: string[];
  kind: 'group' | 'organization' | 'historical';
  members: { actor: string; from: string; to?: string }[];
  exists?: { from?: string; to?: string };
  /** For a historical state: the map features it covered (ISO numeric) and its successor. */
  features?: string[];
  successor?: string;
  anchor?: [number, number];
  anchorLabel?: string;
}

const join = (from: string, ...actors: string[]) => actors.map((actor) => ({ actor, from }));

/** Member states of the African Union: the UN's African states and the Sahrawi Republic. */
const AFRICAN_UNION = countries
  .filter((c) => c.region === 'Africa' && (c.unMember || c.cca3 === 'ESH'))
  .map((c) => ({ actor: c.cca3, from: c.cca3 === 'MAR' ? '2017-01-30' : '2002-07-09' }));

export const GROUPS: GroupEntry[] = [
  {
    id: 'NATO',
    name: 'NATO',
    aliases: ['North Atlantic Treaty Organization', 'the Atlantic alliance'],
    kind: 'group',
    members: [
      ...join(
        '1949-08-24',
        'BEL',
        'CAN',
        'DNK',
        'FRA',
        'ISL',
        'ITA',
        'LUX',
        'NLD',
        'NOR',
        'PRT',
        'GBR',
        'USA',
      ),
      ...join('1952-02-18', 'GRC', 'TUR'),
      ...join('1955-05-06', 'DEU'),
      ...join('1982-05-30', 'ESP'),
      ...join('1999-03-12', 'CZE', 'HUN', 'POL'),
      ...join('2004-03-29', 'BGR', 'EST', 'LVA', 'LTU', 'ROU', 'SVK', 'SVN'),
      ...join('2009-04-01', 'ALB', 'HRV'),
      ...join('2017-06-05', 'MNE'),
      ...join('2020-03-27', 'MKD'),
      ...join('2023-04-04', 'FIN'),
      ...join('2024-03-07', 'SWE'),
    ],
    anchor: [4.425, 50.879],
    anchorLabel: 'Brussels',
  },
  {
    id: 'UNSC',
    name: 'UN Security Council',
    aliases: ['United Nations Security Council', 'Security Council', 'UNSC'],
    kind: 'organization',
    // The permanent members; Russia holds the Soviet Union's seat since December 1991.
    members: [
      ...join('1945-10-24', 'CHN', 'FRA', 'GBR', 'USA'),
      { actor: 'RUS', from: '1991-12-24' },
    ],
    anchor: [-73.968, 40.749],
    anchorLabel: 'New York',
  },
  {
    id: 'EU',
    name: 'European Union',
    aliases: ['EU', 'the European Union'],
    kind: 'group',
    members: [
      ...join('1958', 'BEL', 'FRA', 'DEU', 'ITA', 'LUX', 'NLD'),
      ...join('1973-01-01', 'DNK', 'IRL'),
      { actor: 'GBR', from: '1973-01-01', to: '2020-01-31' },
      ...join('1981-01-01', 'GRC'),
      ...join('1986-01-01', 'ESP', 'PRT'),
      ...join('1995-01-01', 'AUT', 'FIN', 'SWE'),
      ...join('2004-05-01', 'CYP', 'CZE', 'EST', 'HUN', 'LVA', 'LTU', 'MLT', 'POL', 'SVK', 'SVN'),
      ...join('2007-01-01', 'BGR', 'ROU'),
      ...join('2013-07-01', 'HRV'),
    ],
  },
  {
    id: 'G7',
    name: 'G7',
    aliases: ['Group of Seven', 'G-7'],
    kind: 'group',
    members: [
      ...join('1975-11', 'USA', 'GBR', 'FRA', 'DEU', 'ITA', 'JPN'),
      ...join('1976-06', 'CAN'),
    ],
  },
  {
    id: 'BRICS',
    name: 'BRICS',
    aliases: ['BRIC'],
    kind: 'group',
    members: [
      ...join('2009-06', 'BRA', 'RUS', 'IND', 'CHN'),
      ...join('2010-12', 'ZAF'),
      ...join('2024-01-01', 'EGY', 'ETH', 'IRN', 'ARE'),
      ...join('2025-01-06', 'IDN'),
    ],
  },
  {
    id: 'ASEAN',
    name: 'ASEAN',
    aliases: ['Association of Southeast Asian Nations'],
    kind: 'group',
    members: [
      ...join('1967-08-08', 'IDN', 'MYS', 'PHL', 'SGP', 'THA'),
      ...join('1984-01-07', 'BRN'),
      ...join('1995-07-28', 'VNM'),
      ...join('1997-07-23', 'LAO', 'MMR'),
      ...join('1999-04-30', 'KHM'),
    ],
  },
  {
    id: 'AUKUS',
    name: 'AUKUS',
    aliases: [],
    kind: 'group',
    members: join('2021-09-15', 'AUS', 'GBR', 'USA'),
  },
  {
    id: 'QUAD',
    name: 'the Quad',
    aliases: ['Quad', 'Quadrilateral Security Dialogue'],
    kind: 'group',
    members: join('2007-05', 'AUS', 'IND', 'JPN', 'USA'),
  },
  {
    id: 'SCO',
    name: 'Shanghai Cooperation Organisation',
    aliases: ['SCO', 'Shanghai Cooperation Organization'],
    kind: 'group',
    members: [
      ...join('2001-06-15', 'CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'),
      ...join('2017-06-09', 'IND', 'PAK'),
      ...join('2023-07-04', 'IRN'),
      ...join('2024-07-04', 'BLR'),
    ],
  },
  {
    id: 'CSTO',
    name: 'CSTO',
    aliases: ['Collective Security Treaty Organization', 'Collective Security Treaty Organisation'],
    kind: 'group',
    members: join('1992-05-15', 'RUS', 'ARM', 'BLR', 'KAZ', 'KGZ', 'TJK'),
  },
  {
    id: 'WARSAW',
    name: 'Warsaw Pact',
    aliases: ['the Warsaw Pact', 'Warsaw Treaty Organization'],
    kind: 'group',
    exists: { from: '1955-05-14', to: '1991-07-01' },
    members: [
      ...join('1955-05-14', 'POL', 'HUN', 'ROU', 'BGR').map((m) => ({ ...m, to: '1991-07-01' })),
      { actor: 'ALB', from: '1955-05-14', to: '1968-09-13' },
      { actor: 'SUN', from: '1955-05-14', to: '1991-07-01' },
    ],
  },
  {
    id: 'AU',
    name: 'African Union',
    aliases: ['the African Union'],
    kind: 'group',
    members: AFRICAN_UNION,
  },
  {
    id: 'GCC',
    name: 'Gulf Cooperation Council',
    aliases: ['GCC'],
    kind: 'group',
    members: join('1981-05-25', 'SAU', 'KWT', 'ARE', 'QAT', 'BHR', 'OMN'),
  },
  {
    id: 'ECOWAS',
    name: 'ECOWAS',
    aliases: ['Economic Community of West African States'],
    kind: 'group',
    members: [
      ...join(
        '1975-05-28',
        'BEN',
        'CIV',
        'GMB',
        'GHA',
        'GIN',
        'GNB',
        'LBR',
        'NGA',
        'SEN',
        'SLE',
        'TGO',
      ),
      ...join('1975-05-28', 'MLI', 'BFA', 'NER').map((m) => ({ ...m, to: '2025-01-29' })),
      { actor: 'MRT', from: '1975-05-28', to: '2000-12' },
      { actor: 'CPV', from: '1977' },
    ],
  },
  {
    id: 'AES',
    name: 'Alliance of Sahel States',
    aliases: ['AES'],
    kind: 'group',
    members: join('2023-09-16', 'MLI', 'BFA', 'NER'),
  },
  {
    id: 'SUN',
    name: 'Soviet Union',
    aliases: ['USSR', 'the Soviet Union', 'Soviet'],
    kind: 'historical',
    members: [],
    exists: { from: '1922-12-30', to: '1991-12-26' },
    features: [
      '643',
      '804',
      '112',
      '498',
      '233',
      '428',
      '440',
      '268',
      '051',
      '031',
      '398',
      '860',
      '795',
      '417',
      '762',
    ],
    successor: 'RUS',
    anchor: [37.618, 55.756],
    anchorLabel: 'Moscow',
  },
];
