import type React from 'react';

import styles from './styles.module.css';

/**
 * Under `npm start` only: what is wrong with a post's front matter, shown in
 * place of its incident header, so the author sees it where they look. The
 * production build fails on the same lines instead.
 */
export default function PostFaults({faults}: {faults: readonly string[]}): React.JSX.Element {
  return (
    <section className={styles.faults} role="alert" aria-labelledby="post-faults-title" data-post-faults="">
      <h2 id="post-faults-title" className={styles.title}>
        This post cannot be published yet
      </h2>
      <p>
        Fix these in the file; this page updates when you save. The build and <code>npm run check</code> report the
        same.
      </p>
      <ul>
        {faults.map((fault) => (
          <li key={fault}>
            <code>{fault}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
