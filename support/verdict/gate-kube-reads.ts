import type { KubeReadName } from '../clients/kube-reads.ts'
import type { GateId } from './api.ts'

/** What `observeWorkloads` reads: every controller kind, every pod and the ConfigMaps their env refers to. */
const WORKLOADS_AND_CONFIGMAPS: readonly KubeReadName[] = [
  'listConfigMaps',
  'listDeployments',
  'listStatefulSets',
  'listDaemonSets',
  'listReplicaSets',
  'listJobs',
  'listCronJobs',
  'listPods',
]

/**
 * Which Kubernetes reads each gate's checks make, as data: the start-of-run permission check makes a gate
 * `unverified` (naming the RBAC rule to add) when the API server says openbell may not make one of them.
 * A gate listing a read it does not make is only stricter; `tests/operations/gate-kube-reads.test.ts` checks that every
 * read a spec makes is listed for its gate.
 */
export const GATE_KUBE_READS: Readonly<Record<GateId, readonly KubeReadName[]>> = Object.freeze({
  session: ['listDeployments', 'listStatefulSets', 'listDaemonSets', 'listReplicaSets', 'listJobs', 'listCronJobs', 'listPods'],
  'data-seeded': [],
  'paper-execution': [...WORKLOADS_AND_CONFIGMAPS],
  'kill-switch': ['readConfigMap', ...WORKLOADS_AND_CONFIGMAPS, 'proxyGet'],
  metrics: ['proxyGet'],
  'marketdata-freshness': ['proxyGet'],
  'cluster-health': ['listEvents', ...WORKLOADS_AND_CONFIGMAPS],
})
