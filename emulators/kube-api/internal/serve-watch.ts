import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KubeResourceType } from '../kube-resource-types.ts'
import type { KubeObjectStore } from './kube-object-store.ts'

/**
 * Serves `?watch=1` on a collection as the API server does: a chunked stream of one JSON event per line
 * (`ADDED`/`MODIFIED` for each change made after the request, e.g. by a PATCH), a `BOOKMARK` every second when
 * `allowWatchBookmarks` is set, ended after `timeoutSeconds` (at most 30 min) or when the client goes.
 */
export function serveWatch(req: IncomingMessage, res: ServerResponse, store: KubeObjectStore, type: KubeResourceType, namespace: string | undefined, url: URL): void {
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
  // @note the client waits for the headers before the first event; they go now, not with the first change.
  res.flushHeaders()
  const send = (event: unknown) => res.write(`${JSON.stringify(event)}\n`)
  const unsubscribe = store.subscribe(type, namespace, (eventType, object) => send({ type: eventType, object }))
  const bookmarks =
    url.searchParams.get('allowWatchBookmarks') === 'true'
      ? setInterval(() => send({ type: 'BOOKMARK', object: { kind: type.kind, apiVersion: 'v1', metadata: { resourceVersion: store.resourceVersion } } }), 1_000)
      : undefined
  const seconds = Math.min(1_800, Math.max(1, Number(url.searchParams.get('timeoutSeconds') ?? 1_800) || 1_800))
  const timer = setTimeout(() => res.end(), seconds * 1_000)
  const stop = () => {
    unsubscribe()
    clearInterval(bookmarks)
    clearTimeout(timer)
  }
  res.once('close', stop)
  req.once('close', stop)
}
