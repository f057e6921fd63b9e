import http from 'node:http'
import https from 'node:https'
import { ResponseContext, wrapHttpLibrary, type HttpLibrary, type KubeConfig, type RequestContext, type Watch } from '@kubernetes/client-node'
import { firstLineOf } from '../errors.ts'
import { KUBE_WATCH_LIMITS } from './kube-read-limits.ts'
import { redactText, withoutUserinfo } from '../secrets/index.ts'

/** Options of {@link createKubeHttpLibrary}. */
export interface KubeHttpLibraryOptions {
  /** Each exchange (request, headers and the whole body) is aborted after this long; the socket is destroyed. */
  timeoutMs: number
  /** Bytes of response body all the exchanges of this library may take together; past it the socket is destroyed. */
  maxBytes: number
  /** Aborts every exchange of this library, its socket destroyed (the watch's follower closing). @default none */
  signal?: AbortSignal
}

/** A Kubernetes API exchange openbell refused or gave up on; its message says why and what to do next. */
export class KubeTransportError extends Error {
  override name = 'KubeTransportError'
}

/**
 * The transport under every `@kubernetes/client-node` API client openbell makes, in place of client-node's default
 * (node-fetch with redirects followed and bodies read whole, without a deadline). It never follows a redirect: a 3xx
 * is a {@link KubeTransportError} naming the Location, so the kube context's credentials never reach another server.
 * It reads at most `maxBytes` of body across all its exchanges and destroys the socket at `timeoutMs`, so an endless
 * or huge body neither outlives the deadline nor grows memory. Create one per read (its pages share the budget).
 */
export function createKubeHttpLibrary(options: KubeHttpLibraryOptions): HttpLibrary {
  let remaining = options.maxBytes
  return wrapHttpLibrary({
    send: (request) =>
      exchange(request, options.timeoutMs, (bytes) => {
        remaining -= bytes
        return remaining >= 0
      }, options.maxBytes, options.signal),
  })
}

function exchange(request: RequestContext, timeoutMs: number, take: (bytes: number) => boolean, maxBytes: number, signal?: AbortSignal): Promise<ResponseContext> {
  const body = request.getBody()
  if (body !== undefined && typeof body !== 'string') {
    return Promise.reject(new KubeTransportError(`openbell sends only JSON request bodies to the API server, not ${typeof body}`))
  }
  return new Promise((resolve, reject) => {
    const url = new URL(request.getUrl())
    const requestOptions = { method: request.getHttpMethod().toString(), headers: request.getHeaders(), agent: request.getAgent() }
    let answered: ResponseContext | null = null
    const signals = [request.getSignal(), signal].filter((aborting) => aborting !== undefined)
    const abort = () => finish(new KubeTransportError('the request was aborted'))
    const finish = sendBounded(url, requestOptions, body, timeoutMs, (response, end) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => {
        if (!take(chunk.length)) return end(new KubeTransportError(`the answer was larger than ${maxBytes} bytes, the most openbell reads for one read (KUBE_READ_LIMITS.maxBytes); the API server or something in front of it sent too much`))
        chunks.push(chunk)
      })
      response.on('error', (error) => end(new KubeTransportError(`the answer broke off: ${error.message}`, { cause: error })))
      response.on('end', () => {
        const buffer = Buffer.concat(chunks)
        const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]))
        answered = new ResponseContext(response.statusCode ?? 0, headers, { text: async () => buffer.toString('utf8'), binary: async () => buffer })
        end()
      })
    }, (error) => {
      for (const aborting of signals) aborting.removeEventListener('abort', abort)
      if (error === undefined && answered !== null) resolve(answered)
      else reject(error)
    })
    for (const aborting of signals) {
      if (aborting.aborted) abort()
      else aborting.addEventListener('abort', abort, { once: true })
    }
  })
}

/**
 * The one way openbell sends a request to the API server (an exchange of an API client, a watch): over node:http(s)
 * with the options given, never following a redirect (a 3xx ends it with a {@link KubeTransportError} naming the
 * Location), ended at `timeoutMs` with the socket destroyed. `answer` reads a non-3xx response and calls `end` when
 * it is done; `settled` is called once, with the error if any (a connection failure as it is: the reader says
 * "cannot reach the API server" for it). Returns `end`, for the caller to cut the exchange (an abort).
 */
