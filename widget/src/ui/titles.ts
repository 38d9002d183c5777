/** Default headings by the scenario the API served (for `auto`, the one it chose). `data-title` replaces them. */
const titles: Record<string, string> = {
  popular: 'Popular right now',
  similar: 'You may also like',
  'also-bought': 'Frequently bought together',
  'for-you': 'Picked for you',
  'recently-viewed': 'Recently viewed',
  replenish: 'Time to restock?',
  'win-back': 'We saved these for you',
  'abandoned-cart': 'Still thinking about these?',
};

/** The heading for a served scenario; a scenario added on the server later gets a neutral one. */
export const titleFor = (scenario: string): string => titles[scenario] ?? titles.similar!;
