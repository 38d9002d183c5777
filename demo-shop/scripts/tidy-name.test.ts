import { describe, expect, test } from 'vitest';
import { tidyName } from './tidy-name.ts';

describe('tidyName', () => {
  test.each([
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'White Hanging Heart T-Light Holder'],
    ['PACK OF 72 RETROSPOT CAKE CASES', 'Pack of 72 Retrospot Cake Cases'],
    ['LUNCH BAG  BLACK SKULL.', 'Lunch Bag Black Skull'],
    ['ROTATING SILVER ANGELS T-LIGHT HLDR', 'Rotating Silver Angels T-Light Holder'],
    ['SET/20 RED RETROSPOT PAPER NAPKINS', 'Set of 20 Red Retrospot Paper Napkins'],
    ['ROUND SNACK BOXES SET OF4 WOODLAND', 'Round Snack Boxes Set of 4 Woodland'],
    ["PAPER CHAIN KIT 50'S CHRISTMAS", "Paper Chain Kit 50's Christmas"],
    ['RED TOADSTOOL LED NIGHT LIGHT', 'Red Toadstool LED Night Light'],
    ['ASSTD DESIGN 3D PAPER STICKERS', 'Assorted Design 3D Paper Stickers'],
    ['REX CASH+CARRY JUMBO SHOPPER', 'Rex Cash+Carry Jumbo Shopper'],
    ['FANCY FONT BIRTHDAY CARD,', 'Fancy Font Birthday Card'],
  ])('%s -> %s', (raw, tidy) => {
    expect(tidyName(raw)).toBe(tidy);
  });
});
