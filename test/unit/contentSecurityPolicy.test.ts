import {parse} from 'parse5';
import {describe, expect, it} from 'vitest';

import {inlineCode} from '../../src/security/contentSecurityPolicy';

const THEME_SCRIPT = '!function(){var t=function(){try{return window.localStorage.getItem("theme")}catch(t){}}()}()';
const SPRITE = '<svg style="display: none;"><defs></defs></svg>';
const page = (body: string) => inlineCode(parse(`<!doctype html><html><head></head><body>${body}</body></html>`));
const known = (body: string) => page(body).map(({kind, known: name}) => [kind, name]);

describe('inline code the policy may allow', () => {
  it("recognises the theme's script and sprite where the theme puts them, before the app's root", () => {
    expect(known(`${SPRITE}<script>${THEME_SCRIPT}</script><div id=__docusaurus><p>Post</p></div>`)).toEqual([
      ['styleAttributes', "the theme's hidden SVG sprite"],
      ['scripts', "the theme's colour-mode script"],
    ]);
  });

  it('does not recognise the same text anywhere a page could put it', () => {
    // Inside the root, after it (where markup that closes the root's elements lands), or with no root at all.
    expect(known(`<div id=__docusaurus><script>${THEME_SCRIPT}</script></div>`)).toEqual([['scripts', undefined]]);
    expect(known(`<div id=__docusaurus></div><script>${THEME_SCRIPT}</script>`)).toEqual([['scripts', undefined]]);
    expect(known(`<script>${THEME_SCRIPT}</script>`)).toEqual([['scripts', undefined]]);
    expect(known(`<div id=__docusaurus><span style="display: none;">x</span></div>`)).toEqual([
      ['styleAttributes', undefined],
    ]);
  });

  it('trusts neither copy when a known script appears twice on one page', () => {
    expect(
      known(`<script>${THEME_SCRIPT}</script><script>${THEME_SCRIPT};alert(1)</script><div id=__docusaurus></div>`),
    ).toEqual([
      ['scripts', undefined],
      ['scripts', undefined],
    ]);
  });

  it('leaves data blocks and external scripts to other directives', () => {
    expect(
      page('<script type=application/ld+json>{}</script><script src=/a.js></script><div id=__docusaurus></div>'),
    ).toEqual([]);
  });
});
