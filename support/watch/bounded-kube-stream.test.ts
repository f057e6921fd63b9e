import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeKubeconfig } from '../../emulators/kube-api/write-kubeconfig.ts'
import { loadKubeConfig } from '../kube/index.ts'
import { KUBE_FOLLOW_LIMITS, stream } from './bounded-kube-stream.ts'

let server: Server | undefined
afterEach(() => {
  server?.closeAllConnections()
  server?.close()
})

/** An API server stand-in that answers every request with `answer`; returns a KubeConfig for it. */
async function hostile(answer: Parameters<typeof createServer>[1]) {
  const requests: string[] = []
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    answer!(request, response)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const file = await writeKubeconfig({ server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, path: path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-stream-')), 'kubeconfig'), token: 'boundedStreamToken0123456789' })
  return { kubeConfig: loadKubeConfig({ kubeconfigPath: file, kubeContext: null }), requests }
}

describe('the watch stream under the bounded transport rules', () => {
  it('refuses a redirect: the credentials never follow it elsewhere', async () => {
    const { kubeConfig, requests } = await hostile((_request, response) => response.writeHead(307, { location: 'http://127.0.0.2:1/elsewhere' }).end())
    await expect(stream(kubeConfig, '/api/v1/namespaces/x/pods?watch=1', new AbortController().signal, () => undefined, null, 5_000)).rejects.toThrow(/redirect/i)
    expect(requests).toHaveLength(1)
  })

  it('cuts a watch event larger than the limit instead of buffering it', async () => {
    const { kubeConfig } = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write(`{"type":"MODIFIED","object":{"data":"${'x'.repeat(KUBE_FOLLOW_LIMITS.maxEventBytes + 1024)}`)
    })
    await expect(stream(kubeConfig, '/api/v1/namespaces/x/pods?watch=1', new AbortController().signal, () => undefined, null, 5_000)).rejects.toThrow(/exceeded 1048576 bytes; the stream was cut/)
  })

  it('says what a refusal answered, scrubbed of the token it may echo', async () => {
    const { kubeConfig } = await hostile((_request, response) =>
      response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Status', message: 'pods is forbidden for Bearer boundedStreamToken0123456789' })),
    )
    const refusal = stream(kubeConfig, '/api/v1/namespaces/x/pods?watch=1', new AbortController().signal, () => undefined, null, 5_000)
    await expect(refusal).rejects.toThrow(/the API server answered 403 \(pods is forbidden/)
    await expect(refusal).rejects.not.toThrow(/boundedStreamToken/)
  })
})
