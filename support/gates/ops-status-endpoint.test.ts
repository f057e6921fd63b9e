import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { judgeOpsStatusEndpoint } from './ops-status-endpoint.ts'

const JSON_TYPE = 'application/json'
/** A halted strategy-engine's `/ops/status` answer in the OpsStatus contract (`fixtures/ops/`). */
const OPS_STATUS = readFileSync(new URL('../../fixtures/ops/ops-status-halted.json', import.meta.url), 'utf8')

describe('judgeOpsStatusEndpoint', () => {
  it.each([
    ['the OpsStatus contract', 200, JSON_TYPE, OPS_STATUS, 'pass', 'strategy-engine /ops/status: OpsStatus: state HALTED'],
    ['the legacy shape', 200, JSON_TYPE, '{"status":"ok","service":"strategy-engine"}', 'pass', 'strategy-engine /ops/status: legacy {status, service} shape (no OpsStatus contract)'],
    ['HTTP 503', 503, 'text/html', '<html></html>', 'fail', 'strategy-engine /ops/status HTTP status: expected 503 to be 200'],
    ['an HTML page with 200', 200, 'text/html', '<html>502</html>', 'fail', 'strategy-engine /ops/status: the body is an HTML page (content type text/html): "<html>502</html>"'],
  ])('%s → %s', (_case, status, contentType, body, expected, reason) => {
    expect(judgeOpsStatusEndpoint('strategy-engine', { status, contentType, body })).toEqual({ status: expected, reason, findings: [] })
  })
})
