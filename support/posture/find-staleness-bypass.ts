import type { V1ConfigMap } from '@kubernetes/client-node'
import { inspectSource } from './inspect-source.ts'
import { isTruthyFlag } from './is-truthy-flag.ts'
import { listContainerEnvs } from './list-container-envs.ts'
import { createFinding, createNotInspected, type PostureFinding } from './posture-finding.ts'
import type { Workload } from './workload.ts'

/** Flags that switch the market-data staleness check off or fake it. */
export const STALENESS_BYPASS_FLAGS: readonly string[] = Object.freeze(['MARKETDATA_HEALTH_CHECK_DISABLED', 'MARKETDATA_FORCE_STALE'])

/**
 * Finds containers where `MARKETDATA_HEALTH_CHECK_DISABLED` or `MARKETDATA_FORCE_STALE` is on (`1`, `true`, `yes`,
 * `on`, any case, trimmed): the freshness gate would then judge a switched-off or faked check.
 * A flag from a Secret (or field, file, unresolvable reference) is noted as not inspected.
 */
export function findStalenessBypass(workloads: readonly Workload[], configMaps: readonly V1ConfigMap[] = []): PostureFinding[] {
  const findings: PostureFinding[] = []
  for (const { workload, env } of listContainerEnvs(workloads, configMaps)) {
    for (const reason of env.malformed) {
      findings.push(createNotInspected(workload.id, env.container, '*', 'malformed', `(any variable) cannot be judged: ${reason}`))
    }
    for (const name of STALENESS_BYPASS_FLAGS) {
      const source = env.vars.get(name)
      if (source === undefined) continue
      const seen = inspectSource(source)
      if (source.source === 'malformed') continue
      if (seen.state === 'hidden') {
        findings.push(createNotInspected(workload.id, env.container, name, seen.label, seen.why))
      } else if (isTruthyFlag(seen.value)) {
        findings.push(
          createFinding({
            object: workload.id,
            container: env.container,
            variable: name,
            value: seen.value,
            rule: 'staleness-bypass',
            message: `${name} is ${JSON.stringify(seen.value)}: the market-data staleness check is bypassed, so freshness cannot be trusted`,
          }),
        )
      }
    }
  }
  return findings
}
