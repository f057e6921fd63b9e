import { OPS_SERVICE_CATALOG } from './internal/ops-service-catalog.ts'
import { startOpsHttpServer } from './internal/ops-http-server.ts'
import { createOpsRoutes } from './internal/ops-routes.ts'
import type { Clock, OpsServiceOptions } from './ops-service-options.ts'
import { assertOpsServiceName, type OpsServiceName } from './ops-service-names.ts'
import { mergeOpsServiceOptions, resolveOpsServiceOptions } from './resolve-ops-service-options.ts'

/** A running stand-in: where it listens and how to stop it; `await using` stops it at the end of the block. */
export interface StartedOpsService extends AsyncDisposable {
  /** The service it stands in for, e.g. `marketdata-mcp-server`. */
  readonly name: OpsServiceName
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string
  /** Ends hanging and endless responses, destroys every socket and closes the port; safe to call twice. */
  stop(): Promise<void>
  /**
   * Answers from now on as if started with these overrides (over the defaults, not over the earlier overrides): how a
   * fault is applied to, and taken off, a running floor (`openbell watch` in emulator mode).
   * @throws {UsageError} when the options are invalid.
   */
  reconfigure(overrides: OpsServiceOptions): void
}

/** The process's own clock. */
export const systemClock: Clock = () => new Date()

/**
 * A stand-in for the ops endpoints of one AgentTrader service (`/ops/status`, `/healthz`, `/health`, `/ops/health`,
 * `/metrics`, `/ops/metrics`, and `/heartbeat` for marketdata-mcp-server), built fluently.
 * @example
 * await using marketdata = await new OpsServiceEmulator('marketdata-mcp-server')
 *   .withClock(() => new Date('2026-01-14T14:00:00Z'))
 *   .withOverrides({ lastTickAgeSeconds: 300 })
 *   .start()
 */
export class OpsServiceEmulator {
  readonly #name: OpsServiceName
  #clock: Clock = systemClock
  #options: OpsServiceOptions = {}

  /** @throws {UsageError} when `name` is not one of OPS_SERVICE_NAMES. */
  constructor(name: OpsServiceName) {
    assertOpsServiceName(name)
    this.#name = name
  }

  /** Reads the time from `clock` at every request. */
  withClock(clock: Clock): this {
    this.#clock = clock
    return this
  }

  /** Layers state and faults over the defaults; later calls win, `metricValues` and `paths` merge by key. */
  withOverrides(overrides: OpsServiceOptions): this {
    this.#options = mergeOpsServiceOptions(this.#options, overrides)
    return this
  }

  /**
   * Validates the options and listens on 127.0.0.1 at a free port.
   * @throws {UsageError} when the options are invalid.
   */
  async start(): Promise<StartedOpsService> {
    const name = this.#name
    const clock = this.#clock
    const stateOf = (overrides: OpsServiceOptions) => {
      const options = resolveOpsServiceOptions(name, overrides)
      return { routes: createOpsRoutes(name, OPS_SERVICE_CATALOG[name], options, clock), faults: options.paths }
    }
    let state = stateOf(this.#options)
    const server = await startOpsHttpServer(() => state)
    return Object.freeze({
      name,
      url: server.url,
      reconfigure: (overrides: OpsServiceOptions) => {
        state = stateOf(overrides)
      },
      stop: () => server.stop(),
      [Symbol.asyncDispose]: () => server.stop(),
    })
  }
}
