import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { addDays, easternDate } from '../../support/calendar/eastern-time.ts'

/**
 * Issue 17 item 8 and issue 19 (session window), through the real CLI: a `--reports` or `--waivers` path that cannot
 * serve (a regular file, a FIFO, /proc, a read-only place), a session outside today … today + 7 days, and a usage
 * error that would echo control or bidi characters. Each is exit 2 with one `[openbell]` line, at once (the FIFO and
 * /proc cases used to hang and ignore SIGTERM: the child's timeout would fail the test), and nothing is written.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-paths-'))
const file = path.join(dir, 'a-file')
writeFileSync(file, 'not a folder\n')
const fifo = path.join(dir, 'a-fifo')
execFileSync('mkfifo', [fifo])
const folder = path.join(dir, 'a-folder')
mkdirSync(folder)
const today = easternDate(new Date())

function openbell(args: string[], timeoutMs = 90_000): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin/openbell.js'), ...args],
      { cwd: dir, env: { ...process.env, OPENBELL_ENV: '', OPENBELL_REPORTS: '', OPENBELL_WAIVERS: '' }, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    )
  })
}

const CASES: { name: string; args: string[]; message: RegExp }[] = [
  { name: '--reports is a regular file', args: ['run', '--reports', file], message: /^\[openbell\] --reports ".+a-file" cannot be used: .+a-file is a regular file, not a folder; / },
  { name: '--reports is a FIFO', args: ['run', '--reports', fifo], message: /^\[openbell\] --reports ".+a-fifo" cannot be used: .+a-fifo is a FIFO \(named pipe\), not a folder; / },
  { name: '--reports under /proc', args: ['run', '--reports', '/proc/openbell-x'], message: /^\[openbell\] --reports "\/proc\/openbell-x" cannot be used: it cannot be created there \(a pseudo file system/ },
  { name: '--reports under a FIFO', args: ['seed', '--reports', path.join(fifo, 'x')], message: /^\[openbell\] --reports ".+" cannot be used: .+a-fifo is a FIFO/ },
  // @note the tests run as root, where mode bits do not stop a write; /sys refuses even root.
  { name: '--reports in a place that refuses writes', args: ['halt', '--reports', '/sys/openbell-x'], message: /^\[openbell\] --reports "\/sys\/openbell-x" cannot be used: it (is not writable|is on a read-only|cannot be created)/ },
  { name: '--waivers is a FIFO', args: ['run', '--waivers', fifo], message: /^\[openbell\] --waivers ".+a-fifo" is a FIFO \(named pipe\), not a regular file; / },
  { name: '--waivers is a folder', args: ['plan', '--waivers', folder], message: /^\[openbell\] --waivers ".+a-folder" is a folder, not a regular file; / },
  {
    name: '--session before today',
    args: ['run', `--session=${addDays(today, -1)}`],
    message: new RegExp(`^\\[openbell\\] --session ${addDays(today, -1)} is before today \\(${today} in New York\\); .+ add --allow-past-session`),
  },
  {
    name: '--session more than 7 days ahead',
    args: ['plan', `--session=${addDays(today, 8)}`],
    message: new RegExp(`^\\[openbell\\] --session ${addDays(today, 8)} is more than 7 days after today \\(${today} in New York; the latest is ${addDays(today, 7)}\\)`),
  },
  { name: 'a signing key that is not a key', args: ['run', '--sign-key', file], message: /^\[openbell\] --sign-key ".+a-file" is not a PEM private key / },
]

describe.concurrent('local paths and the session window are checked before anything starts', () => {
  it.each(CASES)('$name: exit 2, one line', { timeout: 120_000 }, async ({ args, message }) => {
    const before = readdirSync(dir).sort()
    const run = await openbell(args)
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toBe('')
    expect(readdirSync(dir).sort()).toEqual(before)
  })
})

describe('usage errors show control and bidi characters escaped', () => {
  it.each([
    ['a right-to-left override in an unknown flag', ['run', '--evil\u202Egnp'], '--evil\\u202egnp'],
    ['an ANSI escape in a gate name', ['run', '\u001b[2Jkill-switch'], '\\u001b[2Jkill-switch'],
    ['an isolate and a C1 control in a context name', ['plan', '--env=cluster', '--kube-context', 'a\u2067b\u0085c'], '\\u2067'],
  ])('%s', { timeout: 120_000 }, async (_, args, shown) => {
    const run = await openbell(args)
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(shown)
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
  })
})

describe('the session window, inside it', () => {
  it.each([
    ['today', today],
    ['a week ahead', addDays(today, 7)],
  ])('%s is accepted by `openbell plan`', { timeout: 150_000 }, async (_, session) => {
    // @note plan collects the specs with vitest, which takes a while on a busy machine.
    const run = await openbell(['plan', `--session=${session}`], 120_000)
    expect(run.stderr).not.toContain('--session')
    expect([0, 3]).toContain(run.exitCode)
  })

  it('more than a week ahead is accepted with --allow-future-session', { timeout: 150_000 }, async () => {
    const run = await openbell(['plan', `--session=${addDays(today, 60)}`, '--allow-future-session'], 120_000)
    expect(run.stderr).not.toContain('--session')
    expect([0, 3]).toContain(run.exitCode)
  })
})
