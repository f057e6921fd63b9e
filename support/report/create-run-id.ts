import type { Environment } from '../gates/index.ts'

/** A run id: the UTC start time, compact and sortable, plus the environment (`20261125T143000.123Z-emulators`). */
export function createRunId(startedAt: Date, env: Environment): string {
  return `${startedAt.toISOString().replace(/[-:]/g, '')}-${env}`
}
