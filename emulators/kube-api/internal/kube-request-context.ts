import type { Agent } from 'node:http'
import type { ForbiddenRule } from '../forbidden-rule.ts'
import type { KubeHostileAnswers } from '../hostile-answers.ts'
import type { KubeObjectStore } from './kube-object-store.ts'

/** What a running emulator hands its request handlers. */
export interface KubeRequestContext {
  /** The objects served. */
  readonly store: KubeObjectStore
  /** Every rule that answers 403, Secrets included. */
  readonly forbidden: readonly ForbiddenRule[]
  /** Loopback URLs behind `services/{name}/proxy`. */
  readonly serviceProxy: Readonly<Record<string, string>>
  /** The bearer token requests must carry. */
  readonly token: string
  /** The user named in 403 messages. */
  readonly user: string
  /** The `/version` gitVersion. */
  readonly serverVersion: string
  /** `127.0.0.1:<port>`, for `/api`. */
  readonly serverAddress: string
  /** The agent for proxied requests, destroyed on stop. */
  readonly proxyAgent: Agent
  /** Answers a client must not trust (see {@link KubeHostileAnswers}). */
  readonly hostile: KubeHostileAnswers
  /** Where `hostile.redirect` points (`http://127.0.0.1:<port>`), or `null` without redirects. */
  readonly elsewhere: string | null
}
