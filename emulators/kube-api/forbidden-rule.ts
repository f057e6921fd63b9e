import { z } from 'zod'
import type { KubeVerb } from './kube-resource-types.ts'

/**
 * A permission the emulated identity lacks, as data: `'configmaps'` or `'services/proxy'` (every verb, every namespace),
 * or an object narrowing it to some verbs or one namespace. Like RBAC, `services` does not cover `services/proxy`.
 * @example ['configmaps', { resource: 'pods', verbs: ['list'] }, 'services/proxy']
 */
export type ForbiddenRule =
  | string
  | {
      /** The plural resource, optionally with a subresource: `services/proxy`. */
      resource: string
      /** The verbs denied. @default every verb */
      verbs?: KubeVerb[]
      /** The namespace it applies to. @default every namespace */
      namespace?: string
    }

/** The zod schema of a {@link ForbiddenRule}. */
export const forbiddenRuleSchema = z.union([
  z.string().regex(/^[a-z0-9.-]+(\/[a-z0-9.-]+)?$/, 'must be "<resource>" or "<resource>/<subresource>"'),
  z.strictObject({
    resource: z.string().regex(/^[a-z0-9.-]+(\/[a-z0-9.-]+)?$/, 'must be "<resource>" or "<resource>/<subresource>"'),
    verbs: z.array(z.enum(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'])).optional(),
    namespace: z.string().min(1).optional(),
  }),
])

/** Rules that always apply: openbell never reads Secrets, and the emulator proves it by refusing them. */
export const ALWAYS_FORBIDDEN: readonly ForbiddenRule[] = Object.freeze(['secrets'])
