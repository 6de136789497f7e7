import type React from 'react';
import clsx from 'clsx';

import styles from './styles.module.css';

type Step = {text: React.ReactNode; tone?: 'blocked' | 'failed' | 'ok'};

const BEFORE: Step[] = [
  {text: 'Postgres stops answering'},
  {text: 'The proxy starts a reconnect'},
  {
    text: (
      <>
        <code>await self.db.disconnect()</code> inside <code>asyncio.wait_for()</code>
      </>
    ),
  },
  {
    text: (
      <>
        <code>Popen.wait()</code> blocks in <code>waitpid</code> while the engine hangs on TCP close (30 to 120+ s)
      </>
    ),
    tone: 'blocked',
  },
  {
    text: (
      <>
        Event loop frozen: no request, no timer, no <code>/health/liveliness</code> answer
      </>
    ),
    tone: 'blocked',
  },
  {text: 'Liveness probes time out until the failure threshold is reached', tone: 'failed'},
  {text: 'The kubelet kills the pod (exit code 137)', tone: 'failed'},
];

const AFTER: Step[] = [
  {text: 'Postgres stops answering'},
  {
    text: (
      <>
        Both reconnect paths go through <code>recreate_prisma_client</code>
      </>
    ),
  },
  {
    text: (
      <>
        SIGTERM to the engine process, no <code>disconnect()</code>
      </>
    ),
  },
  {
    text: (
      <>
        <code>await asyncio.sleep(0.5)</code>: the loop keeps serving requests and probes
      </>
    ),
    tone: 'ok',
  },
  {text: 'SIGKILL if the engine is still alive'},
  {
    text: (
      <>
        A fresh <code>Prisma()</code> client is built and connected
      </>
    ),
  },
  {text: 'Probes kept answering throughout; the pod stays up', tone: 'ok'},
];

function Flow({title, steps}: {title: string; steps: Step[]}): React.JSX.Element {
  return (
    <figure className={styles.flow}>
      <figcaption className={styles.title}>{title}</figcaption>
      <ol className={styles.steps}>
        {steps.map((step, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed steps of a static diagram, never reordered
          <li key={i} className={clsx(styles.step, step.tone && styles[step.tone])}>
            {step.text}
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** The reconnect flow before and after PR #26225, as plain HTML so it needs no script or network. */
export default function ReconnectFlowDiagram(): React.JSX.Element {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group of two figures; a fieldset would be a form control group
    <div className={styles.diagram} role="group" aria-label="Reconnect flow before and after the fix">
      <Flow title="Before the fix" steps={BEFORE} />
      <Flow title="After the fix (PR #26225)" steps={AFTER} />
    </div>
  );
}
