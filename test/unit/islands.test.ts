import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {isHtmlFirstBuild} from '../../src/plugins/islands';
import {cssModuleClassName, cssModuleLocals} from '../../src/plugins/islands/bundleIslands';
import {namesAFile} from '../../src/plugins/islands/contentStandIns';

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

describe('namesAFile: which posts the HTML-first client compile keeps', () => {
  const files = ['flow.png', 'incidents.json', 'proxy log.txt', 'a(1).csv', 'esc)aped.csv', 'ent.csv'];

  it('keeps a post that names a file it could show or link, however the link is written', () => {
    for (const text of [
      'See ![the flow](./flow.png).',
      'Every record: [the index](/incidents.json).',
      '[log]: <./proxy log.txt>\n',
      '[t](./a(1).csv)',
      '[t](\n./a(1).csv)',
      '[t](./esc\\)aped.csv)',
      '[t](./ent&#46;csv) and [u](./ent&#x2e;csv)',
      '[t](./a%281%29.csv)',
      '[a diagram](../other_post/flow.png "from another post")',
    ])
      expect(namesAFile(text, files), text).toBe(true);
  });

  it('stands in for a post that names none', () => {
    const text = [
      '[the index](/incidents) and [a section](#timeline), [an issue](https://github.com/BerriAI/litellm/issues/1)',
      '[mail](mailto:security@example.com) [a post](/blog/prisma-reconnect-blocking-incident#fix) v1.82.7',
    ].join('\n');
    expect(namesAFile(text, files)).toBe(false);
  });
});
