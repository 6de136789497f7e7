import type {SiteCopy} from './siteCopy';

const BASE_POST = 'blog/vllm_embeddings_incident/index.md';

/** A valid post, the n-th of its kind, dated some days before the base post so no date is in the future. */
function syntheticPost(base: string, n: number): string {
  const day = (offset: number) => new Date(Date.UTC(2026, 1, 16) - offset * 86_400_000).toISOString().slice(0, 10);
  const id = String(n).padStart(5, '0');
  return base
    .replace('slug: vllm-embeddings-incident', `slug: synthetic-incident-${id}`)
    .replace(/^title: "/m, `title: "Synthetic ${id}: `)
    .replace('date: "2026-02-18"\nauthors', `date: "${day(n)}"\nauthors`)
    .replace(/^( {2}date: )"2026-02-16"/m, `$1"${day(n + 1)}"`)
    .replace(/^updates:[\s\S]*?(?=^---$)/m, '');
}

/** Adds `count` synthetic posts (valid copies of a plain post) to a site copy; they never enter the repository. */
export function addSyntheticPosts(site: SiteCopy, count: number): void {
  const base = site.read(BASE_POST);
  for (let n = 1; n <= count; n++) {
    site.write(`blog/synthetic_incident_${String(n).padStart(5, '0')}/index.md`, syntheticPost(base, n));
  }
}
