import {describe, expect, it} from 'vitest';

import {quoteUnquotedAttributes} from '../../src/plugins/safeMarkup/unquotedAttributes';

describe('HTML written as HTML allows it, made readable to MDX for the allowlist', () => {
  it('quotes unquoted values and closes void elements, line for line', () => {
    expect(
      quoteUnquotedAttributes(
        [
          'Intro.',
          '<img src=x onerror=alert(1)>',
          'A <span onclick=go()>span</span> and <a href=/blog/x>a link</a>.',
        ].join('\n'),
      ),
    ).toBe(
      [
        'Intro.',
        '<img src="x" onerror="alert(1)" />',
        'A <span onclick="go()">span</span> and <a href="/blog/x">a link</a>.',
      ].join('\n'),
    );
  });

  it('leaves alone quoted values, code, front matter, braces and text that only looks like a tag', () => {
    const text = [
      '---',
      'title: "<b x=1>"',
      '---',
      '<a href="/blog/x" title="y">ok</a> and `<img src=x>` inline.',
      '```html',
      '<img src=x onerror=alert(1)>',
      '```',
      "<Diagram label={'<b x=1>'} />",
      'p < 0.05 and a=b > c',
      '<b title=it"s>odd</b>',
    ].join('\n');
    expect(quoteUnquotedAttributes(text)).toBe(text);
  });
});
