/**
 * The dev server's error overlay wraps at spaces only, so a fault's file path ran off a phone's screen: this lets it
 * wrap anywhere. Loaded by `npm start` alone; the overlay is an iframe the dev server's client adds and fills itself.
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
}
