import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import { judgeSystemStatus } from './judge-system-status.ts'

const PATH = 'tenants/t1/ops/system_status'
const NOW = Timestamp.fromDate(new Date('2026-02-05T14:30:00.000Z'))
const status = (data: Record<string, unknown>) => ({ path: PATH, document: { id: 'system_status', path: PATH, data } })

describe('judgeSystemStatus', () => {
  it.each([
    {
      name: 'the seeded document',
      observation: status({ net_gex: -1_250_000.5, volatility_bias: 'Bearish', timestamp: NOW }),
      status: 'pass',
      reason: 'tenants/t1/ops/system_status: net_gex -1250000.5, volatility_bias Bearish, timestamp 2026-02-05T14:30:00.000Z',
    },
    {
      name: 'no document',
      observation: { path: PATH, document: null },
      status: 'fail',
      reason:
        'tenants/t1/ops/system_status does not exist: the Whale Flow GEX overlay has nothing to show. Reseed with `openbell seed` or scripts/seed_whale_flow_data.py',
    },
    {
      name: 'a lower-case bias',
      observation: status({ net_gex: 0, volatility_bias: 'bullish', timestamp: NOW }),
      status: 'fail',
      reason: 'tenants/t1/ops/system_status breaks the GEX overlay contract: volatility_bias: Invalid option: expected one of "Bullish"|"Bearish"|"Neutral"',
    },
    {
      name: 'net_gex as a string and a string timestamp',
      observation: status({ net_gex: '12', volatility_bias: 'Neutral', timestamp: '2026-02-05T14:30:00Z' }),
      status: 'fail',
      reason:
        'tenants/t1/ops/system_status breaks the GEX overlay contract: net_gex: Invalid input: expected number, received string, ' +
        'timestamp: expected a Firestore Timestamp',
    },
    {
      name: 'the market_ingest shape',
      observation: status({ status: 'running' }),
      status: 'fail',
      reason:
        'tenants/t1/ops/system_status breaks the GEX overlay contract: net_gex: Invalid input: expected number, received undefined, ' +
        'volatility_bias: Invalid option: expected one of "Bullish"|"Bearish"|"Neutral", timestamp: expected a Firestore Timestamp',
    },
  ])('$name → ok $status', ({ observation, status, reason }) => {
    expect(judgeSystemStatus(observation)).toEqual({ status, reason, findings: [] })
  })
})
