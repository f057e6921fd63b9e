import { CouldNotCheckError } from '../errors.ts'

/**
 * Settles with `call`, or rejects with a {@link CouldNotCheckError} naming `what` and the wait once `timeoutMs`
 * has passed: a hung API server must not hang openbell.
 */
export async function withinDeadline<T>(what: string, call: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CouldNotCheckError(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    return await Promise.race([call, deadline])
  } finally {
    clearTimeout(timer)
  }
}
