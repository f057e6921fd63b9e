import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ReadinessReport } from '../verdict/index.ts'
import { startWatchMetrics, type WatchMetrics } from './watch-metrics.ts'

const PROMTOOL = '/usr/bin/promtool'
let metrics: WatchMetrics | undefined
afterEach(async () => {
  await metrics?.close()
  metrics = undefined
})

const report = (verdict: 'GO' | 'NO-GO', killSwitch: 'pass' | 'fail') =>
  ({ verdict, finishedAt: '2026-12-02T15:00:00.000Z', gates: [{ id: 'kill-switch', status: killSwitch }, { id: 'session', status: 'pass' }] }) as unknown as ReadinessReport

describe('the watch metrics server', () => {
  it('says NO-GO, every gate unverified, and 503 on /healthz before the first evaluation', async () => {
    metrics = await startWatchMetrics({ host: '127.0.0.1', port: 0, staleAfterMs: 60_000 })
    const text = await (await fetch(`${metrics.url}/metrics`)).text()
    expect(text).toMatch(/^openbell_go 0$/m)
    expect(text).toContain('openbell_gate_status{gate="kill-switch",status="unverified"} 1')
    expect((await fetch(`${metrics.url}/healthz`)).status).toBe(503)
    expect((await fetch(`${metrics.url}/floor/scenario/x`, { method: 'POST' })).status, 'no floor control outside emulator mode').toBe(405)
  })

  it('exposes each evaluation, and turns NO-GO with every gate unverified once the last evaluation is older than allowed', async () => {
    let clock = 1_000_000
    metrics = await startWatchMetrics({ host: '127.0.0.1', port: 0, staleAfterMs: 10_000, now: () => clock })
    metrics.recordEvaluation(report('GO', 'pass'), 1_500)
    metrics.recordEvaluation(report('NO-GO', 'fail'), 800)
    metrics.recordNotificationFailed()
    let text = await (await fetch(`${metrics.url}/metrics`)).text()
    expect(text).toMatch(/^openbell_go 0$/m)
    expect(text).toContain('openbell_gate_status{gate="kill-switch",status="fail"} 1')
    expect(text).toContain('openbell_gate_status{gate="kill-switch",status="pass"} 0')
    expect(text).toMatch(/^openbell_evaluations_total 2$/m)
    expect(text).toMatch(/^openbell_evaluation_duration_seconds_count 2$/m)
    expect(text).toMatch(/^openbell_notifications_failed_total 1$/m)
    expect(text).toMatch(/^openbell_last_evaluation_timestamp_seconds 1796223600$/m)
    expect((await fetch(`${metrics.url}/healthz`)).status).toBe(200)
    metrics.recordEvaluation(report('GO', 'pass'), 700)
    clock += 10_001
    text = await (await fetch(`${metrics.url}/metrics`)).text()
    expect(text).toMatch(/^openbell_go 0$/m)
    expect(text).toContain('openbell_gate_status{gate="session",status="unverified"} 1')
    expect((await fetch(`${metrics.url}/healthz`)).status).toBe(503)
  })

  it.skipIf(!existsSync(PROMTOOL))('writes an exposition promtool accepts (skipped without promtool)', async () => {
    metrics = await startWatchMetrics({ host: '127.0.0.1', port: 0, staleAfterMs: 60_000 })
    metrics.recordEvaluation(report('GO', 'pass'), 1_200)
    const text = await (await fetch(`${metrics.url}/metrics`)).text()
    // @note `promtool check metrics` exits 0 and prints nothing for a valid exposition (lint findings go to stdout).
    expect(execFileSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' })).toBe('')
  })
})
