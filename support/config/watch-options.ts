import { UsageError } from '../errors.ts'
import { isLiveBrokerHost } from '../network/index.ts'
import { registerNotifyUrl } from '../secrets/index.ts'

/** Every default of `openbell watch`, in one frozen object. */
export const WATCH_DEFAULTS = Object.freeze({
  /** Seconds between two evaluations (HTTP endpoints and Firestore are re-read this often). @default 30 */
  intervalSeconds: 30,
  /** The shortest `--interval` accepted: below it the floor's own services would be polled harder than they serve. @default 5 */
  minIntervalSeconds: 5,
  /** The Prometheus exposition port. @default 9464 (OpenTelemetry's Prometheus exporter port) */
  metricsPort: 9464,
  /** Loopback unless `--metrics-host` says otherwise (the Deployment says `0.0.0.0` for its Service). @default '127.0.0.1' */
  metricsHost: '127.0.0.1',
})

/** What `openbell watch` adds to the run's configuration. */
export interface WatchOptions {
  intervalSeconds: number
  /** `--until HH:MM` in New York time, or `null` for the session's close. */
  until: string | null
  /** `0` picks a free port (tests). */
  metricsPort: number
  metricsHost: string
  /** Webhook URLs to POST verdict changes to; registered as secrets, never printed. */
  notify: readonly string[]
  haltOnFail: boolean
}

/** The raw flag values `openbell watch` reads. */
export interface WatchFlagValues {
  interval?: string | boolean | string[]
  until?: string | boolean | string[]
  'metrics-port'?: string | boolean | string[]
  'metrics-host'?: string | boolean | string[]
  notify?: string | boolean | string[]
  'halt-on-fail'?: string | boolean | string[]
}

/**
 * Validates the watch flags and fills in the defaults. Each `--notify` URL is registered as a secret first, so no
 * message (not even this function's usage errors) can print it.
 * @throws {UsageError} naming the flag, what was seen (never a notify URL) and what is expected.
 */
export function resolveWatchOptions(values: WatchFlagValues): WatchOptions {
  const given = [values.notify ?? []].flat()
  const notify = given.flatMap((value) => String(value).split(/\s+/)).filter((url) => url !== '')
  for (const url of notify) registerNotifyUrl(url)
  if (given.length > 0 && notify.length === 0) throw new UsageError('--notify is empty; give a webhook URL, or leave the flag out.')
  for (const [index, url] of notify.entries()) {
    let parsed: URL | null = null
    try {
      parsed = new URL(url)
    } catch {}
    if (parsed === null || !['http:', 'https:'].includes(parsed.protocol)) {
      throw new UsageError(`--notify URL number ${index + 1} is not an http(s) URL (its value is not shown: it may hold a token); give a webhook URL such as https://hooks.slack.com/services/….`)
    }
    // @note openbell never contacts the live broker host, a webhook included, in any spelling.
    if (isLiveBrokerHost(parsed.hostname)) {
      throw new UsageError(`--notify URL number ${index + 1} points at Alpaca's live broker host, which openbell never contacts; give your webhook's URL.`)
    }
  }
  const interval = readInteger(values.interval, '--interval', 'SECONDS') ?? WATCH_DEFAULTS.intervalSeconds
  if (interval < WATCH_DEFAULTS.minIntervalSeconds) {
    throw new UsageError(`--interval ${interval} is below the minimum of ${WATCH_DEFAULTS.minIntervalSeconds} seconds; give ${WATCH_DEFAULTS.minIntervalSeconds} or more.`)
  }
  const port = readInteger(values['metrics-port'], '--metrics-port', 'PORT') ?? WATCH_DEFAULTS.metricsPort
  if (port > 65_535) throw new UsageError(`--metrics-port ${port} is not a TCP port; give 1–65535 (0 picks a free one).`)
  const until = typeof values.until === 'string' ? values.until : null
  if (until !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(until)) {
    throw new UsageError(`--until ${quote(until)} is not a New York time of the form HH:MM (00:00–23:59); e.g. --until 16:00.`)
  }
  const host = typeof values['metrics-host'] === 'string' ? values['metrics-host'] : WATCH_DEFAULTS.metricsHost
  if (!/^[0-9a-fA-F.:]+$|^localhost$/.test(host)) {
    throw new UsageError(`--metrics-host ${quote(host)} is not an IP address to listen on; give 127.0.0.1 (default) or 0.0.0.0 (in a pod, for the Service).`)
  }
  return { intervalSeconds: interval, until, metricsPort: port, metricsHost: host, notify, haltOnFail: values['halt-on-fail'] === true }
}

function readInteger(value: WatchFlagValues['interval'], flag: string, what: string): number | null {
  if (value === undefined) return null
  const text = String(value)
  if (!/^\d{1,6}$/.test(text)) throw new UsageError(`${flag} ${quote(text)} is not a whole number of ${what.toLowerCase()}; give e.g. ${flag} ${flag === '--interval' ? 30 : 9464}.`)
  return Number(text)
}

/** Quotes a user's value for a message: shortened, control characters escaped (as `resolve-config.ts` does). */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
}
