/** A CSS colour for the canvas: `var(--name)` is read from the page's variables (the theme's), anything else as is. */
export function resolveColour(colour: string, from: Element = document.documentElement): string {
  const m = /^var\((--[\w-]+)\)$/.exec(colour.trim());
  if (!m) return colour;
  return getComputedStyle(from).getPropertyValue(m[1]!).trim() || '#888';
}

/** The colours of the n-th series when a chart names none: the theme's palette, repeated. */
export const paletteColour = (i: number) => `var(--series-${(i % 8) + 1})`;
