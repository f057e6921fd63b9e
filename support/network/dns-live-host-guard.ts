import dns from 'node:dns'
import { syncBuiltinESMExports } from 'node:module'
import { isLiveBrokerHost } from './alpaca-base-url.ts'
import { formatMessage } from '../errors.ts'

/** The `code` of the error a refused lookup fails with. */
export const LIVE_HOST_REFUSED_CODE = 'ERR_OPENBELL_LIVE_HOST_REFUSED'

type Lookup = typeof dns.lookup
type PromisesLookup = typeof dns.promises.lookup

/**
 * Refuses DNS lookups of the live broker host through `dns.lookup` (which every `net`/`tls` socket uses),
 * so clients that msw does not intercept (the `undici` package, references taken before msw patched `http`)
 * fail before any packet leaves. Returns the function that restores the originals.
 * @note a socket opened to a literal IP address needs no lookup and is not seen here.
 */
export function installDnsLiveHostGuard(onRefused: (hostname: string) => void): () => void {
  const originalLookup = dns.lookup
  const originalPromisesLookup = dns.promises.lookup

  const guardedLookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    if (typeof hostname === 'string' && isLiveBrokerHost(hostname)) {
      onRefused(hostname)
      const callback = rest.findLast((argument) => typeof argument === 'function') as ((error: Error) => void) | undefined
      process.nextTick(() => callback?.(refusal(hostname)))
      return
    }
    return Reflect.apply(originalLookup, this, [hostname, ...rest])
  } as Lookup
  const guardedPromisesLookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    if (typeof hostname === 'string' && isLiveBrokerHost(hostname)) {
      onRefused(hostname)
      return Promise.reject(refusal(hostname))
    }
    return Reflect.apply(originalPromisesLookup, this, [hostname, ...rest])
  } as PromisesLookup

  dns.lookup = guardedLookup
  dns.promises.lookup = guardedPromisesLookup
  // @note ESM named imports of builtins (`import { lookup } from 'node:dns'`) see the patch only after a sync.
  syncBuiltinESMExports()
  return () => {
    if (dns.lookup === guardedLookup) dns.lookup = originalLookup
    if (dns.promises.lookup === guardedPromisesLookup) dns.promises.lookup = originalPromisesLookup
    syncBuiltinESMExports()
  }
}

function refusal(hostname: string): Error {
  const message = formatMessage(`refused to resolve ${hostname}: it is the live broker host, and openbell never contacts it`)
  return Object.assign(new Error(message), { code: LIVE_HOST_REFUSED_CODE, hostname, syscall: 'getaddrinfo' })
}
