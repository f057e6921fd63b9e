import { echoedForms } from './echoed-forms.ts'

/** Values shorter than this are not registered: scrubbing "1" or "abc" would blank out every report. */
export const MIN_SECRET_LENGTH = 6

/**
 * The credentials this process knows, collected once per run from every source (the kubeconfig, exec credential
 * plugins, URL userinfo, Alpaca keys, notify URLs) so one scrub removes them from everything written or printed.
 * Environment variables named like secrets are read at each scrub (see `knownSecretValues`).
 */
export interface SecretRegistry {
  /** Registers a secret value (and, implicitly, its echoed forms); short or empty values are ignored. */
  add(value: string | null | undefined): void
  /** Every registered value and its echoed forms, longest first. */
  forms(): readonly string[]
  /** Calls `listener` with each value registered from now on, and with each already registered; returns the unsubscribe. */
  subscribe(listener: (value: string) => void): () => void
  /** Forgets everything registered (tests). */
  clear(): void
}

/** Creates an empty registry. */
export function createSecretRegistry(): SecretRegistry {
  const values = new Set<string>()
  const listeners = new Set<(value: string) => void>()
  let cached: string[] | null = null
  return {
    add(value) {
      if (typeof value !== 'string' || value.trim().length < MIN_SECRET_LENGTH || values.has(value)) return
      values.add(value)
      const trimmed = value.trim()
      if (trimmed !== value) values.add(trimmed)
      cached = null
      for (const listener of listeners) listener(value)
    },
    subscribe(listener) {
      listeners.add(listener)
      for (const value of values) listener(value)
      return () => void listeners.delete(listener)
    },
    forms() {
      cached ??= [...new Set([...values].flatMap(echoedForms))].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
      return cached
    },
    clear() {
      values.clear()
      cached = null
    },
  }
}

const REGISTRY = Symbol.for('openbell.secret-registry')

/**
 * The registry of this process (a spec worker has its own, filled by the kubeconfig it loads).
 * @note kept on `globalThis`: vitest may load this module more than once in a worker, and every copy must share it.
 */
export const secretRegistry: SecretRegistry = ((globalThis as { [REGISTRY]?: SecretRegistry })[REGISTRY] ??= createSecretRegistry())

/** Registers a secret with this process's registry. */
export function registerSecret(value: string | null | undefined): void {
  secretRegistry.add(value)
}
