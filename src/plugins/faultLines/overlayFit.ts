/**
 * The dev server's error overlay, as `npm start` shows a fault in a post's text (loaded by `npm start` alone).
 * It wraps at spaces only, so a fault's file path ran off a phone's screen: this lets it wrap anywhere. And once the
 * fault is fixed, the hot update runs the module the failed compile left, which throws its raw MDX error into a
 * second, "Uncaught runtime errors" overlay: so the first compile that passes after one that failed reloads the page.
 */
const OVERLAY = 'webpack-dev-server-client-overlay';

function wrapAnywhere(frame: HTMLIFrameElement) {
  const doc = frame.contentDocument;
  if (!doc?.head || doc.getElementById('fault-lines-fit')) return;
  const style = doc.createElement('style');
  style.id = 'fault-lines-fit';
  style.textContent = 'body * { overflow-wrap: anywhere; }';
  doc.head.append(style);
}

if (typeof document !== 'undefined') {
  new MutationObserver(() => {
    const frame = document.getElementById(OVERLAY);
    if (!(frame instanceof HTMLIFrameElement)) return;
    wrapAnywhere(frame);
    frame.addEventListener('load', () => wrapAnywhere(frame), {once: true});
  }).observe(document.documentElement, {childList: true, subtree: true});

  // The dev server's client posts each message it gets to the window ("webpackErrors", "webpackOk", ...).
  let failed = false;
  window.addEventListener('message', (event: MessageEvent<{type?: unknown}>) => {
    if (event.source !== window) return;
    if (event.data?.type === 'webpackErrors') failed = true;
    else if (event.data?.type === 'webpackOk' && failed) window.location.reload();
  });
}
