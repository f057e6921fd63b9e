import { UsageError } from '../../support/errors.ts'

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g
const EXPRESSION = /^now((?:[+-]\d+[smhd])*)$/
const TERM = /([+-])(\d+)([smhd])/g
const UNIT_MS: Readonly<Record<string, number>> = Object.freeze({ s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 })

/** Formats a date the way the Kubernetes API does: RFC 3339 in UTC, whole seconds (`2026-02-05T14:30:00Z`). */
export function formatKubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * Replaces every `{{now}}`, `{{now-2h}}`, `{{now+5m}}` or `{{now-1h-30m}}` (units s, m, h, d) in a string
 * with that instant relative to `now`, as RFC 3339 — so fixture timestamps never go stale.
 * @throws UsageError for any other `{{…}}` placeholder.
 * @example renderRelativeTime('{{now-2h}}', new Date('2026-02-05T14:30:00Z')) // '2026-02-05T12:30:00Z'
 */
export function renderRelativeTime(text: string, now: Date): string {
  return text.replace(PLACEHOLDER, (placeholder, inner: string) => {
    const match = inner.replace(/\s+/g, '').match(EXPRESSION)
    if (!match) {
      throw new UsageError(
        `unknown time placeholder ${JSON.stringify(placeholder)}. Expected "{{now}}" or an offset from it ` +
          `with units s, m, h or d, such as "{{now-2h}}", "{{now-5m}}" or "{{now+30s}}".`,
      )
    }
    let offset = 0
    for (const [, sign, amount, unit] of match[1]!.matchAll(TERM)) {
      offset += (sign === '-' ? -1 : 1) * Number(amount) * UNIT_MS[unit!]!
    }
    return formatKubeTime(new Date(now.getTime() + offset))
  })
}

/** Renders {@link renderRelativeTime} over every string inside a JSON-like value; returns a new value. */
export function renderRelativeTimes<T>(value: T, now: Date): T {
  if (typeof value === 'string') return renderRelativeTime(value, now) as T
  if (Array.isArray(value)) return value.map((item: unknown) => renderRelativeTimes(item, now)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, renderRelativeTimes(inner, now)]),
    ) as T
  }
  return value
}
