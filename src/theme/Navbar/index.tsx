import type React from 'react';
import Navbar from '@theme-original/Navbar';
import type NavbarType from '@theme/Navbar';
import type {WrapperProps} from '@docusaurus/types';

import OngoingIncidents from '@site/src/components/OngoingIncidents';

type Props = WrapperProps<typeof NavbarType>;

/** The navigation, then any ongoing incident: after the skip link and the menu in the tab order, on every page. */
export default function NavbarWrapper(props: Props): React.JSX.Element {
  return (
    <>
      <Navbar {...props} />
      <OngoingIncidents />
    </>
  );
}
