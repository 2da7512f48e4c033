/**
 * Citekeys are readable and stable: outlet (or author, or "anon") + year + first significant title
 * word, folded to ASCII, e.g. `urdupoint2023pashinyan`. Uniqueness is the caller's: it passes the
 * keys already taken and gets the first free one (`…a`, `…b`, …).
 */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'to', 'and', 'for', 'at', 'by', 'with', 'from', 'is', 'as']);

function foldToAscii(text: string): string {
  return text
    .replace(/ı/g, 'i')
    .replace(/ə/g, 'e')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface CitekeyParts {
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
}

export function baseCitekey({ title, outlet, author, publishedAt }: CitekeyParts): string {
  const outletWord = outlet ? foldToAscii(outlet.replace(/\.(com|org|net|az|am|ru|pk|info)\b.*$/i, '')).replace(/ /g, '') : '';
  const authorWord = author ? (foldToAscii(author).split(' ').at(-1) ?? '') : '';
  const who = outletWord || authorWord || 'anon';
  const year = publishedAt?.slice(0, 4) ?? '';
  const titleWord = foldToAscii(title).split(' ').find((word) => word.length > 1 && !STOP_WORDS.has(word)) ?? '';
  return `${who}${year}${titleWord}`.slice(0, 60) || 'source';
}

export function uniqueCitekey(base: string, isTaken: (key: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 0; ; n++) {
    // a, b, …, z, aa, ab, … as BibTeX users expect
    let suffix = '';
    let k = n;
    do {
      suffix = String.fromCharCode(97 + (k % 26)) + suffix;
      k = Math.floor(k / 26) - 1;
    } while (k >= 0);
    if (!isTaken(base + suffix)) return base + suffix;
  }
}
