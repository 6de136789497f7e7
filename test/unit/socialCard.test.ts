import {describe, expect, it} from 'vitest';

import {socialCardPath, socialCardSvg, wrapTitle} from '../../src/social/socialCard';

describe('social cards', () => {
  it('are named after the post slug', () => {
    expect(socialCardPath('/blog/prisma-reconnect-blocking-incident')).toBe(
      '/img/social/prisma-reconnect-blocking-incident.png',
    );
  });

  it('wrap a title into lines that fit, and shorten what does not', () => {
    expect(wrapTitle('vLLM embeddings broken by encoding_format', 24, 3)).toEqual([
      'vLLM embeddings broken',
      'by encoding_format',
    ]);
    const long = wrapTitle('one two three four five six seven eight nine ten eleven twelve', 10, 2);
    expect(long).toHaveLength(2);
    expect(long[1].endsWith('…')).toBe(true);
  });

  it('show the title, severity, date and tracking id, with text escaped for XML', () => {
    const svg = socialCardSvg({
      title: 'A <b> & "c"',
      severity: 'not-stated',
      date: '2026-04-21',
      trackingId: 'LIT-2614',
    });
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).toContain('Severity: Not stated');
    expect(svg).toContain('Incident of 21 April 2026  ·  LIT-2614');
    expect(svg).not.toContain('<b>');
  });
});
