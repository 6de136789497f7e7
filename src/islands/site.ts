/**
 * The script every page of the HTML-first build loads: what the Docusaurus
 * runtime did for a reader and CSS alone cannot. The colour-mode toggle (same
 * storage key and attributes as Docusaurus, whose inline head script has
 * already applied the stored choice before the first paint), the code blocks'
 * copy buttons, closing the mobile menu with Escape or a click elsewhere, and
 * loading each island's script when the island comes near the viewport.
 */

const STORAGE_KEY = 'theme';
type Choice = 'light' | 'dark' | null; // null: follow the system
const NEXT: Record<string, Choice> = {system: 'light', light: 'dark', dark: null};

const html = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function currentChoice(): Choice {
  const choice = html.getAttribute('data-theme-choice');
  return choice === 'light' || choice === 'dark' ? choice : null;
}

function applyChoice(choice: Choice): void {
  html.setAttribute('data-theme', choice ?? (systemDark.matches ? 'dark' : 'light'));
  html.setAttribute('data-theme-choice', choice ?? 'system');
  const mode = `${choice ?? 'system'} mode`;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.color-mode-toggle')) {
    button.disabled = false;
    button.title = mode;
    button.setAttribute('aria-label', `Switch between dark and light mode (currently ${mode})`);
  }
}

function storeChoice(choice: Choice): void {
  try {
    if (choice) localStorage.setItem(STORAGE_KEY, choice);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be off (private modes): the choice then lasts for this page.
  }
}

applyChoice(currentChoice());
systemDark.addEventListener('change', () => {
  if (currentChoice() === null) applyChoice(null);
});
// A choice made in another tab.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY)
    applyChoice(event.newValue === 'light' || event.newValue === 'dark' ? event.newValue : null);
});

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  const menu = document.querySelector<HTMLDetailsElement>('details[data-mobile-nav][open]');
  if (menu && !menu.contains(target)) menu.open = false;
  if (target.closest('button.color-mode-toggle')) {
    const choice = NEXT[currentChoice() ?? 'system'];
    applyChoice(choice);
    storeChoice(choice);
    return;
  }
  const copy = target.closest<HTMLButtonElement>('button[data-copy-code]');
  if (copy) {
    const lines = copy.closest('.theme-code-block')?.querySelectorAll('pre code .token-line') ?? [];
    const code = [...lines].map((line) => line.textContent ?? '').join('\n');
    const show = (label: string) => {
      copy.textContent = label;
      copy.setAttribute('aria-label', label === 'Copy' ? 'Copy code to clipboard' : label);
    };
    // The clipboard exists only on secure origins (https, localhost).
    (navigator.clipboard?.writeText(code) ?? Promise.reject(new Error('no clipboard')))
      .then(
        () => show('Copied'),
        () => show('Copy failed: select the code instead'),
      )
      .finally(() => setTimeout(() => show('Copy'), 1500));
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const menu = document.querySelector<HTMLDetailsElement>('details[data-mobile-nav][open]');
  if (!menu) return;
  menu.open = false;
  menu.querySelector('summary')?.focus();
});

// Islands load as they come within a screen of the viewport; each script mounts every island of its kind.
const islandScripts = new Set<string>();
const loadIsland = (root: Element) => {
  const src = root.getAttribute('data-island-script');
  if (src && !islandScripts.has(src)) {
    islandScripts.add(src);
    void import(src);
  }
};
const nearViewport = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      nearViewport.unobserve(entry.target);
      loadIsland(entry.target);
    }
  },
  {rootMargin: '100% 0px'},
);
for (const root of document.querySelectorAll('[data-island-script]')) nearViewport.observe(root);

html.setAttribute('data-site-script', 'ready');
