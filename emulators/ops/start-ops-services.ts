import { z } from 'zod'
import { UsageError } from '../../support/errors.ts'
import { OpsServiceEmulator, systemClock, type StartedOpsService } from './ops-service-emulator.ts'
import { OpsOverlaySchema, type Clock, type OpsOverlay } from './ops-service-options.ts'
import { OPS_SERVICE_NAMES, type OpsServiceName } from './ops-service-names.ts'

/** What {@link startOpsServices} starts. */
export interface StartOpsServicesOptions {
  /** The clock every stand-in reads. @default the system clock */
  readonly clock?: Clock
  /** State and faults by service, e.g. a scenario's YAML after {@link OpsOverlaySchema}. @default {} (all healthy) */
  readonly services?: OpsOverlay
}

/** The three running stand-ins. */
export interface StartedOpsServices extends AsyncDisposable {
  /** Service name → base URL. */
  readonly urls: Readonly<Record<OpsServiceName, string>>
  /** Service name → running stand-in. */
  readonly services: Readonly<Record<OpsServiceName, StartedOpsService>>
  /** Stops all three. */
  stop(): Promise<void>
}

/**
 * Starts marketdata-mcp-server, strategy-engine and execution-engine stand-ins; if one fails, the others are stopped.
 * @throws {UsageError} when the overlay does not match {@link OpsOverlaySchema}.
 */
export async function startOpsServices(options: StartOpsServicesOptions = {}): Promise<StartedOpsServices> {
  const parsed = OpsOverlaySchema.safeParse(options.services ?? {})
  if (!parsed.success) {
    throw new UsageError(`The ops stand-in overlay is invalid:\n${z.prettifyError(parsed.error)}\nFix the scenario data or the test.`)
  }
  const clock = options.clock ?? systemClock
  const results = await Promise.allSettled(
    OPS_SERVICE_NAMES.map((name) => new OpsServiceEmulator(name).withClock(clock).withOverrides(options.services?.[name] ?? {}).start()),
  )
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const failure = results.find((result) => result.status === 'rejected')
  if (failure !== undefined) {
    await Promise.all(started.map((service) => service.stop()))
    throw failure.reason
  }
  const services = Object.freeze(Object.fromEntries(started.map((service) => [service.name, service]))) as Record<OpsServiceName, StartedOpsService>
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((service) => service.stop()))
  }
  return Object.freeze({
    urls: Object.freeze(Object.fromEntries(started.map((service) => [service.name, service.url]))) as Record<OpsServiceName, string>,
    services,
    stop,
    [Symbol.asyncDispose]: stop,
  })
}
