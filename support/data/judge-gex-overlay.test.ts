import { describe, expect, it } from 'vitest'
import { compareDocumentIds, judgeGexOverlay } from './judge-gex-overlay.ts'

const PATH = 'tenants/t1/ops'
const ops = (ids: string[], total = ids.length) => ({
  path: PATH,
  documents: ids.map((id) => ({ id, path: `${PATH}/${id}`, data: {} })),
  total,
})
const SHADOWED =
  `the UI's query collection('tenants/t1/ops').limit(1) returns "market_ingest" (first by document id), not "system_status": ` +
  'the GEX overlay would show the defaults net_gex=0 and volatility_bias "Neutral" (useWhaleFlow.ts reads the whole ops collection). ' +
  'Move "market_ingest" out of tenants/t1/ops, or make the UI read system_status by id'

describe('judgeGexOverlay', () => {
  it.each([
    { name: 'system_status alone', observation: ops(['system_status']), status: 'pass', firstId: 'system_status' },
    { name: 'system_status before later ids', observation: ops(['system_status', 'zz_metrics']), status: 'pass', firstId: 'system_status' },
    {
      name: 'market_ingest, written after system_status (the Node emulator returns write order)',
      observation: ops(['system_status', 'market_ingest']),
      status: 'fail',
      firstId: 'market_ingest',
      reason: SHADOWED,
    },
    { name: 'market_ingest in id order (Cloud Firestore)', observation: ops(['market_ingest', 'system_status']), status: 'fail', firstId: 'market_ingest', reason: SHADOWED },
    { name: 'an upper-case id sorts before lower case', observation: ops(['system_status', 'Status']), status: 'fail', firstId: 'Status' },
    {
      name: 'an empty collection',
      observation: ops([]),
      status: 'fail',
      firstId: null,
      reason:
        "the UI's query collection('tenants/t1/ops').limit(1) returns nothing: tenants/t1/ops is empty, so the GEX overlay stays blank. Reseed with `openbell seed`",
    },
    { name: 'a large collection in id order (the server’s order is trusted)', observation: ops(['system_status', 'z1', 'z2'], 500), status: 'pass', firstId: 'system_status' },
    { name: 'a large collection in id order, shadowed', observation: ops(['a', 'system_status'], 500), status: 'fail', firstId: 'a' },
    {
      name: 'a large collection out of id order (the Node emulator)',
      observation: ops(['system_status', 'a'], 500),
      status: 'unverified',
      firstId: null,
      reason:
        'tenants/t1/ops holds 500 documents, more than the 2 read, and they did not come back in document-id order (the pure-Node ' +
        'emulator ignores that order): cannot tell which one the GEX overlay reads',
    },
  ])('$name → ok $status', ({ observation, status, firstId, reason }) => {
    const judgement = judgeGexOverlay(observation)
    expect(judgement).toMatchObject({ status, firstId })
    if (reason) expect(judgement.reason).toBe(reason)
  })

  it('orders ids by UTF-8 bytes, as Firestore does', () => {
    // U+FF5E (3 bytes in UTF-8) sorts before U+1F600 (4 bytes), though UTF-16 code units say otherwise.
    expect(['\u{1F600}', '\uFF5E', 'a', 'B'].sort(compareDocumentIds)).toEqual(['B', 'a', '\uFF5E', '\u{1F600}'])
    expect('\u{1F600}' < '\uFF5E').toBe(true)
  })
})
