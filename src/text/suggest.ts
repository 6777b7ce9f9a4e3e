import { fold } from './normalize.ts';

/**
 * The known name closest to what was written, ignoring case and diacritics, for "did you mean".
 * Only close matches count: a suggestion that is far off confuses more than it helps.
 */
export function suggest(written: string, known: Iterable<string>): string | undefined {
  const target = fold(written).replace(/[\s_]+/g, '-');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const folded = fold(candidate);
    if (folded === target) return candidate;
    const distance = levenshtein(target, folded);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  const allowed = Math.max(2, Math.floor(target.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
