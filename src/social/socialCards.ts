import {readdirSync} from 'node:fs';
import path from 'node:path';
import {Worker} from 'node:worker_threads';

import type {IncidentRow} from '../incidents/incidentIndex';
import {socialCardPath, socialCardSvg} from './socialCard';

// Fonts shipped by an npm package, so cards render the same on any machine, offline.
const FONT_DIR = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const WORKER = path.join(__dirname, 'renderCards.worker.js');
const CARDS_PER_WORKER = 100;

/**
 * Renders each post's link-preview card to a PNG in the build, from its title and severity, in a worker thread per
 * batch of cards. Each Resvg keeps a few megabytes of native memory (its own font database) that V8 neither sees
 * nor collects soon: rendered in the build's own thread, a thousand cards held 3.4 GB (measured); a worker's
 * native memory goes when the worker ends.
 */
export async function writeSocialCards(rows: readonly IncidentRow[], outDir: string): Promise<void> {
  const fontFiles = readdirSync(FONT_DIR)
    .filter((file) => /^DejaVuSans(-Bold)?\.ttf$/.test(file))
    .map((file) => path.join(FONT_DIR, file));
  const cards = rows.map((row) => ({
    svg: socialCardSvg({
      title: row.title,
      severity: row.incident.severity,
      date: row.incident.date,
      trackingId: row.incident.tracking_id,
    }),
    file: path.join(outDir, socialCardPath(row.permalink)),
  }));
  for (let i = 0; i < cards.length; i += CARDS_PER_WORKER) {
    const workerData = {cards: cards.slice(i, i + CARDS_PER_WORKER), fontFiles};
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER, {workerData});
      worker.once('error', reject);
      worker.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`rendering social cards: the worker exited with code ${code}`)),
      );
    });
  }
}
