/**
 * Gate `session` — pre_market.md steps 0 and 6 (what is evaluated; the last-known-good capture). Records which
 * cluster and which images are being judged, proves every image is pinned so the evaluated floor is the floor that
 * trades, and proves the target session (`--session`, default the next NYSE session) is a trading day.
 */
import { describe, expect } from 'vitest'
import {
  chooseCalendarAuthority,
  CouldNotCheckError,
  it,
  judgeClusterIdentity,
  judgeWorkloadImages,
  listWorkloads,
  lookUpTargetSession,
  recordedClusterIdentity,
} from '../support/index.ts'

describe('Gate 1 — the session and what is being evaluated', () => {
  it('every workload image is pinned to a version tag or a digest', { meta: { check: 'images-pinned' } }, async ({ kube, evidence }) => {
    const judgement = judgeWorkloadImages(await listWorkloads(kube))
    evidence.json('workload-images', judgement.images)
    evidence.values({
      images: judgement.images.map(({ workload, container, init, image, pinning }) => ({ workload, container, init, image, pinned: pinning.pinned })),
      reason: judgement.reason,
    })
    expect(judgement.ok, judgement.reason).toBe(true)
  })

  it('the target session is an NYSE trading day', { meta: { check: 'trading-day' } }, async ({ run, evidence }) => {
    const authority = chooseCalendarAuthority({ timeoutMs: run.requestTimeoutMs })
    evidence.values({ authority: authority.name, source: authority.source, requested: run.session })
    const { date, defaulted, judgement } = await lookUpTargetSession(authority, run.session, new Date())
    const session = judgement.status === 'trading' ? judgement.session : null
    evidence.values({
      session: date,
      defaulted,
      status: judgement.status,
      opensAt: session?.openAt.toISOString() ?? null,
      closesAt: session?.closeAt.toISOString() ?? null,
      earlyClose: session?.earlyClose ?? null,
      reason: judgement.reason,
    })
    if (judgement.status === 'unknown') throw new CouldNotCheckError(`${judgement.reason} (authority: ${authority.source})`)
    expect(judgement.status, judgement.reason).toBe('trading')
  })

  it("the cluster's context, API server and version are recorded", { meta: { check: 'cluster-identity' } }, async ({ run, evidence }) => {
    const identity = recordedClusterIdentity(run)
    const judgement = judgeClusterIdentity(identity)
    evidence.values({ ...identity, reason: judgement.reason })
    expect(judgement.ok, judgement.reason).toBe(true)
  })
})
