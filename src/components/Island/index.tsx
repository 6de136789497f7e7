import type React from 'react';
import {useEffect} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {usePluginData} from '@docusaurus/useGlobalData';

import {scriptSafeJson} from '@site/src/html/scriptSafeJson';
import type {IslandName, IslandScripts} from '@site/src/plugins/islands';

type Props = {
  name: IslandName;
  /** What the island's script renders the children from again in the browser: JSON data, no functions. */
  props: object;
  /**
   * For an island whose script is framework-free (it works on the server's HTML, not through React): starts it
   * under the classic runtime (npm start), which loads no island scripts. The same script answers there.
   */
  startWithoutIslands?: () => Promise<unknown>;
  children: React.ReactNode;
};

/**
 * The one place where a component becomes an island. The server renders the
 * children as plain HTML beside their props as a JSON data block; in the
 * HTML-first build the page also carries the island's script address, which the site
 * script imports once the island comes near the viewport (so a widget far down
 * the page never competes with the first paint); the island then renders the
 * same component over that HTML. In the classic build the Docusaurus runtime
 * hydrates the whole page, children included.
 */
export default function Island({name, props, startWithoutIslands, children}: Props): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  const scripts = usePluginData('islands') as IslandScripts;
  const htmlFirst = siteConfig.customFields?.htmlFirst === true;
  useEffect(() => {
    if (!htmlFirst) void startWithoutIslands?.();
  }, [htmlFirst, startWithoutIslands]);
  if (htmlFirst && !scripts[name])
    throw new Error(`Island "${name}" has no script: add it to ISLAND_ENTRIES in src/plugins/islands`);
  return (
    <>
      <div data-island={name} data-island-script={htmlFirst ? scripts[name] : undefined}>
        {children}
      </div>
      <script
        type="application/json"
        data-island-props={name}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON escaped for a script block (scriptSafeJson), never markup
        dangerouslySetInnerHTML={{__html: scriptSafeJson(props)}}
      />
    </>
  );
}
