/** The studio's country table, made at build time by scripts/studio-countries.ts. */
declare module 'virtual:studio-countries' {
  /** Alpha-3, numeric, common name, official name, capital, [lon, lat], demonym. */
  const rows: [string, string, string, string, string, [number, number], string][];
  export default rows;
}
