import type React from 'react';
import {useThemeConfig} from '@docusaurus/theme-common';
import NavbarItem from '@theme/NavbarItem';
import IconMenu from '@theme/Icon/Menu';
import NavbarColorModeToggle from '@theme/Navbar/ColorModeToggle';

import styles from './styles.module.css';

/**
 * The navigation on a phone, as a disclosure: it opens and closes without
 * JavaScript and by keyboard, and lists every navbar item and the colour-mode
 * toggle, which the navbar hides on phones (the site script adds closing it
 * with Escape or a click elsewhere).
 */
export default function MobileMenu(): React.JSX.Element {
  const {navbar} = useThemeConfig();
  return (
    <details className={styles.menu} data-mobile-nav="">
      <summary className={styles.toggle} aria-label="Menu">
        <IconMenu />
      </summary>
      <nav className={styles.panel} aria-label="Menu">
        <ul className="menu__list">
          {navbar.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the configured items, fixed at build time, never reordered
            <NavbarItem key={i} mobile {...(item as React.ComponentProps<typeof NavbarItem>)} />
          ))}
        </ul>
        <div className={styles.colorMode}>
          Colour mode <NavbarColorModeToggle />
        </div>
      </nav>
    </details>
  );
}
