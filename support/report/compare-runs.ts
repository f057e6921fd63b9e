import type { ReadinessReport } from '../verdict/index.ts'

/** What changed between the previous run and this one; the Markdown report shows it. */
export interface RunComparison {
  /** The run compared against. */
  previousRunId: string
  /** Gates whose status changed, in report order. */
  gateChanges: { gate: string; from: string; to: string }[]
  /** Checks whose `values.warningEvents` list holds events the previous run did not have. */
  newWarningEvents: { gate: string; check: string; events: unknown[] }[]
  /** Checks that record Warning events as a count (`values.warningEvents…: number`) whose count grew. */
  moreWarningEvents: { gate: string; check: string; key: string; from: number; to: number }[]
  /** Required counters (`*_total` in a metrics check's `values.required`) with the very same values as before. */
  stuckCounters: { gate: string; check: string; metric: string; values: unknown }[]
}

/** The gate whose checks record required metric values (`values.required`). */
export const METRICS_GATE = 'metrics'

/** Event fields that change on every repeat of the same event; they do not make an event new. */
const VOLATILE_EVENT_FIELDS = new Set(['count', 'firstTimestamp', 'lastTimestamp', 'eventTime', 'age', 'series', 'resourceVersion'])

/**
 * Compares two readiness reports, reading the previous one generically (it may come from an older openbell):
 * gate status changes, Warning events that are new (a `values.warningEvents` list that gained entries, or a
 * `values.warningEvents…` count that grew), and required counters (`*_total`) that did not move.
 */
export function compareRuns(previous: ReadinessReport, current: ReadinessReport): RunComparison {
  const before = indexChecks(previous)
  const gateChanges = current.gates.flatMap((gate) => {
    const from = (previous.gates ?? []).find((candidate) => candidate?.id === gate.id)?.status
    return from !== undefined && from !== gate.status ? [{ gate: gate.id, from: String(from), to: gate.status }] : []
  })

  const newWarningEvents: RunComparison['newWarningEvents'] = []
  const moreWarningEvents: RunComparison['moreWarningEvents'] = []
  const stuckCounters: RunComparison['stuckCounters'] = []
  for (const gate of current.gates) {
    for (const check of gate.checks) {
      const earlier = before.get(`${gate.id}/${check.id}`)
      const events = check.values?.warningEvents
      if (Array.isArray(events)) {
        const seen = new Set((Array.isArray(earlier?.warningEvents) ? earlier.warningEvents : []).map(eventIdentity))
        const added = events.filter((event) => !seen.has(eventIdentity(event)))
        if (added.length > 0) newWarningEvents.push({ gate: gate.id, check: check.id, events: added })
      }
      for (const [key, count] of Object.entries(check.values ?? {})) {
        const from = earlier?.[key]
        if (key.startsWith('warningEvents') && typeof count === 'number' && typeof from === 'number' && count > from) {
          moreWarningEvents.push({ gate: gate.id, check: check.id, key, from, to: count })
        }
      }
      const required = check.values?.required
      if (gate.id === METRICS_GATE && isRecord(required) && isRecord(earlier?.required)) {
        for (const [metric, values] of Object.entries(required)) {
          if (!metric.endsWith('_total') || !Array.isArray(values) || values.length === 0) continue
          if (stableJson(values) === stableJson(earlier.required[metric])) stuckCounters.push({ gate: gate.id, check: check.id, metric, values })
        }
      }
    }
  }
  return { previousRunId: String(previous.runId), gateChanges, newWarningEvents, moreWarningEvents, stuckCounters }
}

function indexChecks(report: ReadinessReport): Map<string, Record<string, unknown>> {
  const index = new Map<string, Record<string, unknown>>()
  for (const gate of Array.isArray(report.gates) ? report.gates : []) {
    for (const check of Array.isArray(gate?.checks) ? gate.checks : []) {
      if (isRecord(check?.values)) index.set(`${gate.id}/${check.id}`, check.values)
    }
  }
  return index
}

function eventIdentity(event: unknown): string {
  if (!isRecord(event)) return stableJson(event)
  return stableJson(Object.fromEntries(Object.entries(event).filter(([key]) => !VOLATILE_EVENT_FIELDS.has(key))))
}

/** JSON with object keys sorted, so equal values give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    isRecord(field) ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => a.localeCompare(b))) : field,
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
