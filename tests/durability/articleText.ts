/** The text of crash-test article `label`: long enough that its write takes a moment, in four scripts. */
export function articleText(label: string): string {
  const sentence = `Report ${label} on the Lachin corridor: Լաչինի միջանցք, Лачинский коридор, Laçın dəhlizi.`;
  return `${sentence}\n\n${Array.from({ length: 200 }, (_, n) => `${sentence} Paragraph ${n}.`).join('\n\n')}\n`;
}

/** Words of every crash article that the worker highlights. */
export const HIGHLIGHTED = 'Лачинский коридор, Laçın dəhlizi';
