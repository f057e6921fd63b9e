import { describe, expect, it } from 'vitest'
import { pod, runningContainer, waitingContainer, type PodShape } from './internal/build-pods.ts'
import { judgePodReadiness } from './judge-pod-readiness.ts'

describe('judgePodReadiness', () => {
  it.each<{ case: string; shape: PodShape; status: 'pass' | 'fail' }>([
    { case: 'a Ready workload pod', shape: {}, status: 'pass' },
    { case: 'a workload pod with Ready=False', shape: { ready: 'False' }, status: 'fail' },
    { case: 'a workload pod without a Ready condition', shape: { ready: null, phase: 'Pending', containers: [] }, status: 'fail' },
    { case: 'a StatefulSet pod with Ready=False', shape: { owner: 'StatefulSet/whale-strategy', ready: 'False' }, status: 'fail' },
    { case: 'a bare pod that is not Ready', shape: { owner: null, ready: 'False' }, status: 'fail' },
    { case: "a finished Job's pod", shape: { owner: 'Job/ops-heartbeat-writer-1', phase: 'Succeeded', ready: 'False' }, status: 'pass' },
    { case: 'an evicted pod', shape: { phase: 'Failed', ready: 'False' }, status: 'pass' },
    { case: "a running Job's pod that is not Ready", shape: { owner: 'Job/ops-heartbeat-writer-1', ready: 'False' }, status: 'fail' },
  ])('$case → $status', ({ shape, status }) => {
    expect(judgePodReadiness([pod('app-0', shape)]).status).toBe(status)
  })

  it('names the pod, its owner, the Ready condition and each container that is not ready', () => {
    const judgement = judgePodReadiness([
      pod('whale-strategy-0', {
        owner: 'StatefulSet/whale-strategy',
        ready: 'False',
        containers: [runningContainer({ name: 'whale-strategy-container', ready: false })],
      }),
      pod('gamma-strategy-0', {
        owner: 'StatefulSet/gamma-strategy',
        phase: 'Pending',
        ready: 'False',
        containers: [waitingContainer('ImagePullBackOff', { name: 'gamma-strategy-container' })],
      }),
    ])
    expect(judgement.reason).toBe(
      '2 pod(s) not Ready or missing: ' +
        'pod whale-strategy-0 (StatefulSet/whale-strategy) is not Ready: phase Running, Ready=False, container whale-strategy-container running, not ready; ' +
        'pod gamma-strategy-0 (StatefulSet/gamma-strategy) is not Ready: phase Pending, Ready=False, container gamma-strategy-container waiting (ImagePullBackOff)',
    )
  })

  it('counts every running pod, bare ones too, in its pass reason', () => {
    expect(judgePodReadiness([pod('a'), pod('b'), pod('debug', { owner: null })]).reason).toBe('all 3 pods are Ready, and every workload that wants pods has some')
  })

  it('fails, never passes vacuously, when there is no pod while workloads want some', () => {
    const rollout = { workload: 'Deployment/trading-floor/strategy-engine', desired: 1, ready: 1, generation: 1, observedGeneration: 1, problems: [] }
    const judgement = judgePodReadiness([], [rollout])
    expect(judgement.status).toBe('fail')
    expect(judgement.reason).toContain('Deployment/trading-floor/strategy-engine has no pod: it wants 1 pod(s) and the namespace has none of them')
    const owned = pod('strategy-engine-5c9d7f8b6c-q4n8d', { owner: 'ReplicaSet/strategy-engine-5c9d7f8b6c' })
    expect(judgePodReadiness([owned], [rollout]).status).toBe('pass')
    expect(judgePodReadiness([], [{ ...rollout, desired: 0 }]).status).toBe('pass')
  })

  it("does not count another Deployment's pods whose name starts the same (strategy-engine vs strategy-engine-canary)", () => {
    const rollout = { workload: 'Deployment/trading-floor/strategy-engine', desired: 2, ready: 2, generation: 1, observedGeneration: 1, problems: [] }
    const canary = pod('strategy-engine-canary-7f6d5c4b3a-x1y2z', { owner: 'ReplicaSet/strategy-engine-canary-7f6d5c4b3a' })
    const judgement = judgePodReadiness([canary], [rollout])
    expect(judgement.status).toBe('fail')
    expect(judgement.reason).toContain('Deployment/trading-floor/strategy-engine has no pod')
  })
})
