/** The draft generator's country table, made at build time by scripts/studio-countries.ts. */
declare module 'virtual:studio-countries' {
  /** `CountryRow` of src/lib/core/draft/table.ts (an ambient module cannot import it by path). */
  const rows: [string, string, string, string, string, string, [number, number], number, string][];
  export default rows;
}
