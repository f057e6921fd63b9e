/**
 * Settles with `call`, or rejects with `timedOut()` once `timeoutMs` has passed: a hung server must not hang
 * openbell. The timer never outlives the call.
 */
export async function withinDeadline<T>(call: Promise<T>, timeoutMs: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), timeoutMs)
  })
  try {
    return await Promise.race([call, deadline])
  } finally {
    clearTimeout(timer)
  }
}
