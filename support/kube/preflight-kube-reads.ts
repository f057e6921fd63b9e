import { AuthorizationV1Api, type KubeConfig } from '@kubernetes/client-node'
import type { ResolvedConfig } from '../config/index.ts'
import { withinDeadline } from '../within-deadline.ts'
import type { GateId } from '../gates/index.ts'
import { KUBE_READ_LIMITS } from './kube-read-limits.ts'
import { describeKubeRead, KUBE_READS, kubeReadRule, READER_ROLE_FILE, type KubeReadName } from '../gates/index.ts'
import { makeKubeApiClient } from './make-kube-api-client.ts'

/** What the API server said about one read openbell needs. */
export interface KubeReadAccess {
  read: KubeReadName
  /** `get configmaps`, `get services/proxy`. */
  what: string
  /** `true` allowed, `false` denied, `null` when the review itself could not be made. */
  allowed: boolean | null
  /** The RBAC rule that grants it. */
  rule: string
  /** The API server's reason for a denial, or why the review could not be made. */
  reason?: string
}

/** `preflight` in the readiness report: the start-of-run permission check, in the run's namespace. */
export interface KubePreflightReport extends Pick<ResolvedConfig, 'namespace'> {
  reads: KubeReadAccess[]
  /** Gates that need a denied read, each with the reason (naming the rules to add); these gates are unverified. */
  blockedGates: Partial<Record<GateId, string>>
}

/** Options of {@link preflightKubeReads}: the namespace of the run's resolved config, and what to ask about it. */
export interface PreflightKubeReadsOptions extends Pick<ResolvedConfig, 'namespace'> {
  /** The reads each gate makes. */
  gateReads: Readonly<Partial<Record<GateId, readonly KubeReadName[]>>>
  /** Each review gives up after this long. @default 5000 */
  timeoutMs?: number
}

/**
 * Asks the API server, with one SelfSubjectAccessReview per read, whether openbell's identity may make each read
 * its gates need in the namespace. A denied read blocks every gate that needs it, with the exact RBAC rule to add.
 * A review that cannot be made (API server down, timeout) blocks nothing: the checks then find out for themselves.
 */
export async function preflightKubeReads(kubeConfig: KubeConfig, options: PreflightKubeReadsOptions): Promise<KubePreflightReport> {
  const timeoutMs = options.timeoutMs ?? 5_000
  const api = makeKubeApiClient(kubeConfig, AuthorizationV1Api, { timeoutMs, maxBytes: KUBE_READ_LIMITS.maxBytes })
  const needed = new Set(Object.values(options.gateReads).flat())
  const names = (Object.keys(KUBE_READS) as KubeReadName[]).filter((name) => needed.has(name))
  const reads = await Promise.all(names.map((name) => review(api, name, options.namespace, timeoutMs)))
  return { namespace: options.namespace, reads, blockedGates: findBlockedGates(reads, options.gateReads, options.namespace) }
}

/** The gates that need a denied read, each with a reason that names the missing reads and the rules to add. */
export function findBlockedGates(
  reads: readonly KubeReadAccess[],
  gateReads: Readonly<Partial<Record<GateId, readonly KubeReadName[]>>>,
  namespace: string,
): Partial<Record<GateId, string>> {
  const blocked: Partial<Record<GateId, string>> = {}
  for (const [gate, needs] of Object.entries(gateReads) as [GateId, readonly KubeReadName[]][]) {
    const denied = reads.filter((access) => access.allowed === false && needs.includes(access.read))
    if (denied.length === 0) continue
    blocked[gate] =
      `openbell may not ${denied.map((access) => access.what).join(', ')} in namespace ${namespace} ` +
      `(SelfSubjectAccessReview denied), so this gate cannot be verified; add to the Role in ${READER_ROLE_FILE}: ` +
      denied.map((access) => access.rule).join(', ')
  }
  return blocked
}

async function review(api: AuthorizationV1Api, name: KubeReadName, namespace: string, timeoutMs: number): Promise<KubeReadAccess> {
  const read = KUBE_READS[name]
  const base = { read: name, what: describeKubeRead(read), rule: kubeReadRule(read) }
  try {
    const answer = await withinDeadline(
      api.createSelfSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: {
              namespace,
              verb: read.verb,
              group: read.group,
              resource: read.resource,
              ...('subresource' in read ? { subresource: read.subresource } : {}),
            },
          },
        },
      }),
      timeoutMs,
      () => new Error(`no answer within ${timeoutMs} ms`),
    )
    const allowed = answer.status?.allowed === true
    const reason = answer.status?.reason || answer.status?.evaluationError
    return { ...base, allowed, ...(!allowed && reason ? { reason } : {}) }
  } catch (error) {
    return { ...base, allowed: null, reason: `the access review could not be made: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }
  }
}
