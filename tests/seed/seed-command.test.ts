import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFirestoreEmulator, type StartedFirestore } from '../../emulators/firestore/index.ts'
import { countQuery, createFirestoreClient, readQuery, type FirestoreClient } from '../../support/firestore/index.ts'
import { availableBackends } from '../firestore/available-backends.ts'

/** `openbell seed` as an operator runs it: a child process, against an emulator, with a fresh reports folder. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const PROJECT = 'demo-openbell'
const [BACKEND] = await availableBackends()

interface SeedRun {
  exitCode: number
  stdout: string
  stderr: string
  reportsDir: string
  /** The seed run folder, when one was written. */
  runDir: string | null
}

/** Runs `openbell seed` with exactly `env` on top of a clean environment (no emulator host, no CI variables). */
function runSeed(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<SeedRun> {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-seed-'))
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(FIRESTORE_EMULATOR_HOST|CI|GITHUB_ACTIONS|K_SERVICE|KUBERNETES_SERVICE_HOST|GOOGLE_CLOUD_PROJECT|GCLOUD_PROJECT|OPENBELL_.*)$/.test(name),
    ),
  )
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin/openbell.js'), 'seed', ...args, '--reports', reportsDir],
      { cwd: ROOT, env: { ...clean, ...env }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const runs = readdirSync(reportsDir).filter((name) => name.endsWith('-seed'))
        resolve({
          exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          stdout,
          stderr,
          reportsDir,
          runDir: runs.length === 1 ? path.join(reportsDir, runs[0]!) : null,
        })
      },
    )
  })
}

const readRecord = (run: SeedRun) => JSON.parse(readFileSync(path.join(run.runDir!, 'seed_record.json'), 'utf8'))

describe(`openbell seed against an emulator (${BACKEND} backend)`, () => {
  let emulator: StartedFirestore
  let client: FirestoreClient
  const emulatorEnv = () => ({ FIRESTORE_EMULATOR_HOST: emulator.host })

  /** A tenant's trades without their clock: fields, plus timestamps as offsets from the seeding's `now`. */
  const tradesOf = async (tenantId: string, now: string): Promise<string[]> => {
    const live = `tenants/${tenantId}/market_intelligence/options_flow/live`
    const snapshot = await readQuery(client.firestore.collection(live).limit(200), live)
    return snapshot.docs
      .map((doc) => {
        const { timestamp, expiry_date, expiry: _, ...fields } = doc.data()
        const at = (value: Timestamp) => value.toMillis() - Date.parse(now)
        return JSON.stringify({ ...fields, timestamp: at(timestamp), expiry_date: at(expiry_date) })
      })
      .sort()
  }

  beforeAll(async () => {
    emulator = await startFirestoreEmulator({ strategies: [BACKEND!], projectId: PROJECT })
    client = createFirestoreClient({ projectId: PROJECT, emulatorHost: emulator.host, env: {} })
    // @note one write and read first: a cold Java emulator can take seconds to answer its first request.
    await client.firestore.doc('warm-up/first').set({ at: 1 })
    await client.firestore.doc('warm-up/first').get()
  }, 90_000)
  afterAll(async () => {
    await client?.close()
    await emulator?.stop()
  })

  it('writes the seed data, reads it back through the gate, records it, and exits 0', { timeout: 60_000 }, async () => {
    const run = await runSeed(['--env=cluster', '--tenant-id', 't1', '--seed', '7', '--firestore-project', PROJECT], emulatorEnv())

    expect(run.stderr).toBe('')
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(`^SEEDED the emulator at ${emulator.host} \\(project ${PROJECT}\\), tenant t1, seed 7: 11 heatmap sectors, 55 Whale Flow trades \\(\\d+ golden by the UI rule\\), tenants/t1/ops/system_status\\n`),
    )
    for (const check of ['sentiment-sectors', 'whale-flow-trades', 'whale-flow-fresh', 'golden-sweep', 'gex-overlay-document', 'gex-overlay-fresh', 'gex-overlay-first']) {
      expect(run.stdout).toMatch(new RegExp(`\\n  pass {7}${check} +\\S`))
    }
    expect(run.stdout).toContain(`READ-BACK PASSED: 7/7 checks\nrecord: ${run.runDir}\n`)

    expect(await countQuery(client.firestore.collection('marketData/sentiment/sectors'), 'sectors')).toBe(11)
    expect(await countQuery(client.firestore.collection('tenants/t1/market_intelligence/options_flow/live'), 'trades')).toBe(55)
    expect((await client.firestore.doc('tenants/t1/ops/system_status').get()).exists).toBe(true)

    expect(path.basename(run.runDir!)).toMatch(/^\d{8}T\d{6}\.\d{3}Z-cluster-seed$/)
    const record = readRecord(run)
    expect(record).toMatchObject({
      action: 'seed',
      target: { kind: 'emulator', projectId: PROJECT, emulatorHost: emulator.host },
      tenantId: 't1',
      requested: { trades: 50, goldenSweeps: 5, seed: 7 },
      written: { tenantId: 't1', seed: 7, sectors: { count: 11 }, trades: { written: 55, regular: 50, goldenSweeps: 5 } },
      readBack: { passed: 7, failed: 0, unverified: 0 },
      exitCode: 0,
    })
    expect(typeof record.operator).toBe('string')
    expect(Date.parse(record.finishedAt)).toBeGreaterThanOrEqual(Date.parse(record.startedAt))

    const manifest = readFileSync(path.join(run.runDir!, 'manifest.sha256'), 'utf8')
    const digest = createHash('sha256').update(readFileSync(path.join(run.runDir!, 'seed_record.json'))).digest('hex')
    expect(manifest).toBe(`${digest}  seed_record.json\n`)
  })

  it('is deterministic: the same --seed writes the same documents, another seed other ones', async () => {
    const seeded = await Promise.all(
      [['t-det-a', '7'], ['t-det-b', '7'], ['t-det-c', '8']].map(([tenant, seed]) =>
        runSeed(['--env=cluster', '--tenant-id', tenant!, '--seed', seed!, '--trades', '12', '--golden-sweeps', '2', '--firestore-project', PROJECT], emulatorEnv()),
      ),
    )
    expect(seeded.map((run) => run.exitCode)).toEqual([0, 0, 0])
    const [a, b, c] = await Promise.all(seeded.map((run, i) => tradesOf(['t-det-a', 't-det-b', 't-det-c'][i]!, readRecord(run).written.now)))
    expect(a).toHaveLength(14)
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
    const statuses = seeded.map((run) => readRecord(run).written.systemStatus)
    expect(statuses[1]).toEqual({ ...statuses[0], path: 'tenants/t-det-b/ops/system_status' })
  }, 90_000)

  it('fails (exit 1) when the read-back finds what the gate would fail: ingestion shadows the GEX overlay', { timeout: 60_000 }, async () => {
    await client.firestore.doc('tenants/t-shadowed/ops/market_ingest').set({ status: 'running' })
    const run = await runSeed(['--env=cluster', '--tenant-id', 't-shadowed', '--firestore-project', PROJECT], emulatorEnv())
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/\n {2}fail {7}gex-overlay-first +the UI's query collection\('tenants\/t-shadowed\/ops'\)\.limit\(1\) returns "market_ingest"/)
    expect(run.stdout).toContain(`READ-BACK NOT PASSED: 1 failed, 0 unverified of 7 checks\nrecord: ${run.runDir}\n`)
    expect(readRecord(run)).toMatchObject({ exitCode: 1, readBack: { passed: 6, failed: 1, unverified: 0 } })
  })

  it('writes nothing and exits 3 when the emulator does not answer', async () => {
    const closed = await closedPort()
    const run = await runSeed(['--tenant-id', 't-down'], { FIRESTORE_EMULATOR_HOST: `127.0.0.1:${closed}` })
    expect(run.exitCode).toBe(3)
    expect(run.stdout).toBe(
      `NOTHING WRITTEN (reach): [openbell] Could not reach the Firestore emulator at 127.0.0.1:${closed}: UNAVAILABLE ` +
        `(connect ECONNREFUSED 127.0.0.1:${closed}). Check that the emulator answers at 127.0.0.1:${closed} (start it, or fix ` +
        `FIRESTORE_EMULATOR_HOST), then rerun.\nrecord: ${run.runDir}\n`,
    )
    expect(readRecord(run)).toMatchObject({ exitCode: 3, error: { stage: 'reach' }, tenantId: 't-down' })
    expect(readRecord(run).written).toBeUndefined()
  }, 60_000)
})

