import { describe, expect, it } from 'vitest'
import { minutesAgo, pod, waitingContainer } from './internal/build-pods.ts'
import { summarizePod } from './summarize-pod.ts'

describe('summarizePod', () => {
  it('keeps owner, phase, Ready and each container, nothing of the spec', () => {
    const summary = summarizePod(pod('whale-strategy-0', {
      owner: 'StatefulSet/whale-strategy',
      ready: 'False',
      readySince: minutesAgo(4),
      containers: [waitingContainer('CrashLoopBackOff', { name: 'whale', restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: minutesAgo(1) } } })],
    }))
    expect(summary).toEqual({
      name: 'whale-strategy-0',
      owner: 'StatefulSet/whale-strategy',
      phase: 'Running',
      ready: 'False',
      readySince: '2026-03-02T12:56:00.000Z',
      node: 'node-1',
      containers: [{
        name: 'whale',
        init: false,
        image: 'registry.example/app:1.0.0',
        imageID: 'registry.example/app@sha256:0000',
        ready: false,
        restartCount: 2,
        state: 'waiting (CrashLoopBackOff)',
        lastTerminatedAt: '2026-03-02T12:59:00.000Z',
      }],
    })
  })
})
