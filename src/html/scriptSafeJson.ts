/**
 * JSON to write as the text of a <script> data block (JSON-LD, island props).
 * HTML ends a script at the first "</script" and treats "<!--" specially
 * whatever the script's type, so post text such as a title must never reach
 * it raw: <, > and & become JSON escapes, which JSON.parse reads back as the
 * same characters. U+2028 and U+2029 are escaped for older JavaScript parsers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
