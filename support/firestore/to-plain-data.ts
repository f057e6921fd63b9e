import { DocumentReference, GeoPoint, Timestamp } from 'firebase-admin/firestore'

/**
 * Turns Firestore values into plain JSON for evidence: a `Timestamp` becomes its ISO 8601 instant, a reference its
 * path, a GeoPoint `{ latitude, longitude }`, bytes `<N bytes>`, and a non-finite number its name.
 * @example toPlainData({ timestamp: Timestamp.fromMillis(0) }) // { timestamp: '1970-01-01T00:00:00.000Z' }
 */
export function toPlainData(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString()
  if (value instanceof DocumentReference) return `ref:${value.path}`
  if (value instanceof GeoPoint) return { latitude: value.latitude, longitude: value.longitude }
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : 'Invalid Date'
  // @note JSON.stringify would write null for these, which reads like a missing value.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  if (Array.isArray(value)) return value.map(toPlainData)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlainData(inner)]))
  }
  return value
}
