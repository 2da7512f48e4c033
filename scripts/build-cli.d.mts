export const CLI_ENTRIES: Record<string, string>;
export function buildCli(outdir?: string): Promise<string>;
