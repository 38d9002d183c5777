// The demo shop's departments. The catalog builder sorts each product into the first category whose keywords
// appear in its name, so the order matters: "Christmas Lunch Bag" belongs to Christmas, not Bags & Storage.

export interface CategoryRule {
  /** Shown in the shop; the URL slug is derived from it by `slugify`. */
  name: string;
  /** Whole words or phrases, upper case, matched against the product's original description. */
  keywords: string[];
}

export const CATEGORY_RULES: CategoryRule[] = [
  {
    name: 'Christmas',
    keywords: ['CHRISTMAS', 'XMAS', 'SANTA', 'ADVENT', 'REINDEER', 'SNOWFLAKE', 'NATIVITY', 'BAUBLE', 'SLEIGH', 'SNOWMAN', 'CRACKERS'],
  },
  {
    name: 'Candles & Lights',
    keywords: ['T-LIGHT', 'TLIGHT', 'TEALIGHT', 'CANDLE', 'CANDLES', 'CANDLEHOLDER', 'LANTERN', 'LIGHTS', 'NIGHT LIGHT', 'LAMP', 'INCENSE', 'CHOCOLATECANDLE'],
  },
  {
    name: 'Garden & Outdoor',
    keywords: ['GARDEN', 'GARDENERS', 'FLYTRAP', 'GROW', 'DOORMAT', 'WATERING', 'PLANT', 'PLANTER', 'RAIN PONCHO', 'BIRD FEEDER', 'BIRDHOUSE', 'FLOWER POT', 'POTTING', 'SEED', 'SHED', 'TRELLIS', 'BIRD TABLE'],
  },
  {
    name: 'Toys & Games',
    keywords: [
      'TOY', 'GAME', 'SNAP CARDS', 'HARMONICA', 'PAINT SET', 'MARBLES', 'DOMINOES', 'SKIPPING ROPE',
      'SPINNING TOPS', 'JIGSAW', 'DOLL', 'GLIDERS', 'MODELLING CLAY', 'KNITTING NANCY', 'FELTCRAFT', 'DRAWING SLATE',
      'WATER BOMB', 'PAPER CRAFT', 'COLOURING', 'CHALK', 'CRAYONS', 'SOMBRERO', 'BALLOON', 'BALLOONS', 'SPACEBOY ROCKET',
      'PLAYHOUSE', 'TEA SET', 'KITE', 'PARTY BAG', 'STICKER SET', 'BINGO', 'LUDO', 'PUPPET', 'BEANBAG', 'BEAN BAG',
      'MAGIC', 'SWORD', 'SKITTLES',
    ],
  },
  {
    name: 'Baking & Party',
    keywords: [
      'CAKE CASES', 'BAKING', 'COOKIE CUTTER', 'COOKIE CUTTERS', 'CAKESTAND', 'CAKE STAND', 'DOILIES',
      'JELLY MOULDS', 'NAPKINS', 'PAPER PLATES', 'PAPER CUPS', 'BUNTING', 'PARTY', 'PETIT FOUR', 'CAKE TINS',
      'PARASOLS', 'PAPER CHAIN', 'ROSETTE',
    ],
  },
  {
    name: 'Kitchen & Dining',
    keywords: [
      'MUG', 'MUGS', 'TEACUP', 'SAUCER', 'PLATE', 'PLATES', 'BOWL', 'BOWLS', 'CUTLERY', 'JAM', 'SPICE', 'RECIPE',
      'TEA TOWEL', 'TEA TOWELS', 'OVEN GLOVE', 'LUNCH BOX', 'BEAKER', 'CUP', 'CUPS', 'TEA GLASS', 'GLASS BOWLS', 'EGG CUP', 'APRON',
      'JUG', 'TRAY', 'PANTRY', 'WASHING UP', 'TEAPOT', 'COASTER', 'COASTERS', 'BOTTLE OPENER', 'CHOPPING BOARD',
      'KITCHEN', 'DISH', 'MILK', 'SUGAR', 'COFFEE', 'JAR', 'JARS', 'STRAWS', 'PICNIC', 'SPOONS', 'SCALES', 'POPCORN',
      'BREAD BIN',
    ],
  },
  {
    name: 'Bags & Storage',
    keywords: ['BAG', 'BAGS', 'SHOPPER', 'STORAGE', 'BASKET', 'HAMPER', 'TRINKET', 'BOX', 'BOXES', 'TINS', 'DRAWER', 'CABINET', 'SNACK BOXES', 'PURSE', 'CHEST', 'CONTAINER'],
  },
  {
    name: 'Cosy & Comfort',
    keywords: ['HOT WATER BOTTLE', 'HOTTIE', 'HAND WARMER', 'PLASTERS', 'FLANNEL', 'CUSHION', 'THROW', 'BLANKET', 'SLIPPERS'],
  },
  {
    name: 'Travel & Accessories',
    keywords: [
      'NECKLACE', 'BRACELET', 'EARRINGS', 'RING', 'LIP GLOSS', 'HAIR', 'WALLET', 'KEYRING', 'KEYRINGS', 'FAN',
      'PARASOL', 'HAND WARMER', 'UMBRELLA', 'BROOCH', 'SCARF', 'HAIRCLIP', 'SEWING KIT', 'PONCHO', 'LEIS',
    ],
  },
  {
    name: 'Stationery & Gift Wrap',
    keywords: [
      'CARD', 'CARDS', 'WRAP', 'PEN', 'PENS', 'PENCIL', 'PENCILS', 'NOTEBOOK', 'NOTEBOOKS', 'TISSUES', 'GIFT TAGS',
      'STICKERS', 'ERASERS', 'ERASER', 'RULER', 'JOURNAL', 'NOTEPAD', 'ENVELOPES', 'STATIONERY', 'SCISSOR', 'PATCHES',
      'SKETCHBOOK', 'DIARY', 'CALENDAR', 'BOOKMARK', 'RIBBON', 'RIBBONS', 'MEMO',
    ],
  },
  {
    name: 'Home Decor',
    keywords: [
      'SIGN', 'FRAME', 'WICKER', 'DECORATION', 'MIRROR', 'CLOCK', 'KNOB', 'HOOK', 'COAT RACK', 'CUSHION', 'ORNAMENT',
      'HEART', 'CHALKBOARD', 'BLACK BOARD', 'MOBILE', 'WREATH', 'VASE', 'DOORSTOP', 'BELLS', 'HANGER', 'PLASTERS',
      'MONEY BANK', 'BATHROOM', 'HOME', 'BLOCK WORD', 'PEGS',
    ],
  },
];

/** Products matching no rule still need a home in the shop. */
export const FALLBACK_CATEGORY: CategoryRule = { name: 'Gifts & Novelties', keywords: [] };

function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Z0-9])${escaped}([^A-Z0-9]|$)`).test(text);
}

export function categorise(description: string): CategoryRule {
  const text = description.toUpperCase().replace(/\s+/g, ' ');
  return CATEGORY_RULES.find((rule) => rule.keywords.some((k) => containsPhrase(text, k))) ?? FALLBACK_CATEGORY;
}

/** "Candles & Lights" -> "candles-lights". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
