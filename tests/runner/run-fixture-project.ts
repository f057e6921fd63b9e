/**
 * Runs the real runner on a fixture specs folder, in a child process of the test, and prints the outcome as JSON on
 * the last line. Usage: node --import tsx tests/runner/run-fixture-project.ts '<json>' where
 * json is `{ specsDir, reportsDir, gates: GateId[], argv?: string[], forbidden?: string[], floorLooksUp?: string }`
 * (the outcome carries the SHA-256 of the run context the runner built, as JSON);
 * with `forbidden`, the floor is a Kubernetes API stand-in that denies those resources (403 and
 * SelfSubjectAccessReview), else no API server at all; with `floorLooksUp`, starting the floor resolves that host
 * name in the runner's own process.
 */
import { createHash } from 'node:crypto'
import dns from 'node:dns'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { KubeApiEmulator } from '../../emulators/kube-api/index.ts'
import { parseCli } from '../../support/config/parse-cli.ts'
import { resolveConfig } from '../../support/config/resolve-config.ts'
import { runRunbook } from '../../support/runner/run-runbook.ts'
import type { GateId } from '../../support/verdict/api.ts'

const request = JSON.parse(process.argv[2] ?? '{}') as {
  specsDir: string
  reportsDir: string
  gates: GateId[]
  argv?: string[]
  forbidden?: string[]
  floorLooksUp?: string
}
const config = resolveConfig(parseCli(['run', '--reports', request.reportsDir, ...(request.argv ?? [])]))
const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-fixture-floor-'))
const kube = request.forbidden ? await new KubeApiEmulator().withForbidden(request.forbidden).start() : null
const kubeconfigPath = kube?.kubeconfigPath ?? path.join(scratch, 'kubeconfig')
if (!kube) writeFileSync(kubeconfigPath, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n')

const { report, runDir, context } = await runRunbook({
  config,
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
      stop: async () => kube?.stop(),
    }
  },
})
const contextSha256 = context ? createHash('sha256').update(JSON.stringify(context)).digest('hex') : null
process.stdout.write(`\n${JSON.stringify({ exitCode: report.exitCode, verdict: report.verdict, runDir, contextSha256 })}\n`)
