/**
 * Gate `cluster-health` (its title, runbook steps, reads and check ids: support/gates/gate-registry.ts), over every
 * object of the namespace (AgentTrader uses two `part-of` values, so no label selector). Proves nothing is
 * crash-looping or failing to pull, every workload is rolled out and Ready, nothing is restarting now, and no workload
 * switches the market-data staleness check off.
 */
import { describe } from 'vitest'
import {
  assessStability,
  findInObservedObjects,
  findStalenessBypass,
  gateTitle,
  it,
  judgeContainerWaiting,
  judgePodReadiness,
  judgeStalenessBypass,
  judgeWorkloadRollout,
  listPodsWhereWanted,
  observeWorkloads,
  readRollouts,
  summarizePod,
} from '../support/index.ts'

describe(gateTitle('cluster-health'), () => {
  it('no container is in CrashLoopBackOff, an image-pull error or a container-config error', { meta: { check: 'no-crashloop-or-pull-errors' } }, async ({ kube, evidence, expectJudgement }) => {
    const pods = await listPodsWhereWanted(kube)
    evidence.json('pods', pods.map(summarizePod))
    evidence.values({ pods: pods.length })
    expectJudgement(judgeContainerWaiting(pods))
  })

  it('every pod is Ready, and every workload that wants pods has some', { meta: { check: 'pods-ready' } }, async ({ kube, evidence, expectJudgement }) => {
    const [pods, rollouts] = await Promise.all([kube.listPods(), readRollouts(kube)])
    evidence.json('pods', pods.map(summarizePod))
    expectJudgement(judgePodReadiness(pods, rollouts))
  })

  it('every Deployment, StatefulSet and DaemonSet has all replicas ready and has observed its latest spec', { meta: { check: 'workloads-rolled-out' } }, async ({ kube, evidence, expectJudgement }) => {
    const rollouts = await readRollouts(kube)
    evidence.values({ rollouts })
    expectJudgement(judgeWorkloadRollout(rollouts))
  })

  it('no pod is restarting now (recent restarts, Ready changes and Warning events are recorded)', { meta: { check: 'stable' } }, async ({ kube, evidence, expectJudgement }) => {
    const [pods, events] = await Promise.all([listPodsWhereWanted(kube), kube.listEvents()])
    const stability = assessStability(pods, events, new Date())
    evidence.values({
      readyChangedWithin10m: stability.readyChanges,
      restartedWithin10m: stability.recentRestarts,
      warningEventsWithin30m: stability.warningEvents,
    })
    expectJudgement(stability)
  })

  it('no workload bypasses the market-data staleness check', { meta: { check: 'no-staleness-bypass' } }, async ({ kube, evidence, expectJudgement }) => {
    const { workloads, configMaps } = await observeWorkloads(kube, evidence)
    expectJudgement(judgeStalenessBypass(findInObservedObjects('the staleness-bypass rule', () => findStalenessBypass(workloads, configMaps))))
  })
})
