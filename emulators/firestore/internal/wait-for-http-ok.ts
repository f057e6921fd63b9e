import { get } from 'node:http'
import { OpenbellError } from '../../../support/errors.ts'
import type { ProcessExit } from './process-group.ts'

/** Google's Firestore emulator did not answer its readiness endpoint in time. */
export class FirestoreEmulatorStartTimeoutError extends OpenbellError {}

/** Google's Firestore emulator exited before it answered. */
export class FirestoreEmulatorExitedError extends OpenbellError {}

/** One GET of `url` with a short timeout: the body, or the error code. */
async function getText(url: string, timeoutMs: number): Promise<{ body?: string; error?: string }> {
  return await new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ body }))
      response.on('error', (error) => resolve({ error: error.message }))
    })
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
  })
}

/** Whether `GET url` answers `Ok` right now (Google's emulator answers `GET /` with "Ok"). */
export async function answersOk(url: string, timeoutMs = 1_000): Promise<boolean> {
  return (await getText(url, timeoutMs)).body?.trim() === 'Ok'
}

/**
 * Readiness strategy: polls `GET url` every 100 ms until it answers "Ok" (and the process has printed
 * `readyOutput`, when given), the process exits, or `timeoutMs` passes.
 * @see https://github.com/testcontainers/testcontainers-node/blob/main/packages/testcontainers/src/wait-strategies/http-wait-strategy.ts
 */
export async function waitForHttpOk(options: {
  readonly url: string
  readonly timeoutMs: number
  readonly exited: Promise<ProcessExit>
  readonly output: () => string
  readonly what: string
  /**
   * A line the process prints only once it has bound its port.
   * @note without it, another emulator already on the port (the free port was taken between choosing it and the
   * bind) answers "Ok" for this one, whose process is about to exit with "Address already in use".
   */
  readonly readyOutput?: string
}): Promise<void> {
  let exit: ProcessExit | undefined
  void options.exited.then((value) => (exit = value))
  const deadline = Date.now() + options.timeoutMs
  let last = 'nothing yet'
  for (;;) {
    if (exit) {
      throw new FirestoreEmulatorExitedError(
        `${options.what} exited (code ${exit.code}, signal ${exit.signal}) before answering GET ${options.url}; ` +
          `its last output was: ${tail(options.output())}. Run the command by hand to see why.`,
      )
    }
    const answer = await getText(options.url, 1_000)
    if (answer.body?.trim() === 'Ok' && (options.readyOutput === undefined || options.output().includes(options.readyOutput))) return
    last = answer.error ?? `body ${JSON.stringify(answer.body?.slice(0, 80))}`
    if (Date.now() >= deadline) {
      throw new FirestoreEmulatorStartTimeoutError(
        `${options.what} did not answer GET ${options.url} with "Ok" within ${options.timeoutMs} ms ` +
          `(last answer: ${last}); its last output was: ${tail(options.output())}. ` +
          'Raise startupTimeoutMs, or run the command by hand to see why.',
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The last few lines of a process's output, on one line. */
function tail(output: string): string {
  const lines = output.trim().split(/\r?\n/).slice(-5).join(' | ')
  return lines === '' ? '(none)' : JSON.stringify(lines)
}
