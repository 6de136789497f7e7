import path from 'node:path';
import {describe, expect, it} from 'vitest';

import {isHtmlFirstBuild} from '../../src/plugins/islands';
import {cssModuleClassName, cssModuleLocals} from '../../src/plugins/islands/bundleIslands';

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
