/**
 * Brings every server-rendered island called `name` on the page to life:
 * reads its props from the JSON block beside it and hands both to `start`.
 * If starting fails, the server's HTML is put back, so the reader keeps what
 * the page showed without JavaScript. No framework here: an island that
 * renders components brings its own. Each root ends marked
 * `data-island-ready` ("" or "failed"), which tests wait for.
 */
export function mountIslands<P>(name: string, start: (root: HTMLElement, props: P) => void): void {
  // Not twice: under the classic runtime a component may ask again after the module's own first call.
  for (const root of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]:not([data-island-ready])`)) {
    const data = root.nextElementSibling;
    const serverHtml = root.cloneNode(true);
    try {
      if (!(data instanceof HTMLScriptElement) || data.dataset.islandProps !== name)
        throw new Error('its props are missing');
      start(root, JSON.parse(data.textContent ?? '') as P);
      root.setAttribute('data-island-ready', '');
    } catch (error) {
      root.replaceWith(serverHtml);
      (serverHtml as HTMLElement).setAttribute('data-island-ready', 'failed');
      console.error(`The ${name} island could not start:`, error);
    }
  }
}
