import { describe, expect, it } from 'vitest'
import { judgeOpsStatusEndpoint } from './ops-status-endpoint.ts'

const JSON_TYPE = 'application/json'
const OPS_STATUS = {
  service_name: 'strategy-engine',
  service_kind: 'strategy',
  repo_id: 'RichKingsASU/agent-trader-v2',
  git_sha: 'b6ea212',
  build_id: null,
  agent_identity: { agent_name: 'strategy-engine', agent_role: 'strategy', agent_mode: 'OFF' },
  status: { state: 'HALTED', summary: 'Halted', reason_codes: ['KILL_SWITCH'], last_updated_utc: '2026-01-14T14:00:00Z' },
  heartbeat: { last_heartbeat_utc: '2026-01-14T14:00:00Z', age_seconds: 0, ttl_seconds: 60 },
  marketdata: null,
  safety: { kill_switch: true, safe_to_run_strategies: false, safe_to_execute_orders: false, gating_reasons: [] },
  endpoints: null,
}

describe('judgeOpsStatusEndpoint', () => {
  it.each([
    ['the OpsStatus contract', 200, JSON_TYPE, JSON.stringify(OPS_STATUS), 'pass', 'strategy-engine /ops/status: OpsStatus: state HALTED'],
    ['the legacy shape', 200, JSON_TYPE, '{"status":"ok","service":"strategy-engine"}', 'pass', 'strategy-engine /ops/status: legacy {status, service} shape (no OpsStatus contract)'],
    ['HTTP 503', 503, 'text/html', '<html></html>', 'fail', 'strategy-engine /ops/status HTTP status: expected 503 to be 200'],
    ['an HTML page with 200', 200, 'text/html', '<html>502</html>', 'fail', 'strategy-engine /ops/status: the body is an HTML page (content type text/html): "<html>502</html>"'],
  ])('%s → %s', (_case, status, contentType, body, expected, reason) => {
    expect(judgeOpsStatusEndpoint('strategy-engine', { status, contentType, body })).toEqual({ status: expected, reason, findings: [] })
  })
})
