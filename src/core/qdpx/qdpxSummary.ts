/**
 * What a `.qdpx` export or import did, as `marginalia export --qdpx` and `marginalia import FILE.qdpx`
 * print it with `--json`: counts of sources, codes, selections (coded passages) and notes, and
 * what was left out, each by name with the reason.
 */
export interface QdpxSummary {
  sources: number;
  codes: number;
  selections: number;
  notes: number;
  skipped: { name: string; reason: string }[];
}
