import type React from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

import PreviewBanner from '@site/src/components/PreviewBanner';

/** Wraps every page: adds the preview banner on preview deploys (no inline script, so the CSP stays the same). */
export default function Root({children}: {children: React.ReactNode}): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  return (
    <>
      {siteConfig.customFields?.preview === true && <PreviewBanner />}
      {children}
    </>
  );
}
