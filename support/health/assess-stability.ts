import type { CoreV1Event, V1Pod } from '@kubernetes/client-node'
import { judgeFindings, type Judgement } from '../judgement.ts'
import { findCondition, listContainerStatuses, podName } from './internal/pod-parts.ts'
import { isWithin, toInstant } from './internal/to-instant.ts'
import { resolveKubeHealthOptions, type KubeHealthOptions } from './kube-health-options.ts'

/** A pod whose Ready condition changed within the stability window. */
export interface ReadyChange {
  pod: string
  /** The condition's status now: `True` or `False`. */
  ready: string
  /** When it changed, RFC 3339. */
  since: string
}

/** A container that terminated within the stability window and was restarted. */
export interface RecentRestart {
  pod: string
  container: string
  restartCount: number
  /** When its last run ended, RFC 3339. */
  finishedAt: string
  exitCode: number | null
  reason: string | null
  /** Whether the container is ready again. */
  ready: boolean
}

/** A Warning event seen within the event window. */
export interface WarningEvent {
  /** `Kind/name` of the object it is about. */
  object: string
  reason: string | null
  message: string | null
  count: number
  /** When it was last seen, RFC 3339. */
  lastSeen: string
}

/** A container restarting now: the one stability finding that fails the gate. */
export interface RestartingContainer {
  pod: string
  container: string
  why: string
}

/** What the stability rule saw: the judgement is on containers restarting now; the rest is evidence. */
export interface StabilityAssessment extends Judgement<RestartingContainer> {
  readyChanges: ReadyChange[]
  recentRestarts: RecentRestart[]
  warningEvents: WarningEvent[]
}

/**
 * Assesses stability at `now` ("Ready and stable for 10+ minutes, with no new Warning events",
 * `docs/ops/runbooks/crashloop_backoff.md`). A recent Ready change, a recent restart that recovered, or a Warning
 * event is recorded, not failed: the runbook's fault is a pod restarting *now* — a container waiting in
 * CrashLoopBackOff, or one whose last run ended within the window and that is not ready again.
 */
export function assessStability(pods: readonly V1Pod[], events: readonly CoreV1Event[], now: Date, options: KubeHealthOptions = {}): StabilityAssessment {
  const { stabilityWindowMs, warningEventWindowMs } = resolveKubeHealthOptions(options)
  const readyChanges: ReadyChange[] = []
  const recentRestarts: RecentRestart[] = []
  const restarting: RestartingContainer[] = []
  for (const pod of pods) {
    const ready = findCondition(pod, 'Ready')
    const changedAt = toInstant(ready?.lastTransitionTime)
    if (ready && isWithin(changedAt, now, stabilityWindowMs)) {
      readyChanges.push({ pod: podName(pod), ready: ready.status, since: changedAt!.toISOString() })
    }
    for (const { status } of listContainerStatuses(pod)) {
      const terminated = status.lastState?.terminated
      const finishedAt = toInstant(terminated?.finishedAt)
      const restartedRecently = (status.restartCount ?? 0) > 0 && isWithin(finishedAt, now, stabilityWindowMs)
      if (restartedRecently) {
        recentRestarts.push({
          pod: podName(pod),
          container: status.name,
          restartCount: status.restartCount,
          finishedAt: finishedAt!.toISOString(),
          exitCode: terminated?.exitCode ?? null,
          reason: terminated?.reason ?? null,
          ready: status.ready === true,
        })
      }
      if (status.state?.waiting?.reason === 'CrashLoopBackOff') {
        restarting.push({ pod: podName(pod), container: status.name, why: `waiting in CrashLoopBackOff after ${status.restartCount} restarts` })
      } else if (restartedRecently && status.ready !== true) {
        const exit = terminated?.exitCode === undefined ? '' : `, exit ${terminated.exitCode}`
        restarting.push({
          pod: podName(pod),
          container: status.name,
          why: `last run ended ${finishedAt!.toISOString()} (${terminated?.reason ?? 'no reason given'}${exit}) and it is not ready`,
        })
      }
    }
  }
  const warningEvents = events.flatMap((event) => {
    if (event.type !== 'Warning') return []
    const lastSeen = toInstant(event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp)
    if (!isWithin(lastSeen, now, warningEventWindowMs)) return []
    return [{
      object: `${event.involvedObject?.kind ?? '?'}/${event.involvedObject?.name ?? '?'}`,
      reason: event.reason ?? null,
      message: event.message ?? null,
      count: event.series?.count ?? event.count ?? 1,
      lastSeen: lastSeen!.toISOString(),
    }]
  })
  const minutes = Math.round(stabilityWindowMs / 60_000)
  return {
    ...judgeFindings(
      restarting,
      (found) => `pod ${found.pod} container ${found.container} is restarting now: ${found.why}`,
      `no container is restarting now (window ${minutes} min)`,
      `${restarting.length} container(s) restarting now`,
    ),
    readyChanges,
    recentRestarts,
    warningEvents,
  }
}
