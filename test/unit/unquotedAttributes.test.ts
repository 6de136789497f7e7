import {describe, expect, it} from 'vitest';

import {unquotedAttributeFaults} from '../../src/plugins/safeMarkup/unquotedAttributes';

describe('HTML with unquoted attribute values, which MDX cannot parse', () => {
  it('is named as the allowlist names it, on its line: the element, else the attribute, else the value to quote', () => {
    const text = [
      '---',
      'description: "<img src=x>"',
      '---',
      'Intro.',
      '<img src=x onerror=alert(1)>',
      'A <span onclick=go()>span</span> and <a href=/blog/x>a link</a>.',
    ].join('\n');
    expect(unquotedAttributeFaults(text)).toEqual([
      {line: 5, message: expect.stringMatching(/^<img> is not allowed in a post \(allowed: a, abbr/)},
      {line: 6, message: '<span onclick> is not allowed: no event handlers, styles or unlisted attributes'},
      {
        line: 6,
        message:
          '<a href=/blog/x>: quote the value, href="/blog/x"; MDX reads HTML as JSX, which takes quoted values only',
      },
    ]);
  });

  it('leaves alone quoted values, code, front matter and strings inside braces', () => {
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
    ].join('\n');
    expect(unquotedAttributeFaults(text)).toEqual([]);
  });
});
