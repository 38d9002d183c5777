// What the demo's seeded reviews say. The UCI orders they review are real; the words are not (the data set has no
// reviews), so they are plain and generic, as buyers of a gift shop write. A body is an opening and a detail of the
// review's star band, each pair used once, so no two reviews share a text (Shoploop holds a copied text as spam).

type Band = 1 | 2 | 3 | 4 | 5;

interface BandTexts {
  titles: string[];
  openings: string[];
  details: string[];
}

export const REVIEW_TEXTS: Record<Band, BandTexts> = {
  5: {
    titles: ['Lovely', 'Perfect gift', 'Really pleased', 'Gorgeous', 'Great value', 'Just right'],
    openings: [
      'Absolutely lovely.',
      'Even nicer than in the photos.',
      'Bought one as a present and kept one for myself.',
      'Really pleased with this.',
      'Great quality for the price.',
      'Exactly as described.',
      'My mum loved it.',
      'Second time I have ordered this and just as good.',
    ],
    details: [
      'Arrived quickly and well packed.',
      'The colours are bright and cheerful.',
      'Looks great in the kitchen.',
      'Will definitely be ordering more.',
      'Sturdy and well made.',
      'It made a perfect little gift.',
      'Wrapped carefully, not a scratch on it.',
      'A good size, not too big.',
    ],
  },
  4: {
    titles: ['Very nice', 'Good buy', 'Happy with it', 'Pretty', 'Good value'],
    openings: ['Nice piece, happy with it.', 'Good value overall.', 'Pretty and well made.', 'Does the job nicely.', 'Looks lovely on the shelf.', 'Would buy again.'],
    details: [
      'Slightly smaller than I expected.',
      'Took a few days longer to arrive than I hoped.',
      'The colour is a little paler than on screen.',
      'One edge was a bit rough, nothing major.',
      'The packaging could use less plastic.',
      'I would have liked a gift box with it.',
    ],
  },
  3: {
    titles: ['OK', 'Fine for the price', 'Average', 'Not bad'],
    openings: ['It is fine.', 'Okay for the price.', 'Not bad, not amazing.', 'Does what it says.', 'Nice idea.'],
    details: [
      'Smaller than it looks in the picture.',
      'The finish looks a bit cheap close up.',
      'The box was squashed but the item survived.',
      'The print is slightly off centre.',
      'The instructions could be clearer.',
    ],
  },
  2: {
    titles: ['Disappointed', 'Not as pictured', 'Flimsy'],
    openings: ['Disappointed, sadly.', 'Not what I expected.', 'Looked better online.', 'Would not buy again.'],
    details: ['It arrived with a chip on one corner.', 'Much flimsier than it looks.', 'The print had faded patches.', 'The handle came loose within a week.'],
  },
  1: {
    titles: ['Poor', 'Broken on arrival', 'Not happy'],
    openings: ['Sadly it arrived broken.', 'Poor quality.', 'Very disappointing.', 'Not worth the money.'],
    details: ['It fell apart after a few days.', 'Nothing like the photo.', 'The glass was cracked in the box.', 'The paint came off on my hands.'],
  },
};

/** what the shop answers under a review of one or two stars: a shop that replies is part of the demo */
export const LOW_RATING_REPLY = 'We are sorry this one was not right. We have written to you to send a replacement, and passed your note on to our supplier.';

/** first names and initials for the authors; some reviews have none and show as a verified buyer */
export const AUTHOR_NAMES = ['Sarah', 'James', 'Emma', 'David', 'Lucy', 'Tom', 'Hannah', 'Paul', 'Claire', 'Mark', 'Sophie', 'Chris', 'Rachel', 'Ian', 'Megan', 'Gareth', 'Aisha', 'Priya', 'Niamh', 'Callum'];
export const AUTHOR_INITIALS = 'ABCDEFGHJKLMNPRSTW';

/**
 * The `n`-th body of a band: an opening with a detail, each pair once, or null once every pair is used. Pairs are
 * taken in a stride coprime to their number, so successive reviews differ in both halves.
 */
export function reviewBody(band: Band, n: number): string | null {
  const { openings, details } = REVIEW_TEXTS[band];
  const pairs = openings.length * details.length;
  if (n >= pairs) return null;
  const stride = [13, 17, 19, 23, 29].find((s) => pairs % s !== 0) ?? 1;
  const pair = (n * stride) % pairs;
  return `${openings[pair % openings.length]} ${details[Math.floor(pair / openings.length)]}`;
}
