/**
 * Organisations and groupings a news article names, with their members (ISO 3166-1 alpha-3)
 * and the dates they joined, for `draft`. Dates are those of the organisations' own records;
 * a draft is checked by its writer before it is published.
 */
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

/** Members that joined on one date (and left on one, if `to`), from a list of codes. */
const join = (from: string, codes: string, to?: string) =>
  codes.split(' ').map((actor) => ({ actor, from, ...(to && { to }) }));

/** A group of countries: most entries are only a name, the words for it and its members. */
const group = (
  id: string,
  name: string,
  aliases: string[],
  members: GroupEntry['members'],
  more: Partial<GroupEntry> = {},
): GroupEntry => ({ id, name, aliases, kind: 'group', members, ...more });

/**
 * Member states of the African Union (55): the UN's African states and the Sahrawi Republic,
 * dated from the Union's founding, Morocco from its joining (30 January 2017).
 */
const AFRICAN_UNION = (
  'AGO BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ESH ETH GAB GHA GIN GMB GNB ' +
  'GNQ KEN LBR LBY LSO MAR MDG MLI MOZ MRT MUS MWI NAM NER NGA RWA SDN SEN SLE SOM SSD STP SWZ ' +
  'SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE'
)
  .split(' ')
  .map((actor) => ({ actor, from: actor === 'MAR' ? '2017-01-30' : '2002-07-09' }));

export const GROUPS: GroupEntry[] = [
  group(
    'NATO',
    'NATO',
    ['North Atlantic Treaty Organization', 'the Atlantic alliance'],
    [
      ...join('1949-08-24', 'BEL CAN DNK FRA ISL ITA LUX NLD NOR PRT GBR USA'),
      ...join('1952-02-18', 'GRC TUR'),
      ...join('1955-05-06', 'DEU'),
      ...join('1982-05-30', 'ESP'),
      ...join('1999-03-12', 'CZE HUN POL'),
      ...join('2004-03-29', 'BGR EST LVA LTU ROU SVK SVN'),
      ...join('2009-04-01', 'ALB HRV'),
      ...join('2017-06-05', 'MNE'),
      ...join('2020-03-27', 'MKD'),
      ...join('2023-04-04', 'FIN'),
      ...join('2024-03-07', 'SWE'),
    ],
    { anchor: [4.425, 50.879], anchorLabel: 'Brussels' },
  ),
  {
    id: 'UNSC',
    name: 'UN Security Council',
    aliases: ['United Nations Security Council', 'Security Council', 'UNSC'],
    kind: 'organization',
    // The permanent members; Russia holds the Soviet Union's seat since December 1991.
    members: [...join('1945-10-24', 'CHN FRA GBR USA'), ...join('1991-12-24', 'RUS')],
    anchor: [-73.968, 40.749],
    anchorLabel: 'New York',
  },
  group(
    'EU',
    'European Union',
    ['EU', 'the European Union'],
    [
      ...join('1958', 'BEL FRA DEU ITA LUX NLD'),
      ...join('1973-01-01', 'DNK IRL'),
      ...join('1973-01-01', 'GBR', '2020-01-31'),
      ...join('1981-01-01', 'GRC'),
      ...join('1986-01-01', 'ESP PRT'),
      ...join('1995-01-01', 'AUT FIN SWE'),
      ...join('2004-05-01', 'CYP CZE EST HUN LVA LTU MLT POL SVK SVN'),
      ...join('2007-01-01', 'BGR ROU'),
      ...join('2013-07-01', 'HRV'),
    ],
  ),
  group(
    'G7',
    'G7',
    ['Group of Seven', 'G-7'],
    [...join('1975-11', 'USA GBR FRA DEU ITA JPN'), ...join('1976-06', 'CAN')],
  ),
  group(
    'BRICS',
    'BRICS',
    ['BRIC'],
    [
      ...join('2009-06', 'BRA RUS IND CHN'),
      ...join('2010-12', 'ZAF'),
      ...join('2024-01-01', 'EGY ETH IRN ARE'),
      ...join('2025-01-06', 'IDN'),
    ],
  ),
  group(
    'ASEAN',
    'ASEAN',
    ['Association of Southeast Asian Nations'],
    [
      ...join('1967-08-08', 'IDN MYS PHL SGP THA'),
      ...join('1984-01-07', 'BRN'),
      ...join('1995-07-28', 'VNM'),
      ...join('1997-07-23', 'LAO MMR'),
      ...join('1999-04-30', 'KHM'),
    ],
  ),
  group('AUKUS', 'AUKUS', [], join('2021-09-15', 'AUS GBR USA')),
  group(
    'QUAD',
    'the Quad',
    ['Quad', 'Quadrilateral Security Dialogue'],
    join('2007-05', 'AUS IND JPN USA'),
  ),
  group(
    'SCO',
    'Shanghai Cooperation Organisation',
    ['SCO', 'Shanghai Cooperation Organization'],
    [
      ...join('2001-06-15', 'CHN KAZ KGZ RUS TJK UZB'),
      ...join('2017-06-09', 'IND PAK'),
      ...join('2023-07-04', 'IRN'),
      ...join('2024-07-04', 'BLR'),
    ],
  ),
  group(
    'CSTO',
    'CSTO',
    ['Collective Security Treaty Organization', 'Collective Security Treaty Organisation'],
    join('1992-05-15', 'RUS ARM BLR KAZ KGZ TJK'),
  ),
  group(
    'WARSAW',
    'Warsaw Pact',
    ['the Warsaw Pact', 'Warsaw Treaty Organization'],
    [
      ...join('1955-05-14', 'POL HUN ROU BGR', '1991-07-01'),
      ...join('1955-05-14', 'ALB', '1968-09-13'),
      ...join('1955-05-14', 'SUN', '1991-07-01'),
    ],
    { exists: { from: '1955-05-14', to: '1991-07-01' } },
  ),
  group('AU', 'African Union', ['the African Union'], AFRICAN_UNION),
  group('GCC', 'Gulf Cooperation Council', ['GCC'], join('1981-05-25', 'SAU KWT ARE QAT BHR OMN')),
  group(
    'ECOWAS',
    'ECOWAS',
    ['Economic Community of West African States'],
    [
      ...join('1975-05-28', 'BEN CIV GMB GHA GIN GNB LBR NGA SEN SLE TGO'),
      ...join('1975-05-28', 'MLI BFA NER', '2025-01-29'),
      ...join('1975-05-28', 'MRT', '2000-12'),
      ...join('1977', 'CPV'),
    ],
  ),
  group('AES', 'Alliance of Sahel States', ['AES'], join('2023-09-16', 'MLI BFA NER')),
  {
    id: 'SUN',
    name: 'Soviet Union',
    aliases: ['USSR', 'the Soviet Union', 'Soviet'],
    kind: 'historical',
    members: [],
    exists: { from: '1922-12-30', to: '1991-12-26' },
    features: '643 804 112 498 233 428 440 268 051 031 398 860 795 417 762'.split(' '),
    successor: 'RUS',
    anchor: [37.618, 55.756],
    anchorLabel: 'Moscow',
  },
];
