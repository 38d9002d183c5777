/**
 * A rough category from a UCI product description, so the catalog learned from the replay has something to
 * group by. The file has no categories; these keyword rules are checked in order, the first match wins, and a
 * description that matches none gets no category (the event leaves `item_category` out).
 */
const rules: Array<[category: string, keywords: RegExp]> = [
  ['Christmas', /\b(CHRISTMAS|XMAS|ADVENT|SANTA|REINDEER|SNOWFLAKE|BAUBLE)/],
  ['Easter', /\b(EASTER|EGG HUNT|CHICK)/],
  ['Jewellery', /\b(NECKLACE|EARRINGS?|BRACELET|RING|CHARM|BEAD|DIAMANTE|BROOCH|BLING)\b/],
  ['Bags', /\b(BAG|BAGS|PURSE|TOTE|SHOPPER|RUCKSACK)\b/],
  ['Candles & lights', /\b(CANDLES?|T-LIGHTS?|TEALIGHTS?|LANTERN|LIGHTS?|LAMP)\b/],
  ['Kitchen & dining', /\b(MUGS?|CUPS?|SAUCER|PLATES?|BOWLS?|CUTLERY|TEA|CAKE|BAKING|JAR|TRAY|NAPKINS?|LUNCH|KITCHEN|PANTRY|BOTTLE|TEAPOT|APRON|TIN|TINS)\b/],
  ['Cards & paper', /\b(CARDS?|PAPER|WRAP|NOTEBOOK|STICKERS?|ENVELOPES?|PENCILS?|PEN|STATIONERY|TAPE|NOTE)\b/],
  ['Party', /\b(PARTY|BUNTING|GARLAND|BALLOONS?|BIRTHDAY)\b/],
  ['Toys & children', /\b(TOY|DOLLY|DOLL|GAME|PUZZLE|CHILDRENS|SPACEBOY|PLAYHOUSE|JIGSAW|KIDS)\b/],
  ['Garden', /\b(GARDEN|PLANT|WATERING|BIRD HOUSE|FLOWER POT|PLANTER)\b/],
  ['Home decor', /\b(SIGN|FRAME|MIRROR|CLOCK|CUSHION|DOORMAT|HOOK|DRAWER|DECORATION|ORNAMENT|VASE|WALL|HOLDER|BOX|STORAGE)\b/],
];

export function productCategory(description: string): string | undefined {
  const text = description.toUpperCase();
  return rules.find(([, keywords]) => keywords.test(text))?.[0];
}
