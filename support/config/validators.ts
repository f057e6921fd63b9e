import { z } from 'zod'
import { DEFAULTS } from './defaults.ts'

/**
 * Whether a text is an operator's authorization: "WHO/TICKET/REASON", every part filled in. Here, not beside the
 * kill-switch rule that also uses it: the configuration is below the rules.
 */
export function isAuthorization(text: string | null): text is string {
  const parts = (text ?? '').split('/')
  return parts.length >= 3 && parts.every((part) => part.trim() !== '')
}

/**
 * Unicode bidirectional controls: in a report they can make a line read differently from what it holds
 * ("Trojan Source"), so no value a report echoes may carry one.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
const BIDI_MESSAGE = 'contains a Unicode bidirectional control character, which would make the report read differently from what it holds'

/** A Kubernetes namespace name: a DNS-1123 label. */
export const namespaceSchema = z
  .string()
  .max(63, 'is longer than 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'is not a DNS-1123 label (lower-case letters, digits and "-", alphanumeric at both ends)')

/**
 * A tenant id: one valid Firestore document id, because it becomes the segment of `tenants/{tenantId}`.
 * @see https://firebase.google.com/docs/firestore/quotas#collections_documents_and_fields
 */
export const tenantIdSchema = z
  .string()
  .min(1, 'is empty')
  .refine((id) => Buffer.byteLength(id, 'utf8') <= 1500, 'is longer than 1,500 bytes')
  .refine((id) => !id.includes('/'), 'contains "/", so it is not a single Firestore path segment')
  .refine((id) => id !== '.' && id !== '..', 'is "." or "..", which Firestore does not allow as an id')
  .refine((id) => !/^__.*__$/.test(id), 'matches __.*__, which Firestore reserves')
  .refine((id) => !/[\u0000-\u001f\u007f]/.test(id), 'contains a control character')
  .refine((id) => !BIDI_CONTROL.test(id), BIDI_MESSAGE)

/** A Google Cloud project id. */
export const projectIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'is not a Google Cloud project id (6–30 lower-case letters, digits and "-")')

/** A session date, `YYYY-MM-DD`, that exists in the calendar. */
export const sessionDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date of the form YYYY-MM-DD')
  .refine((date) => {
    const parsed = new Date(`${date}T00:00:00Z`)
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date)
  }, 'is not a calendar date')

/** An execution authorization: who, ticket and reason, separated by "/". */
export const authorizationSchema = z
  .string()
  .max(500, 'is longer than 500 characters')
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'contains a control character')
  .refine((text) => !BIDI_CONTROL.test(text), BIDI_MESSAGE)
  .refine(isAuthorization, 'must read "WHO/TICKET/REASON" with all three parts filled in')

/** A whole number of seconds, 1 to 1 day. */
export const secondsSchema = z
  .string()
  .regex(/^\d+$/, 'is not a whole number of seconds')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 86_400, 'must be between 1 and 86400 seconds')

/** A request deadline: a whole number of milliseconds, 100 up to the check timeout (a check ends there anyway). */
export const requestTimeoutSchema = z
  .string()
  .regex(/^\d+$/, 'is not a whole number of milliseconds')
  .transform(Number)
  .refine((n) => n >= 100 && n <= DEFAULTS.checkTimeoutMs, `must be between 100 and ${DEFAULTS.checkTimeoutMs} milliseconds`)

/** A non-negative whole number, at most one million. */
export const countSchema = z
  .string()
  .regex(/^\d+$/, 'is not a whole number')
  .transform(Number)
  .refine((n) => n <= 1_000_000, 'must be at most 1000000')

/** A plain non-empty text of at most 253 characters, such as a context name. */
export const nameSchema = z
  .string()
  .min(1, 'is empty')
  .max(253, 'is longer than 253 characters')
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'contains a control character')
  .refine((text) => !BIDI_CONTROL.test(text), BIDI_MESSAGE)

/** A test-name filter (`-t`): a plain name that is also a valid regular expression, as vitest compiles it. */
export const testNamePatternSchema = nameSchema.refine((text) => {
  try {
    new RegExp(text)
    return true
  } catch {
    return false
  }
}, 'is not a valid regular expression')
