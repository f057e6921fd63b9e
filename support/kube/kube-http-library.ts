import http from 'node:http'
import https from 'node:https'
import { ResponseContext, wrapHttpLibrary, type HttpLibrary, type RequestContext } from '@kubernetes/client-node'
import { redactText, withoutUserinfo } from '../secrets/index.ts'

/** Options of {@link createKubeHttpLibrary}. */
export interface KubeHttpLibraryOptions {
  /** Each exchange (request, headers and the whole body) is aborted after this long; the socket is destroyed. */
  timeoutMs: number
  /** Bytes of response body all the exchanges of this library may take together; past it the socket is destroyed. */
  maxBytes: number
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
      }, options.maxBytes),
  })
}

function exchange(request: RequestContext, timeoutMs: number, take: (bytes: number) => boolean, maxBytes: number): Promise<ResponseContext> {
  const url = new URL(request.getUrl())
  const transport = url.protocol === 'https:' ? https : http
  const body = request.getBody()
  if (body !== undefined && typeof body !== 'string') {
    return Promise.reject(new KubeTransportError(`openbell sends only JSON request bodies to the API server, not ${typeof body}`))
  }
  return new Promise((resolve, reject) => {
    const fail = (message: string, cause?: unknown) => {
      clearTimeout(timer)
      outgoing.destroy()
      reject(new KubeTransportError(message, { cause }))
    }
    const outgoing = transport.request(
      url,
      { method: request.getHttpMethod().toString(), headers: request.getHeaders(), agent: request.getAgent() },
      (response) => {
        const status = response.statusCode ?? 0
        if (status >= 300 && status < 400) {
          return fail(describeRedirect(status, response.headers.location, url))
        }
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => {
          if (!take(chunk.length)) return fail(`the answer was larger than ${maxBytes} bytes, the most openbell reads for one read (KUBE_READ_LIMITS.maxBytes); the API server or something in front of it sent too much`)
          chunks.push(chunk)
        })
        response.on('error', (error) => fail(`the answer broke off: ${error.message}`, error))
        response.on('end', () => {
          clearTimeout(timer)
          const buffer = Buffer.concat(chunks)
          const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]))
          resolve(new ResponseContext(status, headers, { text: async () => buffer.toString('utf8'), binary: async () => buffer }))
        })
      },
    )
    // @note one deadline for the whole exchange: a body that trickles in forever is cut at the deadline, not read on.
    const timer = setTimeout(() => fail(`no complete answer within ${timeoutMs} ms`), timeoutMs)
    // @note a connection that fails is passed on as it is: the reader says "cannot reach the API server" for it.
    outgoing.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    request.getSignal()?.addEventListener('abort', () => fail('the request was aborted'))
    outgoing.end(body)
  })
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
