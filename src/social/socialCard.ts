import {SEVERITY_LABELS, type Severity} from '../incidents/vocabulary';
import {formatCalendarDate} from '../incidents/calendarDates';
import {escapeXml} from '../html/xmlText';

/** Link previews use a 1200 × 630 image, the size Open Graph and Twitter cards expect. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export type SocialCard = {title: string; severity: Severity; date: string; trackingId?: string};

/** Where a post's card is written in the build, from the post's permalink. */
export function socialCardPath(permalink: string): string {
  return `/img/social/${permalink.split('/').filter(Boolean).pop()}.png`;
}

/** Greedy word wrap by character count: good enough for a sans-serif title at a fixed size. */
export function wrapTitle(title: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of title.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, maxChars - 1)}…`;
  return kept;
}

const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '#b3261e',
  high: '#b3261e',
  medium: '#9a5b00',
  low: '#2e6b30',
  'not-stated': '#4a5563',
};

export function socialCardSvg({title, severity, date, trackingId}: SocialCard): string {
  const lines = wrapTitle(title, 24, 3);
  const meta = [`Incident of ${formatCalendarDate(date)}`, trackingId].filter(Boolean).join('  ·  ');
  const severityText = `Severity: ${SEVERITY_LABELS[severity]}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
  <rect width="100%" height="100%" fill="#f4f7fb"/>
  <rect width="24" height="100%" fill="#1f5f99"/>
  <text x="80" y="110" font-family="DejaVu Sans" font-size="34" font-weight="bold" fill="#1f5f99">LiteLLM incident report</text>
  ${lines.map((line, i) => `<text x="80" y="${220 + i * 82}" font-family="DejaVu Sans" font-size="68" font-weight="bold" fill="#1c1e21">${escapeXml(line)}</text>`).join('\n  ')}
  <rect x="80" y="500" width="${severityText.length * 19 + 40}" height="60" rx="30" fill="${SEVERITY_COLOURS[severity]}"/>
  <text x="100" y="541" font-family="DejaVu Sans" font-size="32" font-weight="bold" fill="#ffffff">${escapeXml(severityText)}</text>
  <text x="${80 + severityText.length * 19 + 70}" y="541" font-family="DejaVu Sans" font-size="32" fill="#3c4450">${escapeXml(meta)}</text>
</svg>`;
}
