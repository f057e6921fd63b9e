import http from 'node:http'
import https from 'node:https'
import { CouldNotCheckError } from '../errors.ts'

/** One HTTP response as openbell observed it: the raw material of evidence. */
export interface HttpObservation {
  url: string
  status: number
  contentType: string | null
  body: string
  bytes: number
  latencyMs: number
  /** Where a redirect (3xx) pointed, as the server sent it; absent otherwise. */
  location?: string
}

/** Options of {@link httpGet}. */
export interface HttpGetOptions {
  /** Give up after this long without a complete response. @default 5000 */
  timeoutMs?: number
  /** Give up when the body grows past this many bytes. @default 4 MiB */
  maxBytes?: number
  /** TLS material and headers (e.g. from a kubeconfig). */
  requestOptions?: https.RequestOptions
  /** What the request is for, for messages ("marketdata-mcp-server /metrics"). */
  label?: string
}

/**
 * A bounded GET: a deadline for the whole exchange, a cap on the body, UTF-8 only, and redirects
 * returned as they are (never followed, so nothing is sent to another host).
 * @throws {CouldNotCheckError} on a timeout, a connection failure, an oversized or undecodable body.
 */
export function httpGet(url: string, options: HttpGetOptions = {}): Promise<HttpObservation> {
  const timeoutMs = options.timeoutMs ?? 5_000
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024
  const label = options.label ?? url
  const started = performance.now()
  const target = new URL(url)
  const transport = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let bytes = 0
    const fail = (message: string, cause?: unknown) => {
      clearTimeout(timer)
      request.destroy()
      reject(new CouldNotCheckError(`${label}: ${message}`, { cause }))
    }
    const request = transport.request(target, { ...options.requestOptions, method: 'GET' }, (response) => {
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (bytes > maxBytes) return fail(`the response body exceeded ${maxBytes} bytes; openbell reads at most that much`)
        chunks.push(chunk)
      })
      response.on('error', (error) => fail(`the response broke off: ${error.message}`, error))
      response.on('end', () => {
        clearTimeout(timer)
        let body: string
        try {
          body = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
        } catch (error) {
          return reject(new CouldNotCheckError(`${label}: the response body is not valid UTF-8`, { cause: error }))
        }
        resolve({
          url: redactUrl(target),
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? null,
          body,
          bytes,
          latencyMs: Math.round(performance.now() - started),
          ...(response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 && response.headers.location !== undefined
            ? { location: response.headers.location }
            : {}),
        })
      })
    })
    const timer = setTimeout(() => fail(`no complete response within ${timeoutMs} ms`), timeoutMs)
    request.on('error', (error) => fail(`request failed: ${error.message}`, error))
    request.end()
  })
}

function redactUrl(url: URL): string {
  const copy = new URL(url)
  copy.username = ''
  copy.password = ''
  return copy.toString()
}
