export function findElectron(options?: { download?: boolean }): string | null;
