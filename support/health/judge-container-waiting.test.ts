import { describe, expect, it } from 'vitest'
import { pod, runningContainer, waitingContainer } from './internal/build-pods.ts'
import { judgeContainerWaiting } from './judge-container-waiting.ts'

describe('judgeContainerWaiting', () => {
  it.each([
    { reason: 'CrashLoopBackOff', blocked: true },
    { reason: 'ImagePullBackOff', blocked: true },
    { reason: 'ErrImagePull', blocked: true },
    { reason: 'CreateContainerConfigError', blocked: true },
    { reason: 'CreateContainerError', blocked: true },
    { reason: 'ContainerCreating', blocked: false },
    { reason: 'PodInitializing', blocked: false },
  ])('a container waiting in $reason → blocked=$blocked', ({ reason, blocked }) => {
    const judgement = judgeContainerWaiting([pod('app-0', { containers: [waitingContainer(reason)] })])
    expect(judgement.status).toBe(blocked ? 'fail' : 'pass')
  })

  it('looks at init containers and every pod, owned or bare', () => {
    const judgement = judgeContainerWaiting([
      pod('debug', { owner: null, containers: [waitingContainer('ImagePullBackOff', { name: 'curl' })] }),
      pod('app-0', { initContainers: [waitingContainer('CreateContainerConfigError', { name: 'migrate' })] }),
      pod('app-1'),
    ])
    expect(judgement.findings.map((found) => `${found.pod}/${found.container}/${found.init}`)).toEqual(['debug/curl/false', 'app-0/migrate/true'])
  })

  it('names the pod, the container, the reason, the restarts and the message', () => {
    const judgement = judgeContainerWaiting([
      pod('marketdata-mcp-server-6b8f9c7d5f-x7k2p', {
        containers: [waitingContainer('CrashLoopBackOff', {
          name: 'marketdata-mcp-server-container',
          restartCount: 7,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } },
        })],
      }),
    ])
    expect(judgement.reason).toBe(
      '1 container(s) cannot run: pod marketdata-mcp-server-6b8f9c7d5f-x7k2p container marketdata-mcp-server-container ' +
        'is waiting in CrashLoopBackOff (restarts: 7): back-off 5m0s restarting failed container',
    )
  })

  it('passes a floor of running containers, and says how many pods it looked at', () => {
    expect(judgeContainerWaiting([pod('a'), pod('b', { containers: [runningContainer({ ready: false })] })])).toEqual({
      status: 'pass',
      reason: 'none of 2 pods has a container in CrashLoopBackOff, ImagePullBackOff, ErrImagePull, CreateContainerConfigError, CreateContainerError',
      findings: [],
    })
  })
})
