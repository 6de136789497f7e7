import type React from 'react';
import Line from '@theme-original/CodeBlock/Line';
import type LineType from '@theme/CodeBlock/Line';
import type {WrapperProps} from '@docusaurus/types';

type Props = WrapperProps<typeof LineType>;

/**
 * Code lines without style attributes: colours come from the token classes in
 * custom.css. Prism still marks an empty line's token `display: inline-block`,
 * which the line's own <br> makes unnecessary.
 */
export default function LineWrapper(props: Props): React.JSX.Element {
  const unstyled =
    <T extends object>(get: (input: T) => {style?: unknown}) =>
    (input: T) => {
      const {style: _style, ...rest} = get(input);
      return rest;
    };
  return (
    <Line
      {...props}
      getLineProps={unstyled(props.getLineProps)}
      getTokenProps={unstyled(props.getTokenProps) as Props['getTokenProps']}
    />
  );
}
