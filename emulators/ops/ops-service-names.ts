import { UsageError } from '../../support/errors.ts'

/** The AgentTrader services with ops endpoints that openbell stands in for. */
export const OPS_SERVICE_NAMES = ['marketdata-mcp-server', 'strategy-engine', 'execution-engine'] as const

/** One of {@link OPS_SERVICE_NAMES}. */
export type OpsServiceName = (typeof OPS_SERVICE_NAMES)[number]

/** Throws a {@link UsageError} listing the valid names when `name` is not an ops service. */
export function assertOpsServiceName(name: string): asserts name is OpsServiceName {
  if (!(OPS_SERVICE_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`"${name}" is not an AgentTrader ops service; use one of ${OPS_SERVICE_NAMES.join(', ')}.`)
  }
}
