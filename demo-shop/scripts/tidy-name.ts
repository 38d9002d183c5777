// The source descriptions are shouted, abbreviated and sometimes end in stray punctuation
// ("LUNCH BAG  BLACK SKULL.", "ROTATING SILVER ANGELS T-LIGHT HLDR"). A shop shows names in title case.

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const KEEP_UPPER = new Set(['LED', 'UK', 'USA', 'DIY', 'XL']);
const ABBREVIATIONS: Record<string, string> = {
  ASSTD: 'Assorted',
  ASST: 'Assorted',
  HLDR: 'Holder',
  DES: 'Design',
  DESGN: 'Design',
  SML: 'Small',
  LRG: 'Large',
  COL: 'Colour',
  WHT: 'White',
  ANT: 'Antique',
  CHILDRENS: "Children's",
};

function tidyWord(word: string, isFirst: boolean): string {
  const upper = word.toUpperCase();
  if (KEEP_UPPER.has(upper)) return upper;
  const expanded = ABBREVIATIONS[upper];
  if (expanded) return expanded;
  const setOf = /^S(?:ET)?\/(\d+)$/.exec(upper); // "SET/20", "S/3"
  if (setOf) return `${isFirst ? 'Set' : 'set'} of ${setOf[1]}`;
  const lower = word.toLowerCase();
  if (!isFirst && SMALL_WORDS.has(lower)) return lower;
  // Capitalise each part of "T-LIGHT" or "CASH+CARRY"; leave "50's", "125g" and "3d" alone after the digits.
  return lower.replace(/(^|[-/(+])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function tidyName(description: string): string {
  const words = description
    .replace(/\bOF(\d)/gi, 'OF $1') // "SET OF4"
    .replace(/\s*,\s*/g, ', ')
    .replace(/[\s.,]+$/g, '')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  return words
    .map((w, i) => tidyWord(w, i === 0))
    .join(' ')
    .replace(/\b3d\b/g, '3D');
}
