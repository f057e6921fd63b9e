import type { RequestHandler } from 'msw'
import { OpenbellError } from '../errors.ts'

/** What a module named in `workerSetup.files` exports: the handlers a spec worker answers with behind its guard. */
export interface WorkerHandlersModule {
  createWorkerHandlers(): RequestHandler[]
}

/**
 * Imports a worker handler module and builds its handlers. The module gets no hold on the guard: it only hands
 * handlers over, and the worker puts them behind the guard it already installed.
 * @throws OpenbellError when the module exports no `createWorkerHandlers`: a stand-in that is named but not
 * installed would leave its host to the guard, and the run would misreport why.
 */
export async function loadWorkerHandlers(file: string): Promise<RequestHandler[]> {
  const module = (await import(file)) as Partial<WorkerHandlersModule>
  if (typeof module.createWorkerHandlers !== 'function') {
    throw new OpenbellError(
      `the worker module ${file} exports no createWorkerHandlers(); expected a function returning msw handlers. ` +
        'Export one from the module the floor names in workerSetupFiles.',
    )
  }
  return module.createWorkerHandlers()
}
