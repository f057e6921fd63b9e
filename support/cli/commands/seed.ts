import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createFirestoreReader, systemStatusPath } from '../../data/index.ts'
import type { ResolvedConfig } from '../../config/index.ts'
import { firstLineOf, isCouldNotCheck } from '../../errors.ts'
import { createFirestoreClient, probeEmulatorHost, readDocument, type FirestoreClient } from '../../firestore/index.ts'
import { redactValue } from '../../secrets/index.ts'
import { scrubRunFolder, writeManifest, createRunId } from '../../report/index.ts'
import {
  readBackFloorData,
  type ReadBackCheck,
  resolveSeedTarget,
  seedFloorData,
  type FloorDataSummary,
} from '../../seed/index.ts'
import { EXIT_CODES, type ExitCode } from '../../gates/index.ts'
import type { CliDependencies, CliIo } from '../main.ts'

/** The file of a seed run folder that records what was written, where, by whom, and what the read-back found. */
export const SEED_RECORD_FILE = 'seed_record.json'

/**
 * `openbell seed`: the runbook's seeders (§2A, §2B) in one step. Writes the 11 heatmap sectors (one batch), the
 * tenant's Whale Flow trades and `ops/system_status` (deterministic for a `--seed`), then reads them back through
 * the `data-seeded` gate's own reader and policies. Exit 0 only if every check passes. The run is recorded in
 * `<reports>/<runId>-seed/seed_record.json` with a manifest. Where it may write is decided first
 * (`resolveSeedTarget`): a usage error writes nothing, not even the record.
 */
export async function seedCommand(config: ResolvedConfig, _dependencies: CliDependencies, io: CliIo): Promise<ExitCode> {
  const target = resolveSeedTarget(config, io.env)
  const startedAt = new Date()
  const record: Record<string, unknown> = {
    action: 'seed',
    operator: io.env.USER || io.env.LOGNAME || os.userInfo().username,
    machine: os.hostname(),
    startedAt: startedAt.toISOString(),
    target: { kind: target.kind, projectId: target.projectId, emulatorHost: target.emulatorHost, description: target.description },
    tenantId: target.tenantId,
    requested: { trades: config.seed.trades, goldenSweeps: config.seed.goldenSweeps, seed: config.seed.seed },
  }
  let exitCode: ExitCode = EXIT_CODES.unverified
  let stage: 'reach' | 'write' | 'read-back' = 'reach'
  let client: FirestoreClient | undefined
  try {
    // @note reach first: a dead emulator, an unreachable project or missing credentials stop here, before any write.
    if (target.emulatorHost !== null) await probeEmulatorHost(target.emulatorHost, target.projectId, config.requestTimeoutMs)
    client = createFirestoreClient({ projectId: target.projectId, emulatorHost: target.emulatorHost, env: io.env })
    await readDocument(client.firestore, systemStatusPath(target.tenantId), { timeoutMs: config.requestTimeoutMs })
    stage = 'write'
    const written = await seedFloorData(client.firestore, {
      tenantId: target.tenantId,
      trades: config.seed.trades,
      goldenSweeps: config.seed.goldenSweeps,
      seed: config.seed.seed,
      now: startedAt,
    })
    record.written = written
    stage = 'read-back'
    const reader = createFirestoreReader({ ...target, timeoutMs: config.requestTimeoutMs, env: io.env })
    let checks: ReadBackCheck[]
    try {
      checks = await readBackFloorData(reader, { now: new Date(), maxTradeAgeSeconds: config.maxTradeAgeSeconds, maxGexAgeSeconds: config.maxGexAgeSeconds })
    } finally {
      await reader.close()
    }
    const count = (status: ReadBackCheck['status']) => checks.filter((check) => check.status === status).length
    record.readBack = { passed: count('pass'), failed: count('fail'), unverified: count('unverified'), checks }
    exitCode = count('fail') > 0 ? EXIT_CODES.fail : count('unverified') > 0 ? EXIT_CODES.unverified : EXIT_CODES.go
    io.stdout(`${describeWritten(written, target.description)}\n${checks.map(formatCheck).join('')}`)
  } catch (error) {
    record.error = { stage, message: firstLineOf(error) }
    exitCode = isCouldNotCheck(error) ? EXIT_CODES.unverified : EXIT_CODES.fail
  } finally {
    await client?.close()
  }
  record.finishedAt = new Date().toISOString()
  record.exitCode = exitCode

  const runDir = path.join(config.reportsDir, `${createRunId(startedAt, config.env)}-seed`)
  mkdirSync(runDir, { recursive: true, mode: 0o700 })
  writeFileSync(path.join(runDir, SEED_RECORD_FILE), `${JSON.stringify(redactValue(record), null, 2)}\n`, { mode: 0o600 })
  scrubRunFolder(runDir)
  writeManifest(runDir)
  io.stdout(`${closingLine(record, exitCode)}\nrecord: ${runDir}\n`)
  return exitCode
}

function describeWritten(written: FloorDataSummary, target: string): string {
  return (
    `SEEDED ${target}, tenant ${written.tenantId}, seed ${written.seed}: ${written.sectors.count} heatmap sectors, ` +
    `${written.trades.written} Whale Flow trades (${written.trades.goldenByRule} golden by the UI rule), ${written.systemStatus.path}`
  )
}

function formatCheck(check: ReadBackCheck): string {
  return `  ${check.status.padEnd(10)} ${check.check.padEnd(20)} ${check.reason}\n`
}

function closingLine(record: Record<string, unknown>, exitCode: ExitCode): string {
  const error = record.error as { stage: string; message: string } | undefined
  if (error) return `${error.stage === 'reach' ? 'NOTHING WRITTEN' : 'NOT SEEDED'} (${error.stage}): ${error.message}`
  const readBack = record.readBack as { passed: number; failed: number; unverified: number }
  const total = readBack.passed + readBack.failed + readBack.unverified
  if (exitCode === EXIT_CODES.go) return `READ-BACK PASSED: ${total}/${total} checks`
  return `READ-BACK NOT PASSED: ${readBack.failed} failed, ${readBack.unverified} unverified of ${total} checks`
}
