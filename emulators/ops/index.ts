/**
 * Stand-ins for the AgentTrader ops endpoints of marketdata-mcp-server, strategy-engine and execution-engine:
 * state from an injected clock and data, faults as data.
 */

// Starting stand-ins
export { OpsServiceEmulator, systemClock } from './ops-service-emulator.ts'
export type { StartedOpsService } from './ops-service-emulator.ts'
export { startOpsServices } from './start-ops-services.ts'
export type { StartedOpsServices, StartOpsServicesOptions } from './start-ops-services.ts'

// Services
export { OPS_SERVICE_NAMES, assertOpsServiceName } from './ops-service-names.ts'
export type { OpsServiceName } from './ops-service-names.ts'

// Options, overlays and their schemas
export { OpsOverlaySchema, OpsServiceOptionsSchema, PathFaultSchema, getOpsOverlayJsonSchema } from './ops-service-options.ts'
export type { Clock, MetricValueInput, OpsOverlay, OpsServiceOptions, PathFault } from './ops-service-options.ts'
export { DEFAULT_OPS_SERVICE_OPTIONS, mergeOpsServiceOptions, resolveOpsServiceOptions } from './resolve-ops-service-options.ts'
export type { ResolvedOpsServiceOptions } from './resolve-ops-service-options.ts'
