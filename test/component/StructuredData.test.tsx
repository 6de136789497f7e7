import type React from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {parse} from 'parse5';
import {describe, expect, it, vi} from 'vitest';

import {attribute, elements, textOf} from '@site/src/html/builtHtml';
import {scriptSafeJson} from '@site/src/html/scriptSafeJson';

const PAYLOAD = '</script><meta http-equiv=refresh content=0;url=https://evil.example/><!--';
const structuredData = {'@type': 'BlogPosting', headline: PAYLOAD, description: 'a & b \u2028 c'};

// Head writes a script's text into the page as it is (react-helmet does not escape it): record that text.
const written: string[] = [];
vi.mock('@docusaurus/Head', () => ({
  default: ({children}: {children: React.ReactElement<{children: string}>}) => {
    written.push(children.props.children);
    return null;
  },
}));
vi.mock('@docusaurus/plugin-content-blog/client', () => ({
  useBlogPostStructuredData: () => structuredData,
  useBlogListPageStructuredData: () => structuredData,
}));

const {default: BlogPostStructuredData} = await import('@site/src/theme/BlogPostPage/StructuredData');
const {default: BlogListPageStructuredData} = await import('@site/src/theme/BlogListPage/StructuredData');

/** The page a browser would read with `text` written raw into a JSON-LD block, parsed as it would parse it. */
function pageWith(text: string) {
  return [
    ...elements(
      parse(
        `<!doctype html><html><head><script type=application/ld+json>${text}</script></head><body><p>after</p></body></html>`,
      ),
    ),
  ];
}

describe('JSON-LD built from post text', () => {
  it('a payload written raw would end the block and navigate: the test can see it', () => {
    expect(pageWith(JSON.stringify(structuredData)).some((element) => element.tagName === 'meta')).toBe(true);
  });

  it.each([
    ['the post page', () => renderToStaticMarkup(<BlogPostStructuredData />)],
    [
      'the list page',
      () =>
        renderToStaticMarkup(
          <BlogListPageStructuredData {...({} as React.ComponentProps<typeof BlogListPageStructuredData>)} />,
        ),
    ],
  ])('on %s stays one data block that parses back to the same data', (_name, render) => {
    written.length = 0;
    render();
    expect(written).toHaveLength(1);
    const page = pageWith(written[0]);
    expect(page.map((element) => element.tagName)).toEqual(['html', 'head', 'script', 'body', 'p']);
    const block = page.find((element) => attribute(element, 'type') === 'application/ld+json')!;
    expect(JSON.parse(textOf(block))).toEqual(structuredData);
  });

  it('scriptSafeJson leaves no character that HTML or old parsers read inside a script', () => {
    expect(scriptSafeJson(structuredData)).not.toMatch(/[<>&\u2028\u2029]/);
  });
});
