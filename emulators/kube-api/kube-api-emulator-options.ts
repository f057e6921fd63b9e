import { z } from 'zod'
import { UsageError } from '../../support/errors.ts'
import { forbiddenRuleSchema, type ForbiddenRule } from './forbidden-rule.ts'
import { kubeHostileAnswersSchema, type KubeHostileAnswers } from './hostile-answers.ts'
import { kubeMutationSchema, type KubeMutation } from './kube-mutation.ts'
import type { KubeObject } from './kube-object.ts'

/** How a {@link KubeApiEmulator} behaves; every field is data, so a scenario is a value, not an `if`. */
export interface KubeApiEmulatorOptions {
  /** The objects served (defaults are filled in: namespace, uid, resourceVersion, creationTimestamp). @default [] */
  objects?: readonly KubeObject[]
  /** Loopback URLs behind `services/{name}/proxy`, keyed `<namespace>/<service>:<port>` or `<namespace>/<service>`. @default {} */
  serviceProxy?: Readonly<Record<string, string>>
  /** Permissions the emulated identity lacks; Secrets are always forbidden on top. @default [] */
  forbidden?: readonly ForbiddenRule[]
  /** Delay before every answer, to emulate a slow API server. @default 0 */
  latencyMs?: number
  /** The bearer token written into the kubeconfig; a request with another token gets 401. @default 'openbell-emulator-token' */
  token?: string
  /** The user named in 403 messages. @default 'system:serviceaccount:trading-floor:openbell' */
  user?: string
  /** The kubeconfig context name. @default 'openbell-emulator' */
  context?: string
  /** The kubeconfig context's namespace. @default 'trading-floor' */
  namespace?: string
  /** The version `/version` reports. @default 'v1.32.4' */
  serverVersion?: string
  /** The clock for defaulted `creationTimestamp`s. @default () => new Date() */
  now?: () => Date
  /** After answering this many requests the stand-in goes away (listener closed, connections cut); `null` never. @default null */
  stopAfterRequests?: number | null
  /** Objects that change while a run is in progress, after they were read a number of times. @default [] */
  mutations?: readonly KubeMutation[]
  /** An NDJSON file that receives every answered request (method, path, query, status); `null` for none. @default null */
  requestLog?: string | null
  /**
   * How many of the latest answered requests the started stand-in's `requests` keeps, oldest dropped first.
   * @note a floor that lives as long as `openbell watch` answers ~20 requests per evaluation: kept all, they were
   * the watch heap's second growth (~8 KB per evaluation, docs/decisions/watch-memory.md). A test's few requests are all kept.
   * @default 10000
   */
  recordedRequests?: number
  /** Answers a client must not trust: redirects, forced paging, endless lists, refused credentials. @default {} */
  hostile?: KubeHostileAnswers
}

/** {@link KubeApiEmulatorOptions} after defaults: every field present. */
export type ResolvedKubeApiEmulatorOptions = Required<KubeApiEmulatorOptions>

/** The defaults of {@link KubeApiEmulatorOptions}. */
export const KUBE_API_EMULATOR_DEFAULTS: Readonly<ResolvedKubeApiEmulatorOptions> = Object.freeze({
  objects: Object.freeze([]),
  serviceProxy: Object.freeze({}),
  forbidden: Object.freeze([]),
  latencyMs: 0,
  token: 'openbell-emulator-token',
  user: 'system:serviceaccount:trading-floor:openbell',
  context: 'openbell-emulator',
  namespace: 'trading-floor',
  serverVersion: 'v1.32.4',
  now: () => new Date(),
  stopAfterRequests: null,
  mutations: Object.freeze([]),
  requestLog: null,
  recordedRequests: 10_000,
  hostile: Object.freeze({}),
})

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

const optionsSchema = z.object({
  serviceProxy: z.record(
    z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+(:\d+)?$/, 'keys look like "trading-floor/marketdata-mcp-server:80"'),
    z.url().refine((text) => {
      const url = new URL(text)
      return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
    }, 'must be an http:// URL on 127.0.0.1, localhost or [::1] (the emulator never contacts other hosts)'),
  ),
  forbidden: z.array(forbiddenRuleSchema),
  latencyMs: z.number().int().nonnegative(),
  token: z.string().min(1).regex(/^\S+$/, 'must not contain spaces'),
  user: z.string().min(1),
  context: z.string().min(1),
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label'),
  serverVersion: z.string().regex(/^v\d+\.\d+\.\d+/, 'must look like "v1.32.4"'),
  stopAfterRequests: z.number().int().min(1).nullable(),
  mutations: z.array(kubeMutationSchema),
  requestLog: z.string().min(1).nullable(),
  recordedRequests: z.number().int().min(1),
  hostile: kubeHostileAnswersSchema,
})

/**
 * Applies defaults and validates.
 * @throws UsageError naming each wrong field, the value seen and what is expected.
 */
export function resolveKubeApiEmulatorOptions(options: KubeApiEmulatorOptions = {}): ResolvedKubeApiEmulatorOptions {
  const resolved = { ...KUBE_API_EMULATOR_DEFAULTS, ...withoutUndefined(options) }
  const result = optionsSchema.safeParse(resolved)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.join('.')
      const seen = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown>)?.[key], resolved)
      return `${path}: ${issue.message} (seen ${JSON.stringify(seen)})`
    })
    throw new UsageError(`invalid kube-api emulator options: ${problems.join('; ')}. Fix the value passed to the matching with*() setter.`)
  }
  return resolved
}

function withoutUndefined(options: KubeApiEmulatorOptions): KubeApiEmulatorOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as KubeApiEmulatorOptions
}
