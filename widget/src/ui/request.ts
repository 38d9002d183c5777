import type { BlockConfig } from '../tracker/blocks.ts';
import { type Answer, parseAnswer } from './answer.ts';
import type { Placement } from './placement.ts';

/**
 * `GET {api}/v1/recommendations?site&visitor&scenario&item&category&limit&min` for a block; undefined when there
 * is nothing to ask (`similar` needs an item).
 */
export const recommendationsUrl = (
  { api, site }: BlockConfig,
  visitor: string,
  { scenario, item, category, limit, min }: Placement,
): string | undefined => {
  if (scenario == 'similar' && !item) return;
  const query = new URLSearchParams({ site, visitor, scenario, limit: String(limit), min: String(min) });
  if (item) query.set('item', item);
  if (category) query.set('category', category);
  return `${api}/v1/recommendations?${query}`;
};

/** The answer at `url`, or undefined for anything else: a network error, an error status, a malformed body. */
export const fetchAnswer = async (url: string): Promise<Answer | undefined> => {
  try {
    const response = await fetch(url);
    if (response.ok) return parseAnswer(await response.json());
  } catch {}
};
