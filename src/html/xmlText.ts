/** Text as XML character data or an attribute value: SVG badges and social cards write post and component text. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;'})[c]!);
}
