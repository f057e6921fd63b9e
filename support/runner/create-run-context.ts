import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve-config.ts'
import type { CriticalService, RunContext } from '../runbook/run-context.ts'

/** The critical services whose ops endpoints the gates read, and through which port. */
export const DEFAULT_CRITICAL_SERVICES: readonly CriticalService[] = Object.freeze([
  { name: 'marketdata-mcp-server', port: 80, reads: ['ops-status', 'metrics', 'freshness'] },
  { name: 'strategy-engine', port: 80, reads: ['ops-status'] },
])

/** The context handed to the spec workers; the kubeconfig and Firestore emulator are filled in once the floor is up. */
export function createRunContext(config: ResolvedConfig, runId: string, runDir: string): RunContext {
  return {
    runId,
    runDir,
    env: config.env,
    namespace: config.namespace,
    tenantId: config.tenantId,
    firestoreProject: config.firestoreProject,
    firestoreEmulatorHost: config.env === 'cluster' ? (process.env.FIRESTORE_EMULATOR_HOST ?? null) : null,
    kubeconfigPath: null,
    kubeContext: config.kubeContext,
    session: config.session,
    authorization: config.authorization,
    staleThresholdSeconds: config.staleThresholdSeconds,
    maxTradeAgeSeconds: config.maxTradeAgeSeconds,
    maxGexAgeSeconds: config.maxGexAgeSeconds,
    requestTimeoutMs: config.requestTimeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    criticalServices: DEFAULT_CRITICAL_SERVICES,
    violationsFile: path.join(runDir, 'evidence', 'live-host-violations.ndjson'),
    floorHandoffFile: null,
  }
}
