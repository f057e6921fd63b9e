import { isSecretName, REDACTED } from '../secrets/index.ts'

/** Which layer refused a request: msw's interception of fetch/http/https, or the DNS lookup behind any socket. */
export type GuardLayer = 'request' | 'dns'

/** One attempt to reach the live broker host, refused before it left the process. Never carries headers. */
export interface LiveHostViolation {
  /** The refused URL, with credentials and secret-looking query values redacted (`dns:<host>` for a lookup). */
  url: string
  /** The HTTP method, or `LOOKUP` for a refused DNS lookup. */
  method: string
  /** When it was refused, as an ISO 8601 timestamp. */
  at: string
  /** Which layer refused it. */
  layer: GuardLayer
  /** The caller's stack frames, when any survive the asynchronous hand-off (msw's and node's own are dropped). */
  stack?: string
}

/** Frames that say nothing about who made the request (`.js` from the compiled build when no source map names the `.ts`). */
const PLUMBING_FRAME =
  /node_modules[\\/](msw|@mswjs|@open-draft|outvariant|strict-event-emitter|until-async)[\\/]|node:internal|network[\\/](install-network-guard|live-host-violation|live-host-refusal-handler|dns-live-host-guard)\.[jt]s|^Error:?$/

/** Builds a violation record: URL redacted, the caller's frames kept, headers never looked at. */
export function createViolation(url: string, method: string, layer: GuardLayer, now: Date = new Date()): LiveHostViolation {
  const violation: LiveHostViolation = { url: redactUrl(url), method: method.toUpperCase(), at: now.toISOString(), layer }
  const stack = callerStack()
  if (stack !== undefined) violation.stack = stack
  return violation
}

/**
 * Removes what may be a secret from a URL: user info, and the values of query parameters named like keys or tokens.
 * A URL with nothing to remove is returned as written.
 * @example redactUrl('https://u:p@api.alpaca.markets/v2?token=x') // 'https://redacted@api.alpaca.markets/v2?token=%5Bredacted%5D'
 */
export function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  let changed = false
  if (parsed.username !== '' || parsed.password !== '') {
    // @note the URL class percent-encodes brackets in user info, so the marker here is a plain word.
    parsed.username = 'redacted'
    parsed.password = ''
    changed = true
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (!isSecretName(name)) continue
    parsed.searchParams.set(name, REDACTED)
    changed = true
  }
  return changed ? parsed.href : url
}

function callerStack(): string | undefined {
  const frames = (new Error().stack ?? '').split('\n').filter((line) => !PLUMBING_FRAME.test(line.trim()))
  return frames.length > 0 ? frames.map((line) => line.trim()).join('\n') : undefined
}
