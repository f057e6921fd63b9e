import { z } from 'zod'
import { forbiddenRuleSchema, type ForbiddenRule } from './forbidden-rule.ts'

/**
 * Answers an API server (or a man in the middle) may give that a client must not trust, as data (issue 17).
 * @example { redirect: [{ resource: 'pods', verbs: ['list'] }], pageSize: 2 }
 */
export interface KubeHostileAnswers {
  /**
   * Requests matching these rules (the shape of a forbidden rule) are answered `307` to a second loopback listener,
   * "elsewhere", that answers lists as empty and every other request with a halted kill-switch ConfigMap: what a
   * server would say to turn a check GO. Every request elsewhere is recorded, with whether it carried credentials.
   */
  redirect?: ForbiddenRule[]
  /** Lists are served at most this many items a page, whatever `limit` the client asks (the rest behind `continue`). */
  pageSize?: number
  /** Lists of these resources (plural, e.g. `pods`) answer 200 with a body that never ends. */
  endlessList?: string[]
  /** Every request, `/version` included, is answered 401: the credentials are refused (expired, revoked). */
  unauthorized?: boolean
}

/** The zod schema of {@link KubeHostileAnswers}. */
export const kubeHostileAnswersSchema = z.strictObject({
  redirect: z.array(forbiddenRuleSchema).min(1).optional(),
  pageSize: z.number().int().min(1).optional(),
  endlessList: z.array(z.string().regex(/^[a-z0-9.-]+$/, 'must be a plural resource, e.g. "pods"')).min(1).optional(),
  unauthorized: z.boolean().optional(),
})
