import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { createKubeStatus, KubeStatusError, type KubeStatus } from './kube-status.ts'

/** The largest request body the emulator reads (the real API's limit is 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024

/** Sends a JSON body with the headers the API server sets. */
export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(code, {
    'content-type': 'application/json',
    'cache-control': 'no-cache, private',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

/** Sends a failure Status with its code. */
export function sendStatus(res: ServerResponse, status: KubeStatus): void {
  sendJson(res, status.code, status)
}

/** Sends plain text, as `/healthz` does. */
export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/**
 * Reads a request body as bytes.
 * @throws KubeStatusError 413 when it is larger than {@link MAX_BODY_BYTES}.
 */
export async function readBodyBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      throw new KubeStatusError(createKubeStatus('RequestEntityTooLarge', `request entity too large: limit is ${MAX_BODY_BYTES}`))
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** Reads a request body as UTF-8 (see {@link readBodyBytes}). */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req)).toString('utf8')
}

const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade',
])

/** Copies headers without hop-by-hop ones (and without those named in `drop`). */
export function forwardableHeaders(headers: IncomingHttpHeaders, drop: readonly string[] = []): OutgoingHttpHeaders {
  const result: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !drop.includes(name)) result[name] = value
  }
  return result
}
