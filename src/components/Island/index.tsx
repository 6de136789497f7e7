import React from 'react';
import Head from '@docusaurus/Head';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {usePluginData} from '@docusaurus/useGlobalData';

import type {IslandName, IslandScripts} from '@site/src/plugins/islands';

type Props = {
  name: IslandName;
  /** What the island's script renders the children from again in the browser: JSON data, no functions. */
  props: object;
  children: React.ReactNode;
};

/** JSON that cannot end the <script> element it sits in. */
function scriptSafeJson(value: object): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/**
 * The one place where a component becomes an island. The server renders the
 * children as plain HTML; in the HTML-first build the page also carries their
 * props as a JSON data block and loads the island's own script, which renders
 * the same component over that HTML in the browser. In the classic build the
 * Docusaurus runtime hydrates the whole page, children included.
 */
export default function Island({name, props, children}: Props): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  const scripts = usePluginData('islands') as IslandScripts;
  const htmlFirst = siteConfig.customFields?.htmlFirst === true;
  if (htmlFirst && !scripts[name]) throw new Error(`Island "${name}" has no script: add it to ISLAND_ENTRIES in src/plugins/islands`);
  return (
    <>
      <div data-island={name}>{children}</div>
      {htmlFirst && (
        <>
          <script type="application/json" data-island-props={name} dangerouslySetInnerHTML={{__html: scriptSafeJson(props)}} />
          <Head>
            <script type="module" src={scripts[name]} />
          </Head>
        </>
      )}
    </>
  );
}
