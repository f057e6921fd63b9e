import { describe, expect, it } from 'vitest'
import { deploymentStatus, statefulSetStatus } from './internal/build-pods.ts'
import { describeRollouts, judgeWorkloadRollout } from './judge-workload-rollout.ts'

describe('judgeWorkloadRollout', () => {
  it.each([
    { case: '1/1 ready, observed', deployment: deploymentStatus('d', 1, 1), problems: [] },
    { case: 'scaled to zero', deployment: deploymentStatus('d', 0, undefined), problems: [] },
    { case: 'replicas unset means 1', deployment: deploymentStatus('d', undefined, 1), problems: [] },
    { case: 'observed ahead of generation', deployment: deploymentStatus('d', 1, 1, 2, 3), problems: [] },
    { case: '0/1 ready', deployment: deploymentStatus('d', 1, 0), problems: ['0/1 replicas ready'] },
    { case: 'readyReplicas absent', deployment: deploymentStatus('d', 2, undefined), problems: ['0/2 replicas ready'] },
    {
      case: 'latest spec not observed',
      deployment: deploymentStatus('d', 1, 1, 4, 3),
      problems: ['observedGeneration 3 < generation 4 (the controller has not acted on the latest spec)'],
    },
    {
      case: 'no observedGeneration',
      deployment: deploymentStatus('d', 1, 1, 1, null),
      problems: ['observedGeneration unset < generation 1 (the controller has not acted on the latest spec)'],
    },
  ])('$case → $problems', ({ deployment, problems }) => {
    const judgement = judgeWorkloadRollout(describeRollouts([deployment], []))
    expect(judgement.findings.flatMap((found) => found.problems)).toEqual(problems)
    expect(judgement.status).toBe(problems.length === 0 ? 'pass' : 'fail')
  })

  it('names each workload with its kind and namespace', () => {
    const judgement = judgeWorkloadRollout(describeRollouts([deploymentStatus('marketdata-mcp-server', 1, 1)], [statefulSetStatus('whale-strategy', 1, 0)]))
    expect(judgement.reason).toBe('not rolled out: StatefulSet/trading-floor/whale-strategy: 0/1 replicas ready')
  })

  it('passes when everything is rolled out', () => {
    expect(judgeWorkloadRollout(describeRollouts([deploymentStatus('a', 1, 1)], [statefulSetStatus('b', 1, 1)]))).toEqual({
      status: 'pass',
      reason: 'all 2 Deployments, StatefulSets and DaemonSets are rolled out with every replica ready',
      findings: [],
    })
  })

  it('is unverified, never passed vacuously, when there is no workload at all', () => {
    expect(judgeWorkloadRollout([])).toEqual({
      status: 'unverified',
      reason: 'the namespace holds no Deployment, StatefulSet or DaemonSet, so no rollout was judged; check --namespace',
      findings: [],
    })
  })
})
