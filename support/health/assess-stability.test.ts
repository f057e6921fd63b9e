import { describe, expect, it } from 'vitest'
import { assessStability } from './assess-stability.ts'
import { event, minutesAgo, NOW, pod, runningContainer, waitingContainer, type PodShape } from './internal/build-pods.ts'

const restartedAt = (minutes: number, ready: boolean) =>
  runningContainer({
    ready,
    restartCount: 3,
    lastState: { terminated: { exitCode: 13, reason: 'Error', finishedAt: minutesAgo(minutes) } },
  })

describe('assessStability', () => {
  it.each<{ case: string; shape: PodShape; readyChanged: number; restarted: number; restartingNow: boolean }>([
    { case: 'stable for hours', shape: {}, readyChanged: 0, restarted: 0, restartingNow: false },
    { case: 'Ready 5 min ago', shape: { readySince: minutesAgo(5) }, readyChanged: 1, restarted: 0, restartingNow: false },
    { case: 'Ready exactly 10 min ago', shape: { readySince: minutesAgo(10) }, readyChanged: 1, restarted: 0, restartingNow: false },
    { case: 'Ready 11 min ago', shape: { readySince: minutesAgo(11) }, readyChanged: 0, restarted: 0, restartingNow: false },
    { case: 'restarted 3 min ago and ready again', shape: { containers: [restartedAt(3, true)] }, readyChanged: 0, restarted: 1, restartingNow: false },
    { case: 'restarted 3 min ago, not ready', shape: { ready: 'False', containers: [restartedAt(3, false)] }, readyChanged: 0, restarted: 1, restartingNow: true },
    { case: 'restarted an hour ago, not ready', shape: { ready: 'False', containers: [restartedAt(60, false)] }, readyChanged: 0, restarted: 0, restartingNow: false },
    {
      case: 'waiting in CrashLoopBackOff',
      shape: { ready: 'False', containers: [waitingContainer('CrashLoopBackOff', { restartCount: 7 })] },
      readyChanged: 0,
      restarted: 0,
      restartingNow: true,
    },
  ])('$case', ({ shape, readyChanged, restarted, restartingNow }) => {
    const assessment = assessStability([pod('app-0', shape)], [], NOW)
    expect(assessment.readyChanges).toHaveLength(readyChanged)
    expect(assessment.recentRestarts).toHaveLength(restarted)
    expect(assessment.status).toBe(restartingNow ? 'fail' : 'pass')
  })

  it('records recent Warning events only, with when they were last seen', () => {
    const { warningEvents } = assessStability([], [
      event('Warning', 'BackOff', 2, { count: 12, message: 'Back-off restarting failed container' }),
      event('Warning', 'Unhealthy', 45),
      event('Normal', 'Pulled', 1),
      event('Warning', 'FailedMount', 0, { lastTimestamp: undefined, series: { count: 4, lastObservedTime: minutesAgo(20) } }),
    ], NOW)
    expect(warningEvents).toEqual([
      { object: 'Pod/app-0', reason: 'BackOff', message: 'Back-off restarting failed container', count: 12, lastSeen: '2026-03-02T12:58:00.000Z' },
      { object: 'Pod/app-0', reason: 'FailedMount', message: 'FailedMount happened', count: 4, lastSeen: '2026-03-02T12:40:00.000Z' },
    ])
  })

  it('reads timestamps given as strings, as raw JSON has them', () => {
    const raw = pod('app-0', { containers: [restartedAt(3, false)] })
    raw.status!.containerStatuses![0]!.lastState!.terminated!.finishedAt = '2026-03-02T12:57:00Z' as unknown as Date
    expect(assessStability([raw], [], NOW).recentRestarts[0]?.finishedAt).toBe('2026-03-02T12:57:00.000Z')
  })

  it('honours other windows', () => {
    const assessment = assessStability([pod('app-0', { readySince: minutesAgo(15) })], [event('Warning', 'BackOff', 50)], NOW, {
      stabilityWindowMs: 20 * 60_000,
      warningEventWindowMs: 60 * 60_000,
    })
    expect([assessment.readyChanges.length, assessment.warningEvents.length]).toEqual([1, 1])
  })

  it('says which pod and container is restarting now, and why', () => {
    const assessment = assessStability([
      pod('marketdata-0', { ready: 'False', containers: [waitingContainer('CrashLoopBackOff', { name: 'md', restartCount: 7 })] }),
      pod('whale-strategy-0', { ready: 'False', containers: [{ ...restartedAt(3, false), name: 'whale' }] }),
    ], [], NOW)
    expect(assessment.status).toBe('fail')
    expect(assessment.reason).toBe(
      '2 container(s) restarting now: pod marketdata-0 container md is restarting now: waiting in CrashLoopBackOff after 7 restarts; ' +
        'pod whale-strategy-0 container whale is restarting now: last run ended 2026-03-02T12:57:00.000Z (Error, exit 13) and it is not ready',
    )
  })
})
