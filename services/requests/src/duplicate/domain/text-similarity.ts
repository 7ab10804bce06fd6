// How alike two reports read: the Dice coefficient of their character bigrams. Chinese reports are short
// and unsegmented, so characters (not words) are the unit; whitespace and punctuation are ignored.

/** The multiset of adjacent character pairs of `text`, after dropping whitespace and punctuation. */
export function characterBigrams(text: string): Map<string, number> {
  const characters = Array.from(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]+/gu, ''),
  );
  const bigrams = new Map<string, number>();
  for (let i = 0; i + 1 < characters.length; i += 1) {
    const pair = characters[i] + characters[i + 1];
    bigrams.set(pair, (bigrams.get(pair) ?? 0) + 1);
  }
  return bigrams;
}

/**
 * Dice similarity of the two texts' character bigrams, 0 (nothing shared) to 1 (the same bigrams),
 * rounded to three decimals. Two texts too short to have a bigram are alike only when equal.
 */
export function textSimilarity(a: string, b: string): number {
  const left = characterBigrams(a);
  const right = characterBigrams(b);
  const total = sum(left) + sum(right);
  if (total === 0) return normalised(a) === normalised(b) ? 1 : 0;
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return Math.round(((2 * shared) / total) * 1000) / 1000;
}

function sum(bigrams: Map<string, number>): number {
  let total = 0;
  for (const count of bigrams.values()) total += count;
  return total;
}

function normalised(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}
