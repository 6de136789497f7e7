import type React from 'react';
import clsx from 'clsx';
import Buttons from '@theme-original/CodeBlock/Buttons';
import type ButtonsType from '@theme/CodeBlock/Buttons';
import type {WrapperProps} from '@docusaurus/types';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

type Props = WrapperProps<typeof ButtonsType>;

/**
 * Docusaurus renders code-block buttons in the browser only, with React. The
 * HTML-first build renders a copy button into the HTML instead; the site
 * script (src/islands/site.ts) makes it copy.
 */
export default function ButtonsWrapper(props: Props): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  if (siteConfig.customFields?.htmlFirst !== true) return <Buttons {...props} />;
  return (
    <div className={clsx(props.className, 'code-buttons')}>
      <button
        type="button"
        className="clean-btn code-copy"
        data-copy-code=""
        aria-label="Copy code to clipboard"
        title="Copy"
      >
        Copy
      </button>
    </div>
  );
}
