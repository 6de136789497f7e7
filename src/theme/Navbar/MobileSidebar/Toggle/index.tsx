import type React from 'react';
import Toggle from '@theme-original/Navbar/MobileSidebar/Toggle';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

import MobileMenu from '@site/src/components/MobileMenu';

/**
 * On a phone Docusaurus opens its navigation with React. The HTML-first build
 * puts a menu that opens without JavaScript in the hamburger's place.
 */
export default function ToggleWrapper(): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  return siteConfig.customFields?.htmlFirst === true ? <MobileMenu /> : <Toggle />;
}
