/**
 * Runs the real runner on a fixture specs folder, in a child process of the test, and prints the outcome as JSON on
 * the last line. Usage: node --import tsx tests/runner/run-fixture-project.ts '<json>' where
 * json is `{ specsDir, reportsDir, gates: GateId[], argv?: string[], forbidden?: string[], floorLooksUp?: string,
 * floorStop?: 'hangs' | 'throws', teardownDeadlineMs?: number, workerEnv?: Record<string, string> }` (the outcome carries the SHA-256 of the run context
 * the runner built, as JSON);
 * with `forbidden`, the floor is a Kubernetes API stand-in that denies those resources (403 and
 * SelfSubjectAccessReview), else no API server at all; with `floorLooksUp`, starting the floor resolves that host
 * name in the runner's own process; with `floorStop`, the floor's stop hangs (and keeps the process busy) or throws.
 * As `openbell run` does, it prints the closing lines when the verdict is sealed, the progress on stderr, and exits
 * with the verdict's exit code; `floor: stop called` on stdout marks when the floor's stop began.
 */
import { createHash } from 'node:crypto'
import dns from 'node:dns'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { KubeApiEmulator } from '../../emulators/kube-api/index.ts'
import { renderClosingLines } from '../../support/cli/render-closing-lines.ts'
import { screenOutput } from '../../support/secrets/redact.ts'
import { parseCli } from '../../support/config/parse-cli.ts'
import { resolveConfig } from '../../support/config/resolve-config.ts'
import { createProgress } from '../../support/run/progress.ts'
import { runRunbook } from '../../support/run/run-runbook.ts'
import type { GateId } from '../../support/gates/api.ts'

const request = JSON.parse(process.argv[2] ?? '{}') as {
  specsDir: string
  reportsDir: string
  gates: GateId[]
  argv?: string[]
  forbidden?: string[]
  floorLooksUp?: string
  floorStop?: 'hangs' | 'throws'
  teardownDeadlineMs?: number
  /** What the floor hands each spec worker as its environment (as the emulator floor hands the Alpaca stand-in's pair). */
  workerEnv?: Record<string, string>
}
const config = resolveConfig(parseCli(['run', '--reports', request.reportsDir, ...(request.argv ?? [])]))
const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-fixture-floor-'))
const kube = request.forbidden ? await new KubeApiEmulator().withForbidden(request.forbidden).start() : null
const kubeconfigPath = kube?.kubeconfigPath ?? path.join(scratch, 'kubeconfig')
if (!kube) writeFileSync(kubeconfigPath, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n')

const progress = createProgress({ write: (text) => process.stderr.write(text) })
const stdout = screenOutput((text) => process.stdout.write(text))
const { report, runDir, context, teardown } = await runRunbook({
  config,
  progress,
  onVerdict: (sealed) => stdout(`${renderClosingLines(sealed.report, sealed.runDir).join('\n')}\n`),
  ...(request.teardownDeadlineMs ? { teardownDeadlineMs: request.teardownDeadlineMs } : {}),
  specsDir: request.specsDir,
  manifest: request.gates.map((id) => ({ id, title: `gate ${id}`, runbookRef: 'fixture' })),
  // @note the fixture specs read nothing from the floor; this one only satisfies emulator mode.
  startFloor: async () => {
    if (request.floorLooksUp) await dns.promises.lookup(request.floorLooksUp).catch(() => undefined)
    return {
      kubeconfigPath,
      firestoreEmulatorHost: '127.0.0.1:1',
      firestoreBackend: 'none',
      startupMs: {},
      notes: [],
      workerSetupFiles: [],
      ...(request.workerEnv ? { workerEnv: request.workerEnv } : {}),
      stop: async () => {
        process.stdout.write('floor: stop called\n')
        await kube?.stop()
        if (request.floorStop === 'throws') throw new Error('injected: the floor failed to stop')
        // @note a stop that never ends, and a timer that would keep the process alive: only the deadline ends it.
        if (request.floorStop === 'hangs') await new Promise(() => setInterval(() => undefined, 1_000))
      },
    }
  },
})
const contextSha256 = context ? createHash('sha256').update(JSON.stringify(context)).digest('hex') : null
progress.close()
process.stdout.write(`\n${JSON.stringify({ exitCode: report.exitCode, verdict: report.verdict, runDir, contextSha256, teardown })}\n`)
process.exit(report.exitCode)
