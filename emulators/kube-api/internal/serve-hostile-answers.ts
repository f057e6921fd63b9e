import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { KubeResourceType } from '../kube-resource-types.ts'

/** One request that reached the redirect target ("elsewhere"): a client that followed a redirect. */
export interface ElsewhereRequestRecord {
  readonly method: string
  readonly path: string
  /** Whether it carried an `Authorization` header: the kube context's credentials, sent to another server. */
  readonly credentials: boolean
}

/** The second loopback listener that redirected requests point at. */
export interface Elsewhere {
  readonly url: string
  readonly requests: readonly ElsewhereRequestRecord[]
  close(): Promise<void>
}

/**
 * Starts "elsewhere" on 127.0.0.1: lists are empty, anything else is a halted kill-switch ConfigMap (what would make a
 * check or `halt` look fine). Each request is recorded and handed to `onRequest`.
 */
export async function startElsewhere(onRequest: (record: ElsewhereRequestRecord) => void): Promise<Elsewhere> {
  const requests: ElsewhereRequestRecord[] = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://elsewhere.invalid').pathname
    const record = { method: req.method ?? 'GET', path, credentials: req.headers.authorization !== undefined }
    requests.push(record)
    onRequest(record)
    const name = path.split('/').pop() ?? ''
    const named = /\/(configmaps|pods|deployments|statefulsets|jobs|cronjobs|services|events)\/[^/]+$/.test(path)
    const body = named
      ? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'trading-floor' }, data: { EXECUTION_HALTED: '1' } }
      : { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items: [] }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      return closed
    },
  }
}

/** Answers 307 to the same path and query on "elsewhere". */
export function sendRedirect(res: ServerResponse, elsewhere: string, url: URL): void {
  res.writeHead(307, { location: `${elsewhere}${url.pathname}${url.search}`, 'content-type': 'text/plain' }).end('Temporary Redirect')
}

/**
 * Answers a list with 200 and a body that never ends: `{"kind":"PodList",…,"items":[` then item after item, written
 * as fast as the client reads (backpressure respected), until the client goes away.
 */
export function sendEndlessList(req: IncomingMessage, res: ServerResponse, type: KubeResourceType): void {
  const apiVersion = type.group === '' ? type.version : `${type.group}/${type.version}`
  // @note one chunk, written again and again: the stand-in spends no CPU making items nobody will judge.
  const item = JSON.stringify({ metadata: { name: `endless-${type.plural}`, namespace: 'trading-floor', annotations: { padding: 'x'.repeat(900) } } })
  const chunk = Array.from({ length: 64 }, () => item).join(',')
  res.writeHead(200, { 'content-type': 'application/json' })
  res.write(`{"kind":"${type.kind}List","apiVersion":"${apiVersion}","metadata":{"resourceVersion":"1"},"items":[${chunk}`)
  let gone = false
  req.socket.once('close', () => {
    gone = true
  })
  const pump = () => {
    while (!gone && res.write(`,${chunk}`));
    if (!gone) res.once('drain', pump)
  }
  pump()
}
