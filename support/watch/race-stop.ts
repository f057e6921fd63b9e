/**
 * Settles as `work` does, or with `onStop()` once `stop` is aborted, whichever comes first; then takes its listener
 * off `stop`, so nothing of `work` stays reachable from it.
 * @note the watch waits on its stop thousands of times a day (each evaluation, each wait for the next): a `.then` on
 * the one long-lived stop promise per wait kept every evaluation's report alive through that promise's reactions,
 * ~65 KB per evaluation (heap snapshots of a watch at evaluations 20 and 120: docs/decisions/watch-memory.md).
 */
export async function raceStop<T, S>(work: Promise<T>, stop: AbortSignal, onStop: () => S | Promise<S>): Promise<T | S> {
  let onAbort: () => void = () => undefined
  const stopped = new Promise<S>((resolve, reject) => {
    onAbort = () => void Promise.resolve().then(onStop).then(resolve, reject)
    if (stop.aborted) onAbort()
    else stop.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work, stopped])
  } finally {
    stop.removeEventListener('abort', onAbort)
  }
}
