import type React from 'react';
import clsx from 'clsx';
import ColorModeToggle from '@theme-original/ColorModeToggle';
import type ColorModeToggleType from '@theme/ColorModeToggle';
import type {WrapperProps} from '@docusaurus/types';

type Props = WrapperProps<typeof ColorModeToggleType>;

/** Docusaurus' toggle, marked so the HTML-first build's site script (src/islands/site.ts) can run it. */
export default function ColorModeToggleWrapper(props: Props): React.JSX.Element {
  return <ColorModeToggle {...props} buttonClassName={clsx(props.buttonClassName, 'color-mode-toggle')} />;
}
