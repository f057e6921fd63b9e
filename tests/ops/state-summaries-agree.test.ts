/** The ops stand-in serves its own copy of AgentTrader's state summaries; the contract openbell reads must list the same. */
import { describe, expect, it } from 'vitest'
import { STATE_SUMMARIES } from '../../emulators/ops/internal/compute-ops-state.ts'
import { OPS_STATE_SUMMARIES } from '../../support/metrics/index.ts'

describe('the ops stand-in and openbell’s OpsStatus contract', () => {
  it('name the same states with the same summaries', () => {
    expect(STATE_SUMMARIES).toEqual(OPS_STATE_SUMMARIES)
  })
})
