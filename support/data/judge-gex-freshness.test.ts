import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import { judgeGexFreshness } from './judge-gex-freshness.ts'

/** Issue 19: the GEX overlay the Whale Flow page shows as live has a maximum age, like the trades. */
const PATH = 'tenants/t1/ops/system_status'
const NOW = new Date('2026-02-05T14:30:00.000Z')
const DAY = 86_400
const dated = (secondsAgo: number) => ({
  path: PATH,
  document: { id: 'system_status', path: PATH, data: { net_gex: 1, volatility_bias: 'Neutral', timestamp: Timestamp.fromMillis(NOW.getTime() - secondsAgo * 1000) } },
})

describe('judgeGexFreshness', () => {
  it.each<[string, ReturnType<typeof dated> | { path: string; document: null }, boolean, string]>([
    ['seeded a minute ago', dated(60), true, `${PATH} is from 2026-02-05T14:29:00.000Z, 60 s old (≤ 86400 s)`],
    ['exactly a day old', dated(DAY), true, `${PATH} is from 2026-02-04T14:30:00.000Z, 86400 s old (≤ 86400 s)`],
    [
      '90 days old (the issue 19 setup)',
      dated(90 * DAY),
      false,
      `${PATH} is from 2025-11-07T14:30:00.000Z, 90.0 days (7776000 s) old, over the 86400 s allowed (--max-gex-age): the GEX overlay shows stale numbers as live. Reseed, or check the writer`,
    ],
    ['ten minutes in the future', dated(-600), false, `${PATH} is dated 2026-02-05T14:40:00.000Z, 600 s in the future: that proves nothing about recency; check the writer's clock`],
    ['a few seconds in the future (clock skew)', dated(-5), true, `${PATH} is from 2026-02-05T14:30:05.000Z, 0 s old (≤ 86400 s)`],
    ['no document', { path: PATH, document: null }, false, `${PATH} does not exist: there is no GEX overlay to be recent`],
  ])('%s', (_name, observation, fresh, reason) => {
    expect(judgeGexFreshness(observation, NOW, DAY)).toMatchObject({ status: fresh ? 'pass' : 'fail', reason })
  })

  it('fails a timestamp stored as a string: the overlay cannot be dated as the UI dates it', () => {
    const observation = { path: PATH, document: { id: 'system_status', path: PATH, data: { timestamp: '2026-02-05T14:30:00Z' } } }
    expect(judgeGexFreshness(observation, NOW, DAY)).toMatchObject({ status: 'fail', reason: expect.stringContaining('has no timestamp the GEX overlay can be dated by') })
  })
})
