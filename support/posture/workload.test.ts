import type { V1DaemonSet, V1Job, V1Pod, V1StatefulSet } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { cronJob, deployment } from './internal/build-workloads.ts'
import { describeWorkload, type Workload } from './workload.ts'

const statefulSet: V1StatefulSet = {
  kind: 'StatefulSet',
  metadata: { name: 'gamma-strategy' },
  spec: { serviceName: 'gamma-strategy', selector: {}, template: { spec: { containers: [{ name: 'c' }] } } },
}
const job: V1Job = { kind: 'Job', metadata: { name: 'once', namespace: 'ops' }, spec: { parallelism: 2, template: { spec: { containers: [{ name: 'c' }] } } } }

const daemonSet: V1DaemonSet = {
  kind: 'DaemonSet',
  metadata: { name: 'node-agent', namespace: 'trading-floor' },
  spec: { selector: {}, template: { spec: { containers: [{ name: 'c' }] } } },
}
const pod = (phase: string): V1Pod => ({ kind: 'Pod', metadata: { name: 'debug', namespace: 'trading-floor' }, spec: { containers: [{ name: 'c' }] }, status: { phase } })

describe('describeWorkload', () => {
  it.each<{ workload: Workload; id: string; replicas: number }>([
    { workload: deployment('a', []), id: 'Deployment/trading-floor/a', replicas: 1 },
    { workload: deployment('a', [], { replicas: 0 }), id: 'Deployment/trading-floor/a', replicas: 0 },
    { workload: statefulSet, id: 'StatefulSet/default/gamma-strategy', replicas: 1 },
    { workload: job, id: 'Job/ops/once', replicas: 2 },
    { workload: { ...job, spec: { ...job.spec!, suspend: true } }, id: 'Job/ops/once', replicas: 0 },
    { workload: cronJob('tick', []), id: 'CronJob/trading-floor/tick', replicas: 1 },
    { workload: cronJob('tick', [], true), id: 'CronJob/trading-floor/tick', replicas: 0 },
    { workload: daemonSet, id: 'DaemonSet/trading-floor/node-agent', replicas: 1 },
    { workload: { ...daemonSet, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0, numberReady: 3 } }, id: 'DaemonSet/trading-floor/node-agent', replicas: 3 },
    { workload: { ...deployment('rs', []), kind: 'ReplicaSet' }, id: 'ReplicaSet/trading-floor/rs', replicas: 1 },
    { workload: pod('Running'), id: 'Pod/trading-floor/debug', replicas: 1 },
    { workload: pod('Succeeded'), id: 'Pod/trading-floor/debug', replicas: 0 },
  ])('$id wants $replicas pod(s)', ({ workload, id, replicas }) => {
    expect(describeWorkload(workload)).toMatchObject({ id, replicas })
  })

  it('refuses a kind it does not read, listing the ones it does', () => {
    expect(() => describeWorkload({ ...deployment('a', []), kind: 'ReplicationController' })).toThrow(
      '[openbell] workload a has kind "ReplicationController"; expected one of Deployment, StatefulSet, DaemonSet, ReplicaSet, CronJob, Job, Pod.',
    )
  })
})
