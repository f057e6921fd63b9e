import path from 'node:path'
import type { ResolvedConfig } from '../config/index.ts'
import { deepFreeze } from '../deep-freeze.ts'
import type { CriticalService } from '../gates/index.ts'
import { RUN_SETTINGS, type RunContext, type RunFacts, type RunSettings } from './run-context.ts'

/** The critical services whose ops endpoints the gates read, and through which port. */
export const DEFAULT_CRITICAL_SERVICES: readonly CriticalService[] = deepFreeze([
  { name: 'marketdata-mcp-server', port: 80, reads: ['ops-status', 'metrics', 'freshness'] },
  { name: 'strategy-engine', port: 80, reads: ['ops-status'] },
])

/** The NDJSON file of a run folder where every attempt to reach the live broker host is recorded. */
export function violationsFileOf(runDir: string): string {
  return path.join(runDir, 'evidence', 'live-host-violations.ndjson')
}

/**
 * Builds the run context once: the settings picked from the resolved config ({@link RUN_SETTINGS}), the run's facts
 * and its constants, copied and deep-frozen, so nothing the caller still holds can change it and nothing can edit it.
 */
export function createRunContext(config: ResolvedConfig, facts: RunFacts): RunContext {
  const settings = Object.fromEntries(RUN_SETTINGS.map((name) => [name, config[name]])) as RunSettings
  return deepFreeze(
    structuredClone({
      ...settings,
      ...facts,
      criticalServices: DEFAULT_CRITICAL_SERVICES,
      violationsFile: violationsFileOf(facts.runDir),
    }),
  )
}
