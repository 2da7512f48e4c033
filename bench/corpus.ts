import { createHash } from 'node:crypto';
import type { NewSource } from '../src/core/sources';
import type { Random } from './random';
import { pick, randomInt, seededRandom, ZipfSampler } from './random';
import type { Vocabulary } from './vocabulary';
import { makeAuthors, makeVocabularies, NAMES, OUTLETS } from './vocabulary';

/**
 * A seeded synthetic news library: 80 % Latin-script articles, 12 % Cyrillic, 8 % Armenian; words
 * drawn from Zipf distributions over each script's vocabulary; real place names with diacritics
 * sprinkled in; outlets, bylines and dates like real metadata. Article i depends only on (seed, i),
 * so the floor and the API import byte-identical text, generated outside the timed sections.
 */
export interface Corpus {
  seed: number;
  vocabularies: Vocabulary[];
  samplers: ZipfSampler[];
  authors: string[];
}

export interface BenchArticle extends NewSource {
  index: number;
}

/** Zipf exponent of word frequencies; about 1 for news text. */
const ZIPF_EXPONENT = 1;
/** Titles skip the commonest words (the "the, of, and" of each script). */
const TITLE_MIN_RANK = 30;
const FIRST_DAY = Date.UTC(2010, 0, 1);
const DAYS = 15 * 365;

export function createCorpus(seed: number): Corpus {
  const random = seededRandom(seed);
  const vocabularies = makeVocabularies(random);
  return {
    seed,
    vocabularies,
    samplers: vocabularies.map((vocabulary) => new ZipfSampler(vocabulary.words.length, ZIPF_EXPONENT)),
    authors: makeAuthors(random, vocabularies[0]!.words, 3000),
  };
}

/** An independent stream per article: mixes seed and index (murmur3's finalizer). */
function articleRandom(seed: number, index: number): Random {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ index;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return seededRandom((h ^ (h >>> 16)) >>> 0);
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function sentence(random: Random, words: readonly string[], sampler: ZipfSampler, length: number): string {
  const parts: string[] = [];
  for (let w = 0; w < length; w++) {
    let word = random() < 0.003 ? pick(random, NAMES) : words[sampler.sample(random)]!;
    if (w === 0) word = capitalize(word);
    if (w < length - 1 && random() < 0.06) word += ',';
    parts.push(word);
  }
  return `${parts.join(' ')}.`;
}

export function generateArticle(corpus: Corpus, index: number): BenchArticle {
  const random = articleRandom(corpus.seed, index);
  const roll = random();
  const script = roll < 0.8 ? 0 : roll < 0.92 ? 1 : 2;
  const { words } = corpus.vocabularies[script]!;
  const sampler = corpus.samplers[script]!;

  const titleWords: string[] = [];
  const titleLength = randomInt(random, 4, 10);
  while (titleWords.length < titleLength) {
    const rank = sampler.sample(random);
    if (rank >= TITLE_MIN_RANK) titleWords.push(words[rank]!);
  }
  const title = capitalize(titleWords.join(' '));

  const paragraphs: string[] = [];
  let remaining = randomInt(random, 150, 650);
  while (remaining > 0) {
    const sentences: string[] = [];
    for (let s = randomInt(random, 2, 6); s > 0 && remaining > 0; s--) {
      const length = Math.min(remaining, randomInt(random, 8, 25));
      sentences.push(sentence(random, words, sampler, length));
      remaining -= length;
    }
    paragraphs.push(sentences.join(' '));
  }
  const body = paragraphs.join('\n\n');

  const original = Buffer.from(`${title}\n\n${body}\n`, 'utf8');
  return {
    index,
    title,
    outlet: pick(random, OUTLETS),
    author: random() < 0.8 ? pick(random, corpus.authors) : null,
    publishedAt: random() < 0.95 ? new Date(FIRST_DAY + randomInt(random, 0, DAYS) * 86_400_000).toISOString().slice(0, 10) : null,
    url: `https://example.org/article/${index}`,
    language: ['en', 'ru', 'hy'][script]!,
    body,
    fileName: `article-${index}.txt`,
    original,
    sha256: createHash('sha256').update(original).digest('hex'),
  };
}

/** Articles 0..count-1 in batches (one transaction each in the import section). */
export function* articleBatches(corpus: Corpus, count: number, batchSize: number): Generator<BenchArticle[]> {
  for (let start = 0; start < count; start += batchSize) {
    const batch: BenchArticle[] = [];
    for (let index = start; index < Math.min(count, start + batchSize); index++) batch.push(generateArticle(corpus, index));
    yield batch;
  }
}
