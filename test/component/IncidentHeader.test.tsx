import type React from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it, vi} from 'vitest';

import type {RangeOverlap} from '@site/src/incidents/affectedIncidents';
import type {IncidentMeta} from '@site/src/incidents/frontMatterSchema';
import {EXAMPLE_SOURCES} from '../support/examplePost';

vi.mock('@docusaurus/Link', () => ({
  default: ({to, href, children, ...rest}: {to?: string; href?: string; children: React.ReactNode}) => (
    <a href={to ?? href} {...rest}>
      {children}
    </a>
  ),
}));

// The timeline is tested on the built site; here it stands in as text, the header around it under test.
vi.mock('@site/src/components/IncidentTimeline', () => ({
  default: () => null,
  CitedText: ({text}: {text: string}) => text,
  StateSince: () => null,
}));

const {default: IncidentHeader} = await import('@site/src/components/IncidentHeader');

const incident = {
  date: '2026-02-16',
  duration: 'About 3 hours',
  severity: 'high',
  status: 'resolved',
  components: ['auth'],
  versions: [{package: 'pypi', fixed: '1.82.3', source: 'pr-1'}],
  cite: {date: 'product-page'},
} as unknown as IncidentMeta;
const overlap: RangeOverlap = {
  title: 'Compromised releases',
  permalink: '/blog/compromised',
  from: '1.82.3',
  versions: ['1.82.7', '1.82.8'],
};

const render = (props: Partial<React.ComponentProps<typeof IncidentHeader>>) => {
  const host = document.createElement('div');
  host.innerHTML = renderToStaticMarkup(
    <IncidentHeader
      incident={incident}
      updates={[]}
      overlaps={[[]]}
      components={{auth: {label: 'Authentication', description: 'Keys.'}} as never}
      sources={EXAMPLE_SOURCES as never}
      whatToDo="Upgrade to 1.82.3 or later[^pr-1]."
      hasPostMortem
      {...props}
    />,
  );
  return host;
};

describe('the incident header', () => {
  it('lists no revisions for a post never revised, and folds those of a revised one', () => {
    expect(render({}).querySelector('[data-incident-updates]')).toBeNull();
    const revised = render({updates: [{date: '2026-03-01', note: 'Corrected the duration.'}]});
    expect(revised.querySelector('details[data-incident-updates] li')?.textContent).toBe(
      '1 March 2026: Corrected the duration.',
    );
  });

  it('warns, with the link, in the answer and beside the statement whose range takes in another incident', () => {
    const page = render({overlaps: [[overlap]]});
    const caution = 'Caution: 1.82.3 or later includes 1.82.7 and 1.82.8, affected by Compromised releases.';
    for (const where of ['[data-what-to-do]', '[data-incident-header]']) {
      const found = [...page.querySelectorAll(`${where} [data-range-overlap]`)];
      expect(found.map((element) => element.textContent)).toEqual([caution]);
      expect(found[0].querySelector('a')?.getAttribute('href')).toBe('/blog/compromised');
    }
    expect(render({}).querySelector('[data-range-overlap]')).toBeNull();
  });
});
