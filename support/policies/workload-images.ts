import { describeWorkload, type Workload } from '../kube-posture/index.ts'
import { judgeImagePinning, type ImagePinning } from './image-pinning.ts'

/** One container image of one workload's pod template, with its pinning judgement. */
export interface WorkloadImage {
  /** `Kind/namespace/name`, e.g. `CronJob/trading-floor/ops-heartbeat-writer`. */
  workload: string
  /** The container's name. */
  container: string
  /** Whether it is an init container. */
  init: boolean
  /** The image reference as written in the pod template. */
  image: string | null
  /** Whether it is pinned, and why not. */
  pinning: ImagePinning
}

/** The judgement over every workload image. */
export interface WorkloadImagesJudgement {
  /** True when every image is pinned (and there is at least one). */
  ok: boolean
  /** What was found, naming each unpinned workload and container. */
  reason: string
  /** Every image, init containers first within a workload. */
  images: WorkloadImage[]
}

/**
 * Lists the image of every container (init containers first) of every workload's pod template, and judges each.
 * @throws UsageError (from `describeWorkload`) for an object without `kind` or pod template.
 */
export function judgeWorkloadImages(workloads: readonly Workload[]): WorkloadImagesJudgement {
  const images = workloads.flatMap((object) => {
    const workload = describeWorkload(object)
    const containers = [
      ...(workload.podSpec.initContainers ?? []).map((container) => ({ container, init: true })),
      ...workload.podSpec.containers.map((container) => ({ container, init: false })),
    ]
    return containers.map(({ container, init }) => ({
      workload: workload.id,
      container: container.name,
      init,
      image: container.image ?? null,
      pinning: judgeImagePinning(container.image),
    }))
  })
  const unpinned = images.filter((each) => !each.pinning.pinned)
  if (images.length === 0) return { ok: false, reason: 'no workload image was found, so nothing was evaluated', images }
  if (unpinned.length === 0) return { ok: true, reason: `all ${images.length} workload images are pinned by tag or digest`, images }
  const listed = unpinned.map((each) => `${each.workload} ${each.init ? 'init container' : 'container'} ${each.container}: ${each.pinning.reason}`)
  return { ok: false, reason: `${unpinned.length} unpinned image(s); pin a version tag or digest: ${listed.join('; ')}`, images }
}
