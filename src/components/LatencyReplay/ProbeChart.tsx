import type React from 'react';
import clsx from 'clsx';

import type {ProbeAtTime} from '@site/src/replay/probeTimeline';
import type {Freeze, KubeletVerdict} from '@site/src/replay/kubelet';
import styles from './styles.module.css';

/** Log scale from 1 ms to 10 s: both a healthy 2 ms answer and a 5 s freeze stay readable. */
const DECADES = [1, 10, 100, 1000, 10_000];
const DECADE_LABELS = ['1 ms', '10 ms', '100 ms', '1 s', '10 s'];
const HEIGHT = 100;

/** Two decimals of a 1000 × 100 drawing are finer than any screen shows, and keep the page's HTML small. */
const round = (value: number) => Math.round(value * 100) / 100;

export function latencyFraction(ms: number): number {
  return Math.min(1, Math.max(0, Math.log10(Math.max(ms, 1)) / 4));
}

type Props = {
  label: string;
  probes: readonly ProbeAtTime[];
  timeMs: number;
  durationMs: number;
  intervalMs: number;
  outageAtMs: number;
  freeze: Freeze | null;
  kubelet: KubeletVerdict;
  /** Where the measured data ends, when a projection runs longer. */
  dataEndsAtMs?: number;
};

/**
 * One run's probes on a shared time axis. The bars are drawn in a stretched
 * SVG; every text (axes, markers, kubelet ticks) sits outside it, so it stays
 * legible on a phone, and positions come from SVG attributes and classes,
 * never style attributes, which the Content-Security-Policy does not allow.
 */
export default function ProbeChart({
  label,
  probes,
  timeMs,
  durationMs,
  intervalMs,
  outageAtMs,
  freeze,
  kubelet,
  dataEndsAtMs,
}: Props): React.JSX.Element {
  const x = (ms: number) => round((ms / durationMs) * 1000);
  const barWidth = round(Math.max(x(intervalMs) * 0.7, 0.5));
  const percent = (ms: number) => `${round((Math.min(ms, durationMs) / durationMs) * 100)}%`;
  const restarted = kubelet.restartAtMs !== null && timeMs >= kubelet.restartAtMs;
  const seconds = Array.from({length: 5}, (_, i) => (durationMs * i) / 4);

  return (
    <div className={styles.chart}>
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
          aria-label={label}
        >
          {DECADES.map((ms) => (
            <line
              key={ms}
              className={styles.grid}
              x1={0}
              x2={1000}
              y1={round(HEIGHT * (1 - latencyFraction(ms)))}
              y2={round(HEIGHT * (1 - latencyFraction(ms)))}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {freeze && timeMs > freeze.startMs && (
            <rect
              className={styles.frozen}
              x={x(freeze.startMs)}
              width={x(Math.min(timeMs, freeze.endMs) - freeze.startMs)}
              y={0}
              height={HEIGHT}
            />
          )}
          {dataEndsAtMs !== undefined && dataEndsAtMs < durationMs && (
            <rect
              className={styles.noData}
              x={x(dataEndsAtMs)}
              width={x(durationMs - dataEndsAtMs)}
              y={0}
              height={HEIGHT}
            />
          )}
          {probes.map((probe) => {
            const height = round(HEIGHT * latencyFraction(probe.latencyMs));
            return (
              <rect
                key={probe.sentAtMs}
                className={styles[probe.state]}
                x={x(probe.sentAtMs)}
                width={barWidth}
                y={HEIGHT - height}
                height={height}
              />
            );
          })}
          <line
            className={styles.outage}
            x1={x(outageAtMs)}
            x2={x(outageAtMs)}
            y1={0}
            y2={HEIGHT}
            vectorEffect="non-scaling-stroke"
          />
          {restarted && (
            <line
              className={styles.restart}
              x1={x(kubelet.restartAtMs!)}
              x2={x(kubelet.restartAtMs!)}
              y1={0}
              y2={HEIGHT}
              vectorEffect="non-scaling-stroke"
            />
          )}
          <line
            className={styles.cursor}
            x1={x(timeMs)}
            x2={x(timeMs)}
            y1={0}
            y2={HEIGHT}
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        {/* Not stretched: no viewBox, so a percentage x places the text without distorting it. */}
        <svg className={styles.markers} aria-hidden="true">
          <text className={styles.marker} x={percent(outageAtMs)} dx="3" y="11">
            outage
          </text>
          {restarted && (
            <text className={clsx(styles.marker, styles.restartLabel)} x={percent(kubelet.restartAtMs!)} dx="3" y="25">
              restart
            </text>
          )}
        </svg>
      </div>
      <svg className={styles.kubeletRow} aria-hidden="true">
        {kubelet.probes
          .filter((probe) => probe.atMs <= timeMs)
          .map((probe) => (
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
      </svg>
      <div className={styles.xAxis} aria-hidden="true">
        {seconds.map((ms) => (
          <span key={ms}>{(ms / 1000).toFixed(durationMs < 20_000 ? 1 : 0)} s</span>
        ))}
      </div>
    </div>
  );
}
