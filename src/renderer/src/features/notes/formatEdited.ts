const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** "14:05" today, "12 Jan" this year, "12 Jan 2023" before: when a note was last edited, in local time. */
export function formatEdited(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (sameDay(date, now)) return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
  if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
  return date.toLocaleDateString(undefined, options);
}

export const citationCountText = (count: number) => (count === 1 ? '1 citation' : `${count} citations`);
