/**
 * Status badges for READMEs and dashboards: a small static SVG per component and one for the site, in the
 * two-part form shields.io made familiar (what, then its status), written from the Statuspage-shaped status so the
 * two never disagree. Text only, no script, no external font: any viewer draws it the same.
 */
import {escapeXml} from '../html/xmlText';
import {COMPONENT_STATUS} from './statuspage';
import type {ComponentStatus, Impact} from './statuspageSchema';

export const BADGES_PATH = '/badges';

const COMPONENT_WORDS: Record<ComponentStatus, string> = {
  operational: 'operational',
  degraded_performance: 'degraded performance',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
};
/** Backgrounds on which white 11 px text has a contrast of 4.5:1 or more. */
const TONE: Record<Impact, string> = {none: '#2e6b30', minor: '#8a4b00', major: '#b3261e', critical: '#7a1212'};
/** The impact a component's status stands for, to colour its badge as the site's. */
const IMPACT_OF = Object.fromEntries(
  Object.entries(COMPONENT_STATUS).map(([impact, status]) => [status, impact]),
) as Record<ComponentStatus, Impact>;

/** A generous width for 11 px sans-serif text, so no viewer's font overflows its box. */
const textWidth = (text: string) => Math.ceil(text.length * 7) + 12;

export function badgeSvg(subject: string, status: string, impact: Impact): string {
  const left = textWidth(subject);
  const right = textWidth(status);
  const width = left + right;
  const title = `${subject}: ${status}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${left}" height="20" fill="#4a4a4a"/>`,
    `<rect x="${left}" width="${right}" height="20" fill="${TONE[impact]}"/>`,
    '<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">',
    `<text x="${left / 2}" y="14">${escapeXml(subject)}</text>`,
    `<text x="${left + right / 2}" y="14">${escapeXml(status)}</text>`,
    '</g></svg>',
  ].join('');
}

/** Every badge, by its path under BADGES_PATH: `status.svg` for the site, `components/<key>.svg` for each component. */
export function statusBadges(
  site: {indicator: Impact; description: string},
  components: readonly {id: string; name: string; status: ComponentStatus}[],
): Record<string, string> {
  return {
    'status.svg': badgeSvg('LiteLLM', site.description, site.indicator),
    ...Object.fromEntries(
      components.map(({id, name, status}) => [
        `components/${id}.svg`,
        badgeSvg(name, COMPONENT_WORDS[status], IMPACT_OF[status]),
      ]),
    ),
  };
}
