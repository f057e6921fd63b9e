/**
 * `openbell watch --halt-on-fail`, end to end: a real watch on a floor that starts with the kill switch at "0" halts it
 * once through `openbell halt`'s path (audit record naming the gate and check), and then reads the ConfigMap halted.
 * Without the flag nothing is written: the ConfigMap stays "0", evaluation after evaluation.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { startReceiver } from './start-receiver.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** A floor, a halt and two evaluations; on a loaded 2-core machine that is minutes. */
const TIMEOUT_MS = 300_000

async function watchKillSwitchOff(extra: readonly string[]) {
  const receiver = await startReceiver()
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-watch-halt-'))
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/openbell.js'), 'watch', '--scenario', 'kill-switch-off', '--interval', '5', '--metrics-port', '0', '--reports', reportsDir, '--notify', receiver.url, ...extra], {
    cwd: ROOT,
    env: { ...process.env, OPENBELL_NOTIFY: '', OPENBELL_OPERATOR: 'watch-test' },
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const stop = async () => {
    child.kill('SIGTERM')
    const code = await exited
    await receiver.close()
    return code
  }
  return { receiver, reportsDir, output: () => output, stop }
}

/** Waits until the watch's history holds `count` evaluations. */
async function untilEvaluations(reportsDir: string, count: number): Promise<{ gates: Record<string, string> }[]> {
  for (let waited = 0; waited < 600; waited++) {
    const dir = path.join(reportsDir, 'watch')
    const file = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith('.ndjson')) : undefined
    const lines = file ? readFileSync(path.join(dir, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { gates: Record<string, string> }) : []
    if (lines.length >= count) return lines
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the watch did not make ${count} evaluations`)
}

/** The final report the watch named on its last line. */
function finalReport(output: string): { exitCode: number; verdict: string; gates: { id: string; checks: { id: string; status: string }[] }[] } {
  const runDir = /; report: (\S+);/.exec(output)?.[1]
  if (!runDir) throw new Error(`no final report in: ${output}`)
  return JSON.parse(readFileSync(path.join(runDir, 'readiness_report.json'), 'utf8'))
}

const checkStatus = (report: ReturnType<typeof finalReport>, gate: string, check: string) => report.gates.find((entry) => entry.id === gate)?.checks.find((entry) => entry.id === check)?.status

const statusOf = (notification: { changedGates: { gate: string; to: string }[] }, gate: string) => notification.changedGates.find((change) => change.gate === gate)?.to

describe('openbell watch --halt-on-fail', () => {
  it('halts once when kill-switch is fail, records the gate and check as the reason; the ConfigMap then reads "1"', { timeout: TIMEOUT_MS }, async () => {
    const watch = await watchKillSwitchOff(['--halt-on-fail'])
    let exitCode: number | null = null
    try {
      const first = await watch.receiver.next(() => true, 'for the first verdict')
      expect(first.verdict).toBe('NO-GO')
      expect(statusOf(first, 'kill-switch')).toBe('fail')
      await untilEvaluations(watch.reportsDir, 3)
    } finally {
      exitCode = await watch.stop()
    }
    const halts = readdirSync(watch.reportsDir).filter((name) => name.endsWith('-halt'))
    expect(halts, 'one halt for one transition, though kill-switch stays fail').toHaveLength(1)
    const record = JSON.parse(readFileSync(path.join(watch.reportsDir, halts[0]!, 'halt_record.json'), 'utf8')) as Record<string, unknown>
    expect(record).toMatchObject({ action: 'halt', before: '0', after: '1', halted: true })
    expect(record.reason).toMatch(/^openbell watch --halt-on-fail: gate kill-switch turned fail \(was not evaluated\); check halted: /)
    expect(watch.output()).toContain('halted on kill-switch fail')
    // @note the ConfigMap is halted now; the services still report the kill switch they started with (they read it at
    // start), so kill-switch rightly stays fail until they restart: openbell never calls that a pass.
    const final = finalReport(watch.output())
    // @note the watch exits with its final report's code, never 0 for a NO-GO.
    expect(final.verdict).toBe('NO-GO')
    expect(exitCode, watch.output()).toBe(final.exitCode)
    expect(checkStatus(final, 'kill-switch', 'halted')).toBe('pass')
    expect(checkStatus(final, 'kill-switch', 'strategy-engine.kill-switch-reported')).toBe('fail')
  })

  it('without the flag writes nothing: the kill switch stays "0" evaluation after evaluation', { timeout: TIMEOUT_MS }, async () => {
    const watch = await watchKillSwitchOff([])
    let exitCode: number | null = null
    let history: { gates: Record<string, string> }[] = []
    try {
      const first = await watch.receiver.next(() => true, 'for the first verdict')
      expect(statusOf(first, 'kill-switch')).toBe('fail')
      // @note three evaluations (the interval is 5 s): had anything halted, the ConfigMap would read "1" by then.
      history = await untilEvaluations(watch.reportsDir, 3)
    } finally {
      exitCode = await watch.stop()
    }
    expect(history.map((line) => line.gates['kill-switch'])).toEqual(history.map(() => 'fail'))
    const final = finalReport(watch.output())
    expect(exitCode, watch.output()).toBe(final.exitCode)
    expect(final.exitCode).not.toBe(0)
    expect(checkStatus(final, 'kill-switch', 'halted')).toBe('fail')
    expect(readdirSync(watch.reportsDir).filter((name) => name.endsWith('-halt'))).toEqual([])
    expect(watch.output()).not.toContain('halted on')
  })
})
