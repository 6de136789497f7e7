/**
 * Loaded by `npm start` alone: shows the faults that stopped the site from reloading (siteFaults.ts) over the page,
 * in words that wrap to a phone's width, and takes them away once a reload succeeds.
 */
import {faultsToFix} from '../../faults/fault';

/** Where siteFaults.ts writes the fault lines, served by the dev server from the generated static folder. */
export const SITE_FAULTS_FILE = '/__site-faults.json';
const POLL_MS = 1500;

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

async function poll() {
  try {
    const response = await fetch(SITE_FAULTS_FILE, {cache: 'no-store'});
    // With no faults there is no file, and the dev server may answer with a page instead.
    const found = response.ok ? await response.json().catch(() => undefined) : undefined;
    show(Array.isArray(found?.lines) ? found.lines : []);
  } catch {
    // The dev server is restarting; ask again.
  }
  setTimeout(poll, POLL_MS);
}

if (typeof document !== 'undefined') poll();
