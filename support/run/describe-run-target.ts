import type { ResolvedConfig } from '../config/index.ts'
import type { RunTarget } from '../verdict/index.ts'
import type { RunContext } from '../context/index.ts'

/**
 * The report's `target`: from the run context once it was built, else (a run that stopped before, or the provisional
 * report) from the resolved config, with nothing found about the cluster.
 */
export function describeRunTarget(config: ResolvedConfig, context: RunContext | null): RunTarget {
  const settings = context ?? config
  return {
    namespace: settings.namespace,
    kubeContext: context?.cluster.context ?? config.kubeContext,
    kubeServer: context?.cluster.server ?? null,
    kubeServerVersion: context?.cluster.version ?? null,
    firestoreProject: settings.firestoreProject,
    firestoreEmulator: context?.firestoreEmulator ? { ...context.firestoreEmulator } : null,
    tenantId: settings.tenantId,
    session: settings.session,
    sessionOverride: settings.sessionOverride,
  }
}
