/**
 * A JSON string literal (skipped whole, so digits inside text are never touched), or an integer of 16 or more
 * digits standing on its own (not the fraction or exponent of another number).
 */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?[1-9]\d{15,}(?![\d.eE])/g;

/**
 * Parses JSON, keeping an integer too large for a double (beyond 2^53) as its digits, a string. Shopify's REST
 * payloads carry 64-bit ids as bare numbers (its own sample order is 820982911946154508, which `JSON.parse`
 * reads as …500): two orders would share one id. Shopify's docs point apps at `admin_graphql_api_id` for the
 * exact value; that field names the order only, not its products, variants or customer, so the digits are kept
 * here for every id.
 */
export function parseJsonKeepingLongIntegers(text: string): unknown {
  return JSON.parse(
    text.replace(STRING_OR_LONG_INTEGER, (token) => (token.startsWith('"') || Number.isSafeInteger(Number(token)) ? token : `"${token}"`)),
  );
}
