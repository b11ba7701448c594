/**
 * The searchable words of a name: lower-cased, accents folded (é -> e, å -> a; æ and ø
 * stay letters of their own), split on anything that is not a letter or digit. The
 * same function runs on stored names and on queries, so "ÅSE-marie" finds "Åse Marie".
 */
export function nameTokens(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('nb-NO');
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}
