import type { Judgement } from '../judgement.ts'
import { describeWorkload, type Workload } from '../posture/index.ts'
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

/** The judgement over every workload image: `pass` when every image is pinned (and there is one); the findings are the unpinned ones. */
export interface WorkloadImagesJudgement extends Judgement<WorkloadImage> {
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
  if (images.length === 0) return { status: 'fail', reason: 'no workload image was found, so nothing was evaluated', findings: [], images }
  if (unpinned.length === 0) return { status: 'pass', reason: `all ${images.length} workload images are pinned by tag or digest`, findings: [], images }
  const listed = unpinned.map((each) => `${each.workload} ${each.init ? 'init container' : 'container'} ${each.container}: ${each.pinning.reason}`)
  return { status: 'fail', reason: `${unpinned.length} unpinned image(s); pin a version tag or digest: ${listed.join('; ')}`, findings: unpinned, images }
}
