import anyAscii from 'any-ascii';

/**
 * Citekeys are readable and stable, in Better BibTeX's order: the author's last name (else the
 * outlet, else "anon") + year + first significant title word, transliterated to Latin, e.g.
 * `hakobyan2023lachini` (Անի Հակոբյան, «Լաչինի միջանցքը»), `urdupoint2023pashinyan` (no author). Uniqueness is the caller's: it passes
 * the keys already taken and gets the first free one (`…a`, `…b`, …).
 *
 * Transliteration is any-ascii's (issue 14): of the three maintained transliterators it is the one
 * that reads Armenian as Armenians romanize it (Հակոբյան → Hakobyan, where
 * @sindresorhus/transliterate gives "Hakvobyan"), keeps Azerbaijani ə as e (`transliteration` gives
 * "@"), and covers Georgian, Urdu and Hebrew. Its apostrophes for aspirated consonants
 * (Lach'ini, ch'iatura) are dropped rather than split on, so a word stays one word.
 */
const STOP_WORDS = new Set([
  ...['a', 'an', 'the', 'of', 'on', 'in', 'to', 'and', 'for', 'at', 'by', 'with', 'from', 'is', 'as'],
  // Russian prepositions and conjunctions as they come out transliterated (в, и, с are single letters, skipped anyway).
  ...['na', 'po', 'ob', 'iz', 'ot', 'do', 'za', 'pri', 'dlya', 'ne', 'no'],
]);

function foldToAscii(text: string): string {
  // Armenian ու is one vowel, u, in every romanization people write names in (Tumanyan, not
  // any-ascii's ISO 9985 "Towmanyan").
  return anyAscii(text.replace(/ու/g, 'u').replace(/Ու|ՈՒ/g, 'U'))
    .replace(/['`\u2019]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The first author's family name as a byline gives it: "Family, Given" by its comma, else the last
 * word ("Fatima Hasanova"). Bylines are split on "and", "&" and ";" as the CSL export splits them
 * (src/core/export/csl.ts parseByline).
 */
function firstFamilyName(byline: string): string {
  const first = byline.trim().split(/\s+(?:and|&)\s+|\s*;\s*/u)[0] ?? '';
  const comma = /^([^,]+),\s*\S/u.exec(first);
  return comma ? comma[1]! : first;
}

export interface CitekeyParts {
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
}

export function baseCitekey({ title, outlet, author, publishedAt }: CitekeyParts): string {
  const outletWord = outlet ? foldToAscii(outlet.replace(/\.(com|org|net|az|am|ru|pk|info)\b.*$/i, '')).replace(/ /g, '') : '';
  const authorWord = author ? (foldToAscii(firstFamilyName(author)).split(' ').at(-1) ?? '') : '';
  const who = authorWord || outletWord || 'anon';
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
