import type React from 'react';

import {PRODUCTION_URL} from '@site/src/site/deployment';
import styles from './styles.module.css';

/** Tells a reviewer, and anyone a preview link reaches, that this is not the published site. */
export default function PreviewBanner(): React.JSX.Element {
  return (
    <div className={styles.banner} role="note" data-preview-banner="">
      <strong>Preview deployment.</strong> This is a review copy, not the published reports, which are at{' '}
      <a href={PRODUCTION_URL}>{PRODUCTION_URL.replace('https://', '')}</a>.
    </div>
  );
}