function sendBounded(
  url: URL,
  requestOptions: https.RequestOptions,
  body: string | undefined,
  timeoutMs: number,
  answer: (response: http.IncomingMessage, end: (error?: Error) => void) => void,
  settled: (error?: Error) => void,
): (error?: Error) => void {
  let ended = false
  const end = (error?: Error) => {
    if (ended) return
    ended = true
    clearTimeout(timer)
    // @note a complete answer leaves its socket to the agent; anything else (an error, a cut watch) destroys it.
    if (error !== undefined || !completed) outgoing.destroy()
    settled(error)
  }
  let completed = false
  const transport = url.protocol === 'https:' ? https : http
  const outgoing = transport.request(url, requestOptions, (response) => {
    const status = response.statusCode ?? 0
    if (status >= 300 && status < 400) return end(new KubeTransportError(describeRedirect(status, response.headers.location, url)))
    response.once('end', () => (completed = true))
    answer(response, end)
  })
  // @note one deadline for the whole exchange: a body that trickles in forever is cut at the deadline, not read on.
  const timer = setTimeout(() => end(new KubeTransportError(`no complete answer within ${timeoutMs} ms`)), timeoutMs)
  outgoing.on('error', (error) => end(error))
  outgoing.end(body)
  return end
}

/** Options of {@link createBoundedKubeWatch}. */
export interface BoundedKubeWatchOptions {
  /** Asked of the API server (`timeoutSeconds`); a watch still open 5 s past it is cut as dropped. */
  timeoutSeconds: number
  /** Ends every watch of this object, its socket destroyed; no watch starts once it is aborted. */
  closing: AbortSignal
  /** Told when a watch is open (the API server answered 200). @default none */
  onOpen?: () => void
}

/** An error ending a watch, with the HTTP or Status code when the API server gave one (410: list again). */
class KubeWatchError extends KubeTransportError {
  constructor(message: string, readonly statusCode?: number) {
    super(message)
  }
}

/**
 * client-node's `Watch` (what its `ListWatch` informer calls) over openbell's transport rather than client-node's
 * fetch, which follows redirects and reads lines unbounded: the same request rules as every API client
 * ({@link sendBounded}: a 3xx is refused, never followed; the kube context's credentials go to its own server only),
 * each event line at most `KUBE_WATCH_LIMITS.maxEventBytes`, with bookmarks and `timeoutSeconds`. A watch ends with
 * `done(null)` when the API server ends it in time, else with a {@link KubeWatchError} whose message is scrubbed: a
 * refusal (its status and Status message), an `ERROR` event (code 410 makes the informer list again), a cut line, or
 * a watch ended within a second (dropped at once), or an event `callback` threw on (its message). Aborting the
 * returned controller destroys the socket and calls nothing.
 */
