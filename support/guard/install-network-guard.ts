import { syncBuiltinESMExports } from 'node:module'
import type { RequestHandler } from 'msw'
import { setupServer, type SetupServerApi } from 'msw/node'
import { createViolation, installDnsLiveHostGuard, type GuardLayer, type LiveHostViolation } from '../network/index.ts'
import { createLiveHostRefusalHandler } from './live-host-refusal-handler.ts'

/** Options of {@link installNetworkGuard}. */
export interface NetworkGuardOptions {
  /** Called synchronously with each refused request, before the caller sees its error; see `appendViolationTo`. */
  onViolation: (violation: LiveHostViolation) => void
  /** Handlers answered behind the guard, such as the Alpaca paper stand-in. @default [] */
  handlers?: RequestHandler[]
}

/** A live-host guard, installed process-wide; one per {@link installNetworkGuard} call. */
export interface NetworkGuard {
  /** Adds handlers behind the guard (newest first); the guard still sees every request before them. */
  use(...handlers: RequestHandler[]): void
  /** The violations refused while this handle was open. */
  violations(): readonly LiveHostViolation[]
  /** Releases this handle; the interception ends when the last handle is closed. Idempotent. */
  close(): void
  /** Same as {@link NetworkGuard.close}, for `using`. */
  [Symbol.dispose](): void
}

interface Subscriber {
  onViolation: (violation: LiveHostViolation) => void
  seen: LiveHostViolation[]
  handlers: RequestHandler[]
}

interface GuardState {
  server: SetupServerApi
  guardHandler: RequestHandler
  subscribers: Set<Subscriber>
  uninstallDns: () => void
}

/**
 * @note msw allows one interception per process: a second `setupServer().listen()` silently proxies to the first,
 * and vitest may run several test files in one worker. The state therefore lives on `globalThis`, not in this module.
 */
const STATE = Symbol.for('openbell.network-guard')

/**
 * Installs the process-wide live-host guard: every request to `api.alpaca.markets` (any scheme, port, path or case,
 * with trailing dots) through `fetch`, `node:http` or `node:https` is answered with a network error before it leaves
 * the process, and every DNS lookup of that host fails; each refusal is reported to `onViolation`. Any other request
 * passes untouched unless a handler given here answers it. Installing again reuses the same interception.
 * @note install it before the code under test takes references to `http.request`; named ESM imports are re-synced.
 */
export function installNetworkGuard(options: NetworkGuardOptions): NetworkGuard {
  const state = currentState() ?? startGuard()
  const subscriber: Subscriber = { onViolation: options.onViolation, seen: [], handlers: [...(options.handlers ?? [])] }
  state.subscribers.add(subscriber)
  applyHandlers(state)

  let closed = false
  const close = (): void => {
    if (closed) return
    closed = true
    state.subscribers.delete(subscriber)
    if (state.subscribers.size > 0) return applyHandlers(state)
    stopGuard(state)
  }
  return {
    use(...handlers) {
      if (closed) return
      subscriber.handlers.unshift(...handlers)
      applyHandlers(state)
    },
    violations: () => [...subscriber.seen],
    close,
    [Symbol.dispose]: close,
  }
}

function startGuard(): GuardState {
  const subscribers = new Set<Subscriber>()
  const report = (url: string, method: string, layer: GuardLayer): void => {
    const violation = createViolation(url, method, layer)
    for (const subscriber of subscribers) {
      subscriber.seen.push(violation)
      try {
        subscriber.onViolation(violation)
      } catch (error) {
        // @note the request is refused whatever happens here; a lost record must still be visible.
        process.emitWarning(`[openbell] could not record a live-host violation (${violation.method} ${violation.url}): ${String(error)}`)
      }
    }
  }
  const guardHandler = createLiveHostRefusalHandler((url, method) => report(url, method, 'request'))
  const server = setupServer(guardHandler)
  server.listen({ onUnhandledRequest: 'bypass' })
  // @note msw patches `http.request` on the CommonJS object; `import { request } from 'node:http'` keeps the
  // original until the builtins' ESM exports are re-synced, and would bypass the guard.
  syncBuiltinESMExports()
  const uninstallDns = installDnsLiveHostGuard((hostname) => report(`dns:${hostname}`, 'LOOKUP', 'dns'))
  const state: GuardState = { server, guardHandler, subscribers, uninstallDns }
  ;(globalThis as Record<symbol, unknown>)[STATE] = state
  return state
}

function stopGuard(state: GuardState): void {
  delete (globalThis as Record<symbol, unknown>)[STATE]
  state.uninstallDns()
  state.server.close()
  syncBuiltinESMExports()
}

function currentState(): GuardState | undefined {
  return (globalThis as Record<symbol, GuardState | undefined>)[STATE]
}

/** The guard first, then every open handle's handlers, newest handle first. */
function applyHandlers(state: GuardState): void {
  const behind = [...state.subscribers].reverse().flatMap((subscriber) => subscriber.handlers)
  state.server.resetHandlers(state.guardHandler, ...behind)
}
