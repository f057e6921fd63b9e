import { z } from 'zod'
import { GATE_IDS, UNWAIVABLE_GATES } from '../gates/index.ts'

/** How far ahead a waiver may expire: a waiver is a short bridge to a fix, never a standing exception. */
export const MAX_WAIVER_DAYS = 7

/** `<gate>/<check-id>`: a gate id, then a check id as the reports print it. */
const checkKeySchema = z
  .string()
  .regex(/^[a-z0-9-]+\/[a-z0-9][a-z0-9._-]*$/, 'must read "<gate>/<check-id>", e.g. "metrics/strategy-engine.ops-status"')
  .refine((key) => (GATE_IDS as readonly string[]).includes(key.split('/')[0] ?? ''), {
    message: `must start with a gate id: ${GATE_IDS.join(', ')}`,
  })
  .refine((key) => !(UNWAIVABLE_GATES as readonly string[]).includes(key.split('/')[0] ?? ''), {
    message: `names a gate whose checks can never be waived (${UNWAIVABLE_GATES.join(', ')})`,
  })

const text = () => z.string({ error: 'is required (a text)' }).trim().min(1, 'is empty').max(500, 'is longer than 500 characters')

/** One waiver as written in the waivers file. Every field is required. */
export const waiverSchema = z.strictObject({
  /** The check it covers: `<gate>/<check-id>`. */
  check: checkKeySchema,
  /** Who answers for it. */
  owner: text(),
  /** The ticket that tracks the fix. */
  ticket: text(),
  /** Why running without this check is acceptable until it expires. */
  reason: text(),
  /** When it stops applying: a UTC ISO time, at most {@link MAX_WAIVER_DAYS} days ahead of the run. */
  expires: z.iso.datetime({ offset: false, error: 'must be a UTC ISO time such as 2026-11-27T13:00:00Z' }),
})

/** A waiver as validated from the waivers file. */
export type Waiver = z.infer<typeof waiverSchema>

/** The waivers file: `waivers:` followed by a list of waivers. */
export const waiversFileSchema = z.strictObject({
  waivers: z.array(z.unknown(), { error: 'must be a list of waivers' }),
})
