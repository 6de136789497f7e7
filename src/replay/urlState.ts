import {DEFAULT_PROBE_SETTINGS, PROBE_SETTING_BOUNDS, type ProbeSettings} from './kubelet';

/** What a shared link reopens: the scenario, the kubelet settings and the moment shown. */
export type ViewState = {closeDelayMs: number; settings: ProbeSettings; timeMs: number | null};

/** Short query names, so a shared address stays readable: ?close=35&period=10&timeout=1&threshold=3&t=31.0 */
const SETTING_PARAMS: Record<keyof ProbeSettings, string> = {
  periodSeconds: 'period',
  timeoutSeconds: 'timeout',
  failureThreshold: 'threshold',
};

function wholeNumber(raw: string | null, min: number, max: number): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/**
 * Reads the view from a query string. Anything missing, malformed or out of
 * range falls back to the default: a hand-edited link still opens a view.
 */
export function readViewState(
  search: string,
  closeDelaysMs: readonly number[],
  defaultCloseDelayMs: number,
): ViewState {
  const params = new URLSearchParams(search);
  const close = Number(params.get('close')) * 1000;
  const settings = {...DEFAULT_PROBE_SETTINGS};
  for (const key of Object.keys(SETTING_PARAMS) as (keyof ProbeSettings)[]) {
    const {min, max} = PROBE_SETTING_BOUNDS[key];
    settings[key] = wholeNumber(params.get(SETTING_PARAMS[key]), min, max) ?? settings[key];
  }
  const t = params.get('t');
  const timeS = t !== null && /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
  return {
    closeDelayMs: closeDelaysMs.includes(close) ? close : defaultCloseDelayMs,
    settings,
    timeMs: timeS === null ? null : timeS * 1000,
  };
}

/**
 * The query string for a view, keeping any parameter that is not ours and
 * leaving out what equals the default, so the plain address stays plain.
 */
export function writeViewState(search: string, view: ViewState, defaultCloseDelayMs: number): string {
  const params = new URLSearchParams(search);
  // Ours go last, always in the same order, so one view has one address.
  for (const name of ['close', ...Object.values(SETTING_PARAMS), 't']) params.delete(name);
  const set = (name: string, value: string | null) => value !== null && params.append(name, value);
  set('close', view.closeDelayMs === defaultCloseDelayMs ? null : String(view.closeDelayMs / 1000));
  for (const key of Object.keys(SETTING_PARAMS) as (keyof ProbeSettings)[]) {
    set(SETTING_PARAMS[key], view.settings[key] === DEFAULT_PROBE_SETTINGS[key] ? null : String(view.settings[key]));
  }
  set('t', view.timeMs === null ? null : (view.timeMs / 1000).toFixed(1));
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
