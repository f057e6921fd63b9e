/**
 * `openbell watch --halt-on-fail`, end to end: a real watch on a floor that starts with the kill switch at "0" halts it
 * through `openbell halt`'s path (audit record naming the gate and check), and the watch then sees the kill switch
 * halted and says GO. Without the flag nothing is written: the kill switch stays "0" and the gate stays fail.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
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

const statusOf = (notification: { changedGates: { gate: string; to: string }[] }, gate: string) => notification.changedGates.find((change) => change.gate === gate)?.to

describe('openbell watch --halt-on-fail', () => {
  it('halts once when kill-switch is fail, records the gate and check as the reason, and then sees GO', { timeout: TIMEOUT_MS }, async () => {
    const watch = await watchKillSwitchOff(['--halt-on-fail'])
    try {
      const first = await watch.receiver.next(() => true, 'for the first verdict')
      expect(first.verdict).toBe('NO-GO')
      expect(statusOf(first, 'kill-switch')).toBe('fail')
      const after = await watch.receiver.next((notification) => statusOf(notification, 'kill-switch') === 'pass', 'of kill-switch passing after the halt')
      expect(after.verdict, JSON.stringify(after.changedGates)).toBe('GO')
    } finally {
      expect(await watch.stop(), watch.output()).toBe(0)
    }
    const halts = readdirSync(watch.reportsDir).filter((name) => name.endsWith('-halt'))
    expect(halts, 'one halt for one transition').toHaveLength(1)
    const record = JSON.parse(readFileSync(path.join(watch.reportsDir, halts[0]!, 'halt_record.json'), 'utf8')) as Record<string, unknown>
    expect(record).toMatchObject({ action: 'halt', before: '0', after: '1', halted: true })
    expect(record.reason).toMatch(/^openbell watch --halt-on-fail: gate kill-switch turned fail \(was not evaluated\); check halted: /)
    expect(watch.output()).toContain('halted on kill-switch fail')
  })

  it('without the flag writes nothing: the kill switch stays "0" evaluation after evaluation', { timeout: TIMEOUT_MS }, async () => {
    const watch = await watchKillSwitchOff([])
    let history: { gates: Record<string, string> }[] = []
    const historyFile = () => path.join(watch.reportsDir, 'watch', readdirSync(path.join(watch.reportsDir, 'watch')).find((name) => name.endsWith('.ndjson'))!)
    try {
      const first = await watch.receiver.next(() => true, 'for the first verdict')
      expect(statusOf(first, 'kill-switch')).toBe('fail')
      // @note two more evaluations (the interval is 5 s): had anything halted, the kill switch would pass by then.
      for (let waited = 0; waited < 600 && history.length < 3; waited++) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        history = readFileSync(historyFile(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { gates: Record<string, string> })
      }
    } finally {
      expect(await watch.stop(), watch.output()).toBe(0)
    }
    expect(history.length).toBeGreaterThanOrEqual(3)
    expect(history.map((line) => line.gates['kill-switch'])).toEqual(history.map(() => 'fail'))
    expect(readdirSync(watch.reportsDir).filter((name) => name.endsWith('-halt'))).toEqual([])
    expect(watch.output()).not.toContain('halted on')
  })
})
