import type { ReadinessReport } from '../verdict/index.ts'
import { redactValue } from '../secrets/index.ts'
import type { Verdict } from '../gates/index.ts'
import type { GateChange } from './gate-changes.ts'

/** Retries, backoff and bounds of the notifications, in one frozen object. */
export const NOTIFY_DEFAULTS = Object.freeze({
  /** Attempts per notification and receiver. @default 4 */
  attempts: 4,
  /** The first retry waits this long; each next one twice as long. @default 500 */
  backoffMs: 500,
  /** One POST gives up after this long. @default 5000 */
  timeoutMs: 5_000,
  /** Notifications waiting per receiver; past it the oldest is dropped and counted as failed. @default 50 */
  maxQueued: 50,
})

/** The JSON body POSTed to each receiver. */
export interface Notification {
  verdict: Verdict
  previousVerdict: Verdict | null
  changedGates: GateChange[]
  runId: string
  /** The run folder written for this evaluation. */
  report: string | null
  at: string
  /** One line for a Slack incoming webhook. */
  text: string
}

/** Builds the notification for an evaluation that changed the verdict or a gate's status. */
export function buildNotification(report: ReadinessReport, previous: ReadinessReport | null, changes: GateChange[], runDir: string | null): Notification {
  const gates = changes.map((change) => `${change.gate} ${change.from ?? '–'} → ${change.to}${change.reasons.length > 0 ? ` (${change.reasons.join('; ')})` : ''}`)
  const headline = previous === null ? `openbell watch: first verdict ${report.verdict}` : previous.verdict === report.verdict ? `openbell watch: still ${report.verdict}, gates changed` : `openbell watch: ${previous.verdict} → ${report.verdict}`
  return redactValue({
    verdict: report.verdict,
    previousVerdict: previous?.verdict ?? null,
    changedGates: changes,
    runId: report.runId,
    report: runDir,
    at: report.finishedAt,
    text: `${report.verdict === 'GO' ? ':large_green_circle:' : ':red_circle:'} ${headline} (namespace ${report.target.namespace}, run ${report.runId})\n${gates.map((line) => `• ${line}`).join('\n')}`,
  }) as Notification
}

/** Sends notifications in the background: `send` returns at once, so no receiver ever delays an evaluation. */
export interface Notifier {
  send(notification: Notification): void
  /** Waits at most `ms` for what is in flight, then gives up on the rest. */
  drain(ms: number): Promise<void>
}

/**
 * POSTs each notification as JSON to every URL, one at a time per receiver and in order, with bounded retries and
 * exponential backoff. A redirect is refused (the URL may carry a token; it goes to its own host only). A receiver
 * given up on calls `onFailed` with its position in the list, never its URL.
 */
export function createNotifier(urls: readonly string[], onFailed: (receiver: number, why: string) => void, options: Partial<Record<keyof typeof NOTIFY_DEFAULTS, number>> = {}): Notifier {
  const settings = { ...NOTIFY_DEFAULTS, ...options }
  const stopping = new AbortController()
  const queues = urls.map(() => [] as Notification[])
  const busy = urls.map(() => Promise.resolve())
  const running = urls.map(() => false)

  const deliver = async (receiver: number, notification: Notification): Promise<void> => {
    let why = 'not sent'
    for (let attempt = 0; attempt < settings.attempts && !stopping.signal.aborted; attempt++) {
      if (attempt > 0) await sleep(settings.backoffMs * 2 ** (attempt - 1), stopping.signal)
      try {
        const response = await fetch(urls[receiver]!, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(notification),
          redirect: 'error',
          signal: AbortSignal.any([AbortSignal.timeout(settings.timeoutMs), stopping.signal]),
        })
        // @note the answer's body is never read (a receiver may stream one forever); not awaited, so it cannot hold a retry.
        void response.body?.cancel().catch(() => undefined)
        if (response.ok) return
        why = `the receiver answered ${response.status}`
      } catch (error) {
        why = error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${settings.timeoutMs} ms` : 'the request failed') : 'the request failed'
      }
    }
    onFailed(receiver, why)
  }

  const pump = (receiver: number) => {
    if (running[receiver]) return
    running[receiver] = true
    busy[receiver] = (async () => {
      for (let next = queues[receiver]!.shift(); next !== undefined; next = queues[receiver]!.shift()) await deliver(receiver, next)
      running[receiver] = false
    })()
  }

  return {
    send(notification) {
      for (const [receiver, queue] of queues.entries()) {
        queue.push(notification)
        if (queue.length > settings.maxQueued) {
          queue.shift()
          onFailed(receiver, `more than ${settings.maxQueued} notifications waiting; the oldest was dropped`)
        }
        pump(receiver)
      }
    },
    async drain(ms) {
      const timer = setTimeout(() => stopping.abort(), ms)
      await Promise.allSettled(busy)
      clearTimeout(timer)
      stopping.abort()
    },
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}
