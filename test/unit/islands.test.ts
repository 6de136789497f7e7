import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {isHtmlFirstBuild} from '../../src/plugins/islands';
import {cssModuleClassName, cssModuleLocals} from '../../src/plugins/islands/bundleIslands';
import {linksFiles} from '../../src/plugins/islands/contentStandIns';

const REPLAY_STYLES = path.resolve(__dirname, '../../src/components/LatencyReplay/styles.module.css');

describe('island bundles', () => {
  it('name a CSS-module class after its component, as the site build does', () => {
    expect(cssModuleClassName(REPLAY_STYLES, 'chart')).toBe('LatencyReplay_chart');
  });

  it('read every class a CSS module defines, and nothing that only looks like one', () => {
    const locals = cssModuleLocals(REPLAY_STYLES);
    expect(locals).toEqual(
      expect.arrayContaining(['chart', 'answered', 'waiting', 'failed', 'kubeletFailed', 'yLabel']),
    );
    expect(locals.every((name) => /^[A-Za-z_][\w-]*$/.test(name))).toBe(true);
  });
});

describe('isHtmlFirstBuild', () => {
  it('holds for production builds unless the classic runtime is asked for, never for the development server', () => {
    expect(isHtmlFirstBuild({NODE_ENV: 'production'})).toBe(true);
    expect(isHtmlFirstBuild({NODE_ENV: 'production', CLASSIC_RUNTIME: 'true'})).toBe(false);
    expect(isHtmlFirstBuild({NODE_ENV: 'development'})).toBe(false);
  });
});

describe('linksFiles: which posts the HTML-first client compile keeps', () => {
  it('keeps a post that shows or links a file, by relative or site path, inline or by definition', () => {
    expect(linksFiles('See ![the flow](./flow.png).')).toBe(true);
    expect(linksFiles('Every record: [the index](/incidents.json).')).toBe(true);
    expect(linksFiles('[log]: <./proxy log.txt>\n')).toBe(true);
    expect(linksFiles('[log]:   ./trace.csv "title"\n')).toBe(true);
  });

  it('stands in for a post whose links are pages, anchors, web addresses or mail', () => {
    const text = [
      '[the index](/incidents) and [a section](#timeline), [an issue](https://github.com/BerriAI/litellm/issues/1.json)',
      '[mail](mailto:security@example.com) [a post](/blog/prisma-reconnect-blocking-incident#fix)',
      '[pr]: https://github.com/BerriAI/litellm/pull/2.diff',
    ].join('\n');
    expect(linksFiles(text)).toBe(false);
  });
});
