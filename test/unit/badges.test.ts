import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {describe, expect, it} from 'vitest';

import {badgeSvg, statusBadges} from '../../src/incidents/badges';

describe('status badges', () => {
  it('are valid SVG with the status in a title and as text, escaped', () => {
    const svg = badgeSvg('Auth & <model> "access"', 'partial outage', 'major');
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ignoreAttributes: false}).parse(svg);
    expect(parsed.svg.title).toBe('Auth & <model> "access": partial outage');
    expect(parsed.svg['@_aria-label']).toBe('Auth & <model> "access": partial outage');
    expect(parsed.svg.g.text.map((text: {'#text': string}) => text['#text'])).toEqual([
      'Auth & <model> "access"',
      'partial outage',
    ]);
  });

  it('widen with their text, so a longer status is never clipped', () => {
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width(badgeSvg('LiteLLM', '1 unresolved incident, severity not stated', 'minor'))).toBeGreaterThan(
      width(badgeSvg('LiteLLM', 'All Systems Operational', 'none')),
    );
  });

  it('one for the site and one per component, each saying its status in words', () => {
    const badges = statusBadges({indicator: 'none', description: 'All Systems Operational'}, [
      {id: 'auth', name: 'Auth', status: 'operational'},
      {id: 'router', name: 'Router', status: 'degraded_performance'},
    ]);
    expect(Object.keys(badges)).toEqual(['status.svg', 'components/auth.svg', 'components/router.svg']);
    expect(badges['status.svg']).toContain('<title>LiteLLM: All Systems Operational</title>');
    expect(badges['components/router.svg']).toContain('<title>Router: degraded performance</title>');
  });
});
