/**
 * Gate `cluster-health` (its title, runbook steps, reads and check ids: support/verdict/gate-registry.ts), over every
 * object of the namespace (AgentTrader uses two `part-of` values, so no label selector). Proves nothing is
 * crash-looping or failing to pull, every workload is rolled out and Ready, nothing is restarting now, and no workload
 * switches the market-data staleness check off.
 */
import { describe, expect } from 'vitest'
import {
  assessStability,
  CouldNotCheckError,
  describeRollouts,
  findStalenessBypass,
  gateTitle,
  it,
  judgeContainerWaiting,
  judgeObservedObjects,
  judgePodReadiness,
  judgeStalenessBypass,
  judgeWorkloadRollout,
  observeWorkloads,
  summarizePod,
  type KubeReader,
} from '../support/index.ts'

describe(gateTitle('cluster-health'), () => {
  it('no container is in CrashLoopBackOff, an image-pull error or a container-config error', { meta: { check: 'no-crashloop-or-pull-errors' } }, async ({ kube, evidence }) => {
    const pods = await listPodsWhereWanted(kube)
    evidence.json('pods', pods.map(summarizePod))
    const judgement = judgeContainerWaiting(pods)
    evidence.values({ pods: pods.length, blocked: judgement.findings })
    expect(judgement.ok, judgement.reason).toBe(true)
  })

  it('every pod is Ready, and every workload that wants pods has some', { meta: { check: 'pods-ready' } }, async ({ kube, evidence }) => {
    const [pods, rollouts] = await Promise.all([kube.listPods(), readRollouts(kube)])
    evidence.json('pods', pods.map(summarizePod))
    const judgement = judgePodReadiness(pods, rollouts)
    evidence.values({ notReady: judgement.findings })
    expect(judgement.ok, judgement.reason).toBe(true)
  })

  it('every Deployment, StatefulSet and DaemonSet has all replicas ready and has observed its latest spec', { meta: { check: 'workloads-rolled-out' } }, async ({ kube, evidence }) => {
    const [deployments, statefulSets, daemonSets] = await Promise.all([kube.listDeployments(), kube.listStatefulSets(), kube.listDaemonSets()])
    const rollouts = describeRollouts(deployments, statefulSets, daemonSets)
    evidence.values({ rollouts })
    if (rollouts.length === 0) throw new CouldNotCheckError('the namespace holds no Deployment, StatefulSet or DaemonSet, so no rollout was judged; check --namespace')
    const judgement = judgeWorkloadRollout(deployments, statefulSets, daemonSets)
    expect(judgement.ok, judgement.reason).toBe(true)
  })

  it('no pod is restarting now (recent restarts, Ready changes and Warning events are recorded)', { meta: { check: 'stable' } }, async ({ kube, evidence }) => {
    const [pods, events] = await Promise.all([listPodsWhereWanted(kube), kube.listEvents()])
    const stability = assessStability(pods, events, new Date())
    evidence.values({
      readyChangedWithin10m: stability.readyChanges,
      restartedWithin10m: stability.recentRestarts,
      warningEventsWithin30m: stability.warningEvents,
      restartingNow: stability.restartingNow.findings,
    })
    expect(stability.restartingNow.ok, stability.restartingNow.reason).toBe(true)
  })

  it('no workload bypasses the market-data staleness check', { meta: { check: 'no-staleness-bypass' } }, async ({ kube, evidence }) => {
    const { workloads, configMaps } = await observeWorkloads(kube, evidence)
    const findings = judgeObservedObjects('the staleness-bypass rule', () => findStalenessBypass(workloads, configMaps))
    const judgement = judgeStalenessBypass(findings)
    evidence.values({ findings, reason: judgement.reason })
    if (judgement.status === 'unknown') throw new CouldNotCheckError(judgement.reason)
    expect(judgement.status, judgement.reason).toBe('clear')
  })
})

/** Every Deployment, StatefulSet and DaemonSet with its wanted and ready pods. */
async function readRollouts(kube: KubeReader) {
  const [deployments, statefulSets, daemonSets] = await Promise.all([kube.listDeployments(), kube.listStatefulSets(), kube.listDaemonSets()])
  return describeRollouts(deployments, statefulSets, daemonSets)
}

/**
 * The pods of the namespace; none at all while workloads want some is could-not-check: a rule over no pod would pass
 * vacuously (the pods-ready check fails it outright).
 */
async function listPodsWhereWanted(kube: KubeReader) {
  const [pods, rollouts] = await Promise.all([kube.listPods(), readRollouts(kube)])
  const wanting = rollouts.filter((rollout) => rollout.desired > 0)
  if (pods.length === 0 && wanting.length > 0) {
    throw new CouldNotCheckError(`the namespace has no pod, while ${wanting.map((rollout) => `${rollout.workload} wants ${rollout.desired}`).join(', ')}: there is nothing to judge`)
  }
  return pods
}