describe.concurrent('openbell seed refuses to write anywhere but an emulator unless told exactly where', () => {
  it.each([
    {
      name: 'a real project without --allow-write-project',
      args: ['--env=cluster', '--tenant-id', 't1', '--firestore-project', PROJECT],
      env: {},
      message:
        `[openbell] seed would write to Cloud Firestore project "${PROJECT}", not an emulator. Writing to a real project needs ` +
        `--allow-write-project ${PROJECT} (naming the same project); or set FIRESTORE_EMULATOR_HOST to seed an emulator. Nothing was written.`,
    },
    {
      name: '--allow-write-project naming another project',
      args: ['--env=cluster', '--tenant-id', 't1', '--firestore-project', PROJECT, '--allow-write-project', 'agenttrader-prod'],
      env: {},
      message:
        `[openbell] --allow-write-project "agenttrader-prod" does not name the target project "${PROJECT}"; pass --allow-write-project ` +
        `${PROJECT} to write to it. Nothing was written.`,
    },
    {
      name: 'a real project under CI',
      args: ['--env=cluster', '--tenant-id', 't1', '--firestore-project', PROJECT, '--allow-write-project', PROJECT],
      env: { CI: 'true' },
      message:
        `[openbell] seed refuses to write to Cloud Firestore project "${PROJECT}" under CI=true: seeding a real project is an operator's ` +
        "deliberate act, never an automated one (AgentTrader's own seeders refuse the same way). Seed an emulator " +
        '(set FIRESTORE_EMULATOR_HOST), or run it by hand. Nothing was written.',
    },
    {
      name: 'emulator mode with no emulator named',
      args: ['--tenant-id', 't1'],
      env: {},
      message:
        '[openbell] seed in emulator mode writes to a Firestore emulator, and FIRESTORE_EMULATOR_HOST is not set. Start one ' +
        '(e.g. `gcloud emulators firestore start --host-port=127.0.0.1:8080`), `export FIRESTORE_EMULATOR_HOST=127.0.0.1:8080`, ' +
        'then rerun. To seed a real project instead: --env=cluster --firestore-project ID --allow-write-project ID. Nothing was written.',
    },
    {
      name: 'cluster mode without a tenant',
      args: ['--env=cluster', '--firestore-project', PROJECT],
      env: { FIRESTORE_EMULATOR_HOST: '127.0.0.1:9' },
      message: '[openbell] seed needs a tenant: pass --tenant-id ID (Whale Flow data is written under tenants/{tenantId}/). Nothing was written.',
    },
  ])('refuses $name: exit 2, one line, no record', async ({ args, env, message }) => {
    const run = await runSeed(args, env)
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe(`${message}\n`)
    expect(run.stdout).toBe('')
    expect(readdirSync(run.reportsDir)).toEqual([])
    expect(existsSync(path.join(run.reportsDir, 'latest'))).toBe(false)
  })
})

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
