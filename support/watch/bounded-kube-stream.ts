import http from 'node:http'
import https from 'node:https'
import type { KubeConfig } from '@kubernetes/client-node'
import { describeRedirect } from '../kube/index.ts'
import { redactText } from '../secrets/index.ts'

/** Limits of the watch streams, in one frozen object. */
export const KUBE_FOLLOW_LIMITS = Object.freeze({
  /** Bytes of one watch event (one line); past it the stream is cut and the kind is listed every interval. @default 1 MiB */
  maxEventBytes: 1024 * 1024,
})

/** The API server ended a watch with an ERROR event (e.g. 410 Gone): list again and watch from there. */
export class WatchDropped extends Error {}

/** One bounded GET, whole body (the list that gives the watch its starting resourceVersion). */
export async function request(kubeConfig: KubeConfig, path: string, timeoutMs: number, closing: AbortSignal): Promise<string> {
  let body = ''
  await stream(kubeConfig, path, closing, null, null, timeoutMs, (text) => (body += text))
  return body
}

/**
 * A GET whose body is read line by line (a watch) or whole (`onText`), refusing redirects, bounded per line and in
 * time; a non-200 answer is thrown with its status and scrubbed message.
 */
export async function stream(
  kubeConfig: KubeConfig,
  path: string,
  closing: AbortSignal,
  onEvent: ((event: { type?: string; object?: unknown }) => void) | null,
  onOpen: (() => void) | null,
  timeoutMs: number,
  onText?: (text: string) => void,
): Promise<void> {
  const cluster = kubeConfig.getCurrentCluster()
  if (!cluster) throw new Error('the kube context names no cluster')
  const url = new URL(path, cluster.server)
  const requestOptions: https.RequestOptions = { method: 'GET', headers: { accept: 'application/json' } }
  await kubeConfig.applyToHTTPSOptions(requestOptions)
  const transport = url.protocol === 'https:' ? https : http
  await new Promise<void>((resolve, reject) => {
    const done = (error?: unknown) => {
      clearTimeout(timer)
      closing.removeEventListener('abort', onAbort)
      outgoing.destroy()
      if (error) reject(error)
      else resolve()
    }
    const onAbort = () => done()
    const timer = setTimeout(() => done(new Error(`no end within ${timeoutMs} ms`)), timeoutMs)
    closing.addEventListener('abort', onAbort, { once: true })
    const outgoing = transport.request(url, requestOptions, (response) => {
      const status = response.statusCode ?? 0
      if (status >= 300 && status < 400) return done(new Error(describeRedirect(status, response.headers.location, url)))
      let buffered = ''
      let size = 0
      response.setEncoding('utf8')
      if (status !== 200) {
        response.on('data', (chunk: string) => (buffered.length < 4096 ? (buffered += chunk) : undefined))
        response.on('end', () => done(new Error(`the API server answered ${status} (${describeStatus(safeJson(buffered))})`)))
        return
      }
      onOpen?.()
      response.on('data', (chunk: string) => {
        size += Buffer.byteLength(chunk)
        if (onText) {
          if (size > KUBE_FOLLOW_LIMITS.maxEventBytes * 32) return done(new Error('the list answer is larger than the follow limit'))
          return onText(chunk)
        }
        buffered += chunk
        for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
          const line = buffered.slice(0, newline)
          buffered = buffered.slice(newline + 1)
          if (line.trim() === '') continue
          try {
            onEvent?.(JSON.parse(line) as { type?: string; object?: unknown })
          } catch (error) {
            return done(error instanceof WatchDropped ? error : new Error('a watch event was not JSON'))
          }
        }
        if (Buffer.byteLength(buffered) > KUBE_FOLLOW_LIMITS.maxEventBytes) {
          done(new Error(`a watch event exceeded ${KUBE_FOLLOW_LIMITS.maxEventBytes} bytes; the stream was cut`))
        }
      })
      response.on('end', () => done())
      response.on('error', (error) => done(error))
    })
    outgoing.on('error', (error) => done(error))
    outgoing.end()
  })
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The `message` of a Kubernetes Status, shortened and scrubbed. */
export function describeStatus(status: unknown): string {
  const message = (status as { message?: unknown } | null)?.message
  return typeof message === 'string' ? redactText(message.slice(0, 200)) : 'no Status message'
}

