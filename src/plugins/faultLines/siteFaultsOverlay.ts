/**
 * Loaded by `npm start` alone: shows the faults that stopped the site from reloading (siteFaults.ts) over the page,
 * in words that wrap to a phone's width, until a reload succeeds.
 */
import siteFaults from '@site/.generated/site-faults.json';

import {faultsToFix} from '../../faults/fault';

function show(lines: readonly string[]) {
  let panel = document.querySelector<HTMLElement>('[data-site-faults]');
  if (lines.length === 0) return panel?.remove();
  if (!panel) {
    panel = document.createElement('pre');
    panel.dataset.siteFaults = '';
    panel.setAttribute('role', 'alert');
    Object.assign(panel.style, {
      position: 'fixed',
      inset: '0 0 auto 0',
      zIndex: '10000',
      maxHeight: '100vh',
      overflow: 'auto',
      margin: '0',
      padding: '1rem',
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
      font: '14px/1.5 ui-monospace, monospace',
      color: '#fff',
      background: '#8b0000',
    });
    document.body.append(panel);
  }
  const text = `${faultsToFix(lines)}\n\nThe site did not reload: these pages are from before the change.`;
  if (panel.textContent !== text) panel.textContent = text;
}

// Written by siteFaults.ts (SITE_FAULTS_MODULE) before the first bundle; a change of it reloads the page.
if (typeof document !== 'undefined') show(siteFaults.lines);
