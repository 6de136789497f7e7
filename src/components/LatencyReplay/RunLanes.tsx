import type React from 'react';
import clsx from 'clsx';

import {axisTicks, LANES, type LaneId, type Segment, spokenState} from '@site/src/replay/lanes';
import type {RunMoment} from '@site/src/replay/replayView';
import type {ProbeAtTime} from '@site/src/replay/probeTimeline';
import {formatMs} from '@site/src/replay/probeTimeline';
import styles from './styles.module.css';

/** Log scale from 1 ms to 10 s: both a healthy 2 ms answer and a 10 s timeout stay readable. */
const DECADES = [1, 10, 100, 1000, 10_000];
const DECADE_LABELS = ['1 ms', '10 ms', '100 ms', '1 s', '10 s'];
const HEIGHT = 100;
const PROBE_STATES = Object.keys(LANES.probes.states) as ProbeAtTime['state'][];

/** Two decimals of a 1000 × 100 drawing are finer than any screen shows, and keep the page's HTML small. */
const round = (value: number) => Math.round(value * 100) / 100;

export function latencyFraction(ms: number): number {
  return Math.min(1, Math.max(0, Math.log10(Math.max(ms, 1)) / 4));
}

/** The grid lines, a decade apart, as one path. */
const GRID = DECADES.map((ms) => `M0 ${HEIGHT * (1 - latencyFraction(ms))}H1000`).join('');

type Props = {
  title: string;
  moment: RunMoment;
  timeMs: number;
  durationMs: number;
  intervalMs: number;
  outageAtMs: number;
};

function describeSegments(lane: LaneId, segments: readonly Segment<string>[]) {
  return segments.map((s) => `${spokenState(lane, s.state)} ${formatMs(s.startMs)} to ${formatMs(s.endMs)}`).join('; ');
}

/**
 * One run as lanes on a shared time axis: the probes seen from outside, the
 * event loop as its heartbeat saw it, the engine process, and the kubelet's
 * probes with the restart. Bars and stretches are drawn in stretched SVGs;
 * every text sits outside them, so it stays legible on a phone; positions
 * come from SVG attributes and classes, never style attributes, which the
 * Content-Security-Policy does not allow.
 */
export default function RunLanes({
  title,
  moment,
  timeMs,
  durationMs,
  intervalMs,
  outageAtMs,
}: Props): React.JSX.Element {
  const x = (ms: number) => round((ms / durationMs) * 1000);
  const barWidth = round(Math.max(x(intervalMs) * 0.7, 0.5));
  /**
   * Every bar of one state as one path of vertical strokes as wide as a bar (the drawing stretches only
   * sideways, so the strokes stretch with it): a run has hundreds of probes, and a rect each would double
   * the page's HTML.
   */
  const bars = (probes: readonly ProbeAtTime[], state: ProbeAtTime['state']) =>
    probes
      .filter((probe) => probe.state === state)
      .map(
        (probe) =>
          `M${round(x(probe.sentAtMs) + barWidth / 2)} ${HEIGHT}V${round(HEIGHT * (1 - latencyFraction(probe.latencyMs)))}`,
      )
      .join('');
  const percent = (ms: number) => `${round((Math.min(ms, durationMs) / durationMs) * 100)}%`;
  const markLine = (className: string, atMs: number) => <path className={className} d={`M${x(atMs)} 0V${HEIGHT}`} />;
  // Lines every lane shares: the outage, the restart once it has happened, and now.
  const marks = (
    <>
      {markLine(styles.outage, outageAtMs)}
      {moment.restartAtMs !== null && markLine(styles.restart, moment.restartAtMs)}
      {markLine(styles.cursor, timeMs)}
    </>
  );
  /** Each segment as a full-height band, coloured by its state unless `className` says otherwise. */
  const stretches = <State extends string>(segments: readonly Segment<State>[], className?: string) =>
    segments.map((s) => (
      <rect
        key={s.startMs}
        className={className ?? styles[s.state]}
        x={x(s.startMs)}
        width={x(s.endMs - s.startMs)}
        y={0}
        height={HEIGHT}
      />
    ));
  const lane = (id: LaneId, label: string, body: React.ReactNode) => (
    <div className={styles.lane}>
      <span className={styles.laneName} aria-hidden="true">
        {LANES[id].name}
      </span>
      <svg
        className={styles.laneSvg}
        viewBox={`0 0 1000 ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
      >
        {body}
        {marks}
      </svg>
    </div>
  );
  const sigkill = moment.events.find((event) => event.event === 'sigkill-sent');

  return (
    <div className={styles.chart}>
      <span className={styles.laneName} aria-hidden="true">
        {LANES.probes.name}
      </span>
      <div className={styles.plot}>
        {DECADES.map((ms, i) => (
          <span key={ms} className={styles.yLabel} data-decade={i} aria-hidden="true">
            {DECADE_LABELS[i]}
          </span>
        ))}
        <svg
          className={styles.svg}
          viewBox={`0 0 1000 ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${title}: latency of each /health/liveliness probe over time, log scale; slowest ${formatMs(moment.stats.slowestMs)}.`}
        >
          <path className={styles.grid} d={GRID} />
          {stretches(
            moment.loop.filter((s) => s.state === 'blocked'),
            styles.frozen,
          )}
          {PROBE_STATES.map((state) => {
            const d = bars(moment.probes, state);
            return d && <path key={state} className={styles[state]} d={d} strokeWidth={barWidth} />;
          })}
          {marks}
        </svg>
        {/* Not stretched: no viewBox, so a percentage x places the text without distorting it. */}
        <svg className={styles.markers} aria-hidden="true">
          <text className={styles.marker} x={percent(outageAtMs)} dx="3" y="11">
            outage
          </text>
          {moment.restartAtMs !== null && (
            <text className={clsx(styles.marker, styles.restartLabel)} x={percent(moment.restartAtMs)} dx="3" y="25">
              pod restarted
            </text>
          )}
        </svg>
      </div>
      {lane(
        'loop',
        `${title}, event loop: ${describeSegments('loop', moment.loop) || 'not started'}.`,
        stretches(moment.loop),
      )}
      {lane(
        'engine',
        `${title}, engine: ${describeSegments('engine', moment.engine) || 'not started'}${sigkill ? `; SIGKILL at ${formatMs(sigkill.atMs)}` : ''}.`,
        <>
          {stretches(moment.engine)}
          {sigkill && markLine(styles.sigkill, sigkill.atMs)}
        </>,
      )}
      <div className={styles.lane}>
        <span className={styles.laneName} aria-hidden="true">
          {LANES.kubelet.name}
        </span>
        <svg className={styles.kubeletRow} aria-hidden="true">
          {moment.kubeletProbes.map((probe) => (
            <text
              key={probe.atMs}
              className={clsx(styles.kubeletProbe, probe.failed && styles.kubeletFailed)}
              x={percent(probe.atMs)}
              y="13"
              textAnchor="middle"
            >
              {probe.failed ? '✕' : '✓'}
            </text>
          ))}
          {moment.restartAtMs !== null && (
            <text className={clsx(styles.marker, styles.restartLabel)} x={percent(moment.restartAtMs)} dx="6" y="13">
              restart
            </text>
          )}
        </svg>
      </div>
      <svg className={styles.xAxis} aria-hidden="true">
        {axisTicks(durationMs).map((ms) => (
          <text key={ms} x={percent(ms)} y="12" className={ms === durationMs ? styles.axisEnd : undefined}>
            {ms / 1000} s
          </text>
        ))}
      </svg>
    </div>
  );
}
