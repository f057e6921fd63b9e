/**
 * A Kubernetes timestamp as a Date: client-node turns RFC 3339 fields into Dates, raw JSON keeps strings.
 * `null` when absent or unparseable.
 */
export function toInstant(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null
  const instant = value instanceof Date ? value : new Date(value)
  return Number.isNaN(instant.getTime()) ? null : instant
}

/** Whether an instant lies at or after `now - windowMs` (a clock-skewed future instant counts as recent). */
export function isWithin(instant: Date | null, now: Date, windowMs: number): boolean {
  return instant !== null && instant.getTime() >= now.getTime() - windowMs
}
