/**
 * Gate `session` (its title, runbook steps, reads and check ids: support/gates/gate-registry.ts). Records which
 * cluster and which images are being judged, proves every image is pinned so the evaluated floor is the floor that
 * trades, and proves the target session (`--session`, default the next NYSE session) is a trading day.
 */
import { describe } from 'vitest'
import {
  chooseCalendarAuthority,
  gateTitle,
  it,
  judgeClusterIdentity,
  judgeWorkloadImages,
  listWorkloads,
  lookUpTargetSession,
  recordedClusterIdentity,
} from '../support/index.ts'

describe(gateTitle('session'), () => {
  it('every workload image is pinned to a version tag or a digest', { meta: { check: 'images-pinned' } }, async ({ kube, evidence, expectJudgement }) => {
    const judgement = judgeWorkloadImages(await listWorkloads(kube))
    evidence.json('workload-images', judgement.images)
    evidence.values({ images: judgement.images.map(({ workload, container, init, image, pinning }) => ({ workload, container, init, image, pinned: pinning.pinned })) })
    expectJudgement(judgement)
  })

  it('the target session is an NYSE trading day', { meta: { check: 'trading-day' } }, async ({ run, evidence, expectJudgement }) => {
    const authority = chooseCalendarAuthority({ timeoutMs: run.requestTimeoutMs })
    evidence.values({ authority: authority.name, source: authority.source, requested: run.session })
    const { date, defaulted, judgement } = await lookUpTargetSession(authority, run.session, new Date())
    evidence.values({
      session: date,
      defaulted,
      opensAt: judgement.session?.openAt.toISOString() ?? null,
      closesAt: judgement.session?.closeAt.toISOString() ?? null,
      earlyClose: judgement.session?.earlyClose ?? null,
    })
    expectJudgement(judgement)
  })

  it("the cluster's context, API server and version are recorded", { meta: { check: 'cluster-identity' } }, async ({ run, evidence, expectJudgement }) => {
    const identity = recordedClusterIdentity(run)
    evidence.values({ ...identity })
    expectJudgement(judgeClusterIdentity(identity))
  })
})
