import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { verifyRunFolder } from '../../support/report/verify/verify-run-folder.ts'
import type { Notification } from '../../support/watch/notifier.ts'
import { isAlive, liveDescendants } from '../floor/process-tree.ts'
import { HOOK_TOKEN, startReceiver } from './start-receiver.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** One watch walks through every fault; on a loaded 2-core machine an evaluation can take 20 s. */
const WALK_TIMEOUT_MS = 900_000

/** The faults put on the running floor, one after the other, and the gate each must turn. */
const FAULTS = [
  { scenario: 'kill-switch-off', gate: 'kill-switch', status: 'fail' },
  { scenario: 'live-broker-host', gate: 'paper-execution', status: 'fail' },
  { scenario: 'crashloop', gate: 'cluster-health', status: 'fail' },
  { scenario: 'marketdata-stale', gate: 'marketdata-freshness', status: 'fail' },
  { scenario: 'slow-endpoint', gate: 'metrics', status: 'unverified' },
] as const

const changed = (notification: Notification, gate: string, status: string) =>
  notification.changedGates.some((change) => change.gate === gate && change.to === status)

describe('openbell watch against the emulator floor', () => {
  it('reaches GO, reports each fault put on the running floor at its gate, notifies, exposes it, recovers, and ends cleanly on SIGTERM', { timeout: WALK_TIMEOUT_MS }, async () => {
    const receiver = await startReceiver()
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-watch-'))
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/openbell.js'), 'watch', '--interval', '5', '--metrics-port', '0', '--reports', reportsDir, '--notify', receiver.url, '--notify', receiver.brokenUrl], {
      cwd: ROOT,
      env: { ...process.env, OPENBELL_NOTIFY: '' },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const seen = new Set<number>()
    const sampler = setInterval(() => liveDescendants(child.pid ?? -1).forEach((pid) => seen.add(pid)), 200)
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      const first = await receiver.next(() => true, 'for the first verdict')
      expect(first.previousVerdict).toBeNull()
      expect(first.verdict, JSON.stringify(first.changedGates)).toBe('GO')
      expect(first.changedGates).toHaveLength(7)
      const metricsUrl = /metrics: (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(output)?.[1]
      expect(metricsUrl, output).toBeDefined()
      expect(await (await fetch(`${metricsUrl}/healthz`)).text()).toBe('ok\n')

      // @note each fault is put on the healthy floor, seen, then repaired: GO must come back before the next one.
      for (const fault of FAULTS) {
        const applied = await fetch(`${metricsUrl}/floor/scenario/${fault.scenario}`, { method: 'POST' })
        expect(applied.status, await applied.text()).toBe(200)
        const noticed = await receiver.next((notification) => changed(notification, fault.gate, fault.status), `turning ${fault.gate} ${fault.status} (${fault.scenario})`)
        expect(noticed.verdict).toBe('NO-GO')
        expect(noticed.text).toMatch(new RegExp(`${fault.gate} \\S+ → ${fault.status}`))
        expect(noticed.changedGates.find((change) => change.gate === fault.gate)?.reasons.length).toBeGreaterThan(0)
        expect(noticed.report && verifyRunFolder(noticed.report).discrepancies).toEqual([])
        const broken = await (await fetch(`${metricsUrl}/metrics`)).text()
        expect(broken).toContain('openbell_go 0')
        expect(broken).toContain(`openbell_gate_status{gate="${fault.gate}",status="${fault.status}"} 1`)
        const repaired = await fetch(`${metricsUrl}/floor/scenario`, { method: 'DELETE' })
        expect(repaired.status).toBe(200)
        const recovered = await receiver.next((notification) => notification.verdict === 'GO', `of GO again after repairing ${fault.scenario}`)
        expect(recovered.previousVerdict).toBe('NO-GO')
        expect(changed(recovered, fault.gate, 'pass'), JSON.stringify(recovered.changedGates)).toBe(true)
        const healthy = await (await fetch(`${metricsUrl}/metrics`)).text()
        expect(healthy).toContain('openbell_go 1')
        expect(healthy).toContain(`openbell_gate_status{gate="${fault.gate}",status="pass"} 1`)
      }
      const metrics = await (await fetch(`${metricsUrl}/metrics`)).text()
      expect(metrics).toMatch(/^openbell_notifications_failed_total [1-9]/m)
      expect(metrics).toMatch(/^openbell_evaluation_duration_seconds_count [1-9]/m)
      // @note a Kubernetes change is seen through the watch, not only at the next interval.
      const history = readFileSync(path.join(reportsDir, 'watch', readdirSync(path.join(reportsDir, 'watch')).find((name) => name.endsWith('.ndjson'))!), 'utf8')
      expect(history).toMatch(/"trigger":"kube:configmaps"/)
      expect(history).toMatch(/"configmaps":"watch"/)
    } finally {
      child.kill('SIGTERM')
    }
    const exitCode = await exited
    clearInterval(sampler)
    await receiver.close()
    // @note exit as a single run does: the final report's code (GO here, after the last repair, unless the final
    // evaluation was cut short by SIGTERM, which is NO-GO, never 0).
    const finalRunDir = /; report: (\S+);/.exec(output)?.[1]
    expect(finalRunDir, output).toBeDefined()
    expect(exitCode, output).toBe((JSON.parse(readFileSync(path.join(finalRunDir!, 'readiness_report.json'), 'utf8')) as { exitCode: number }).exitCode)
    const deadline = Date.now() + 5_000
    while ([...seen].some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(seen.size, 'the watch started child processes (the spec worker, the Firestore emulator)').toBeGreaterThan(0)
    expect([...seen].filter(isAlive)).toEqual([])

    const lines = readFileSync(path.join(reportsDir, 'watch', readdirSync(path.join(reportsDir, 'watch')).find((name) => name.endsWith('.ndjson'))!), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { verdict: string; gates: Record<string, string>; runDir: string | null; trigger: string })
    // @note bounded disk: an evaluation like the one before it writes no run folder; every change and the last one do.
    lines.forEach((line, index) => {
      const same = index > 0 && JSON.stringify([line.verdict, line.gates]) === JSON.stringify([lines[index - 1]!.verdict, lines[index - 1]!.gates])
      if (line.trigger !== 'final') expect(line.runDir === null, JSON.stringify(line)).toBe(same)
    })
    const final = lines.at(-1)!
    expect(final.trigger).toBe('final')
    expect(final.runDir).not.toBeNull()
    expect(verifyRunFolder(final.runDir!).discrepancies).toEqual([])
    const folders = readdirSync(reportsDir).filter((name) => name.endsWith('-emulators'))
    expect(folders.length).toBe(lines.filter((line) => line.runDir !== null).length)
    // @note the webhook's token: never printed, never in a report; and without --halt-on-fail nothing was halted.
    expect(output).not.toContain(HOOK_TOKEN)
    for (const folder of folders) for (const file of readdirSync(path.join(reportsDir, folder))) {
      if (file.endsWith('.json') || file.endsWith('.md') || file.endsWith('.html')) expect(readFileSync(path.join(reportsDir, folder, file), 'utf8')).not.toContain(HOOK_TOKEN)
    }
    expect(readdirSync(reportsDir).filter((name) => name.endsWith('-halt'))).toEqual([])
  })
})
