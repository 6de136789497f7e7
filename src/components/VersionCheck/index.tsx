import type React from 'react';

import Island from '@site/src/components/Island';
import {VERSION_EXAMPLES} from '@site/src/incidents/versions';
import styles from './styles.module.css';

/**
 * The "Am I affected?" form. Its answer is written by the version-check
 * island (src/islands/versionCheck.ts), in production and under `npm start`
 * alike, from every incident's versions in `versionsUrl`, fetched when a
 * version is first checked. Without JavaScript only a note shows, pointing
 * to the table's Versions column: a form that cannot answer would look broken.
 */
const startVersionCheck = () => import('@site/src/islands/versionCheck').then((island) => island.mountVersionCheck());

export default function VersionCheck({versionsUrl}: {versionsUrl: string}): React.JSX.Element {
  return (
    <section className={styles.check} aria-labelledby="version-check-title">
      <h2 id="version-check-title" className={styles.title}>
        Am I affected?
      </h2>
      <Island name="version-check" props={{versionsUrl}} startWithoutIslands={startVersionCheck}>
        <form action="/incidents" method="get" className={styles.form}>
          <label htmlFor="litellm-version">LiteLLM version</label>
          <input
            id="litellm-version"
            className="site-field"
            name="version"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="1.82.7"
            aria-describedby="version-check-hint"
          />
          <button type="submit" className="button button--primary button--sm">
            Check
          </button>
          <p id="version-check-hint" className={styles.hint}>
            As the product writes it, for example {VERSION_EXAMPLES}. The answer goes only as far as each incident's
            sources state versions.
          </p>
          <p className={styles.noScript}>
            Checking a version needs JavaScript, which this browser does not run here: compare your version with the
            Versions column of the table below.
          </p>
          <div role="status" aria-live="polite" className={styles.answer} />
        </form>
      </Island>
    </section>
  );
}
