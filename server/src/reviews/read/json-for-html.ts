/**
 * JSON that is safe to inline in an HTML page inside <script type="application/ld+json">: `<`, `>` and `&`
 * (and the line separators some parsers choke on) become \u escapes, so a review saying `</script>` or `<!--`
 * cannot end the script element or start a comment. Still valid JSON, and it parses back to the same text.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
