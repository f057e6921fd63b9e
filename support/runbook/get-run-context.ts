import { inject } from 'vitest'
import type { CheckMeta, RunContext } from './run-context.ts'
import { receivedRunContext } from './run-context-channel.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run context channel's address: the worker receives the whole context from it (`run-context-channel.ts`). */
    openbell: { contextChannel: string }
  }
  export interface TaskMeta extends CheckMeta {}
}

/**
 * The run's context inside a spec worker, as received whole from the runner before any spec loaded. Apart from the
 * context's types: only a spec worker has vitest's `inject`, and the runner's side must not load vitest for a type.
 */
export function getRunContext(): RunContext {
  return receivedRunContext(inject('openbell').contextChannel)
}