export function createBoundedKubeWatch(kubeConfig: KubeConfig, options: BoundedKubeWatchOptions): Pick<Watch, 'config' | 'watch'> {
  const { maxEventBytes, droppedWithinMs, graceMs, credentialsMs } = KUBE_WATCH_LIMITS
  return {
    config: kubeConfig,
    watch: async (path, queryParams, callback, done) => {
      const controller = new AbortController()
      let finished = false
      const finish = (error: KubeWatchError | null) => {
        if (finished) return
        finished = true
        options.closing.removeEventListener('abort', stop)
        controller.abort()
        // @note never before `watch` returns: ListWatch keeps the controller it is given, and must not keep a finished one as current.
        if (!options.closing.aborted) setImmediate(() => done(error))
      }
      const stop = () => {
        finished = true
        options.closing.removeEventListener('abort', stop)
        end?.(new KubeTransportError('the watch was stopped'))
      }
      let end: ((error?: Error) => void) | undefined
      if (options.closing.aborted) return (controller.abort(), controller)
      const server = kubeConfig.getCurrentCluster()?.server ?? ''
      let url: URL
      const requestOptions: https.RequestOptions = { method: 'GET', headers: { accept: 'application/json' } }
      try {
        url = new URL(`${server.replace(/\/+$/, '')}${path}`)
        if (url.origin !== new URL(server).origin) throw new Error(`the watch path ${JSON.stringify(path)} leaves the API server`)
        // @note an exec credential plugin runs without a deadline of its own: one waiting for a login would hang the
        // informer for good, its kind still saying `watch`.
        await credentialsInTime(kubeConfig.applyToHTTPSOptions(requestOptions), credentialsMs)
      } catch (error) {
        finish(new KubeWatchError(`openbell cannot watch ${path} on the kube context's server: ${redactText(firstLineOf(error))}`))
        return controller
      }
      for (const [name, value] of Object.entries({ ...queryParams, watch: '1', allowWatchBookmarks: 'true', timeoutSeconds: options.timeoutSeconds })) {
        if (value !== undefined) url.searchParams.set(name, String(value))
      }
      if (options.closing.aborted) return (controller.abort(), controller)
      controller.signal.addEventListener('abort', stop, { once: true })
      options.closing.addEventListener('abort', stop, { once: true })
      let openedAt = 0
      try {
        end = sendBounded(url, requestOptions, undefined, (options.timeoutSeconds * 1000) + graceMs, (response, end) => {
          const status = response.statusCode ?? 0
          response.setEncoding('utf8')
          let buffered = ''
          if (status !== 200) {
            response.on('data', (chunk: string) => (buffered.length < 4096 ? (buffered += chunk) : undefined))
            response.on('end', () => end(new KubeWatchError(`the API server answered ${status} (${describeStatus(parseJson(buffered))})`, status)))
            return
          }
          openedAt = performance.now()
          options.onOpen?.()
          // @note the start of an event not ended yet, in the pieces it came in: each piece is searched and counted once,
          // never the whole event again per piece (an event trickled in small pieces cost time quadratic in its size).
          let pending: string[] = []
          let pendingBytes = 0
          response.on('data', (chunk: string) => {
            let rest = chunk
            for (let newline = rest.indexOf('\n'); newline >= 0; newline = rest.indexOf('\n')) {
              const line = pending.join('') + rest.slice(0, newline)
              pending = []
              pendingBytes = 0
              rest = rest.slice(newline + 1)
              if (line.trim() === '') continue
              const event = parseJson(line) as { type?: unknown; object?: { code?: unknown; metadata?: { name?: unknown } } } | null
              if (event === null || typeof event.type !== 'string' || typeof event.object !== 'object' || event.object === null) return end(new KubeWatchError('a watch event was not a JSON event with a type and an object'))
              if (event.type === 'ERROR') {
                const code = typeof event.object.code === 'number' ? event.object.code : undefined
                return end(new KubeWatchError(`the API server ended the watch: ${describeStatus(event.object)}`, code))
              }
              // @note the informer files an object by its metadata (and throws, unhandled, on one without): only objects pass.
              if (typeof event.object.metadata !== 'object' || event.object.metadata === null || (event.type !== 'BOOKMARK' && typeof event.object.metadata.name !== 'string')) {
                return end(new KubeWatchError(`a watch event (${redactText(event.type).slice(0, 20)}) was not a Kubernetes object with a name`))
              }
              try {
                callback(event.type, event.object, event)
              } catch (error) {
                // @note a callback that refuses an event (the informer's bounds) ends the watch, never the process.
                return end(new KubeWatchError(redactText(firstLineOf(error))))
              }
            }
            if (rest !== '') pending.push(rest)
            pendingBytes += Buffer.byteLength(rest)
            if (pendingBytes > maxEventBytes) end(new KubeWatchError(`a watch event exceeded ${maxEventBytes} bytes (KUBE_WATCH_LIMITS.maxEventBytes); the stream was cut`))
          })
          response.on('error', (error) => end(new KubeWatchError(`the watch broke off: ${redactText(error.message)}`)))
          // @note the API server ends a watch at `timeoutSeconds` and the informer watches again; one ended at once was dropped.
          response.on('end', () => end(performance.now() - openedAt < droppedWithinMs ? new KubeWatchError('the API server ended the watch at once') : undefined))
        }, (error) => finish(error === undefined ? null : error instanceof KubeWatchError ? error : new KubeWatchError(redactText(firstLineOf(error)))))
      } catch (error) {
        // @note Node refuses some requests before sending them (a header with a character it does not allow, e.g. a
        // token with a newline): that ends this watch through `done`; a rejection here ListWatch would leave unhandled.
        controller.signal.removeEventListener('abort', stop)
        finish(new KubeWatchError(`openbell cannot watch ${path}: ${redactText(firstLineOf(error))}`))
      }
      return controller
    },
  }
}

/** Resolves when the credentials are applied, or rejects once `ms` went by first. */
async function credentialsInTime(applying: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the kube context's credentials were not ready within ${ms} ms (KUBE_WATCH_LIMITS.credentialsMs; an exec credential plugin waiting for a login?)`)), ms)
  })
  try {
    await Promise.race([applying, late])
  } finally {
    clearTimeout(timer)
  }
}

/** The `message` of a Kubernetes Status, shortened and scrubbed. */
function describeStatus(status: unknown): string {
  const message = (status as { message?: unknown } | null)?.message
  // @note scrub before the cut: a credential across the cut would no longer match the scrub, and its start would show.
  return typeof message === 'string' ? redactText(message).slice(0, 200) : 'no Status message'
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The message of a refused redirect: the status, where it pointed (without userinfo), and what to do. */
export function describeRedirect(status: number, location: string | undefined, from: URL): string {
  let target = '(no Location header)'
  if (location !== undefined) {
    try {
      target = withoutUserinfo(new URL(location, from).toString())
    } catch {
      // @note scrub before the cut: a credential across the cut would no longer match the scrub, and its start would show.
      target = JSON.stringify(redactText(location).slice(0, 200))
    }
  }
  return (
    `the API server answered ${status}, a redirect to ${target}; openbell never follows a redirect (the kube context's ` +
    `credentials go to its own server only), so nothing was read there: point the kube context at the API server itself`
  )
}
