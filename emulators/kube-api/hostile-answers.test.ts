import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { KubeApiEmulator } from './kube-api-emulator.ts'
import type { StartedKubeApi } from './started-kube-api.ts'

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'trading-floor' }, spec: { containers: [{ name: 'c', image: 'i' }] } })
const PODS = '/api/v1/namespaces/trading-floor/pods'
let kube: StartedKubeApi | undefined
afterEach(async () => {
  await kube?.stop()
  kube = undefined
})

describe('hostile answers of the kube-api stand-in, as data', () => {
  it('pageSize: lists come in pages whatever limit is asked, the rest behind continue', async () => {
    kube = await new KubeApiEmulator().withObjects([pod('a'), pod('b'), pod('c')]).withHostileAnswers({ pageSize: 2 }).start()
    const first = (await (await fetch(`${kube.url}${PODS}?limit=500`)).json()) as { items: { metadata: { name: string } }[]; metadata: { continue?: string } }
    expect(first.items.map((item) => item.metadata.name)).toEqual(['a', 'b'])
    const second = (await (await fetch(`${kube.url}${PODS}?continue=${first.metadata.continue}`)).json()) as typeof first
    expect(second.items.map((item) => item.metadata.name)).toEqual(['c'])
    expect(second.metadata.continue).toBeUndefined()
  })

  it('redirect: a 307 to elsewhere, which records who followed it and with what', async () => {
    kube = await new KubeApiEmulator().withHostileAnswers({ redirect: [{ resource: 'pods', verbs: ['list'] }] }).start()
    const answer = await fetch(`${kube.url}${PODS}`, { redirect: 'manual' })
    expect(answer.status).toBe(307)
    const location = answer.headers.get('location') ?? ''
    expect(location).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${PODS}$`))
    expect(location.startsWith(kube.url)).toBe(false)
    expect(kube.elsewhereRequests).toEqual([])
    expect(((await (await fetch(location, { headers: { Authorization: 'Bearer x' } })).json()) as { items: unknown[] }).items).toEqual([])
    expect(kube.elsewhereRequests).toEqual([{ method: 'GET', path: PODS, credentials: true }])
  })

  it('unauthorized: every request is 401, /version included', async () => {
    kube = await new KubeApiEmulator().withHostileAnswers({ unauthorized: true }).start()
    expect((await fetch(`${kube.url}/version`)).status).toBe(401)
    expect((await fetch(`${kube.url}${PODS}`)).status).toBe(401)
  })

  it('endlessList: the list body goes on past anything a client should read', async () => {
    kube = await new KubeApiEmulator().withHostileAnswers({ endlessList: ['pods'] }).start()
    // @note read from a raw socket: the harness's live-host guard (msw) tees every response that passes through fetch
    // or node:http for its lifecycle events, which made this 8 MiB read take 15-50 s instead of 0.3 s.
    const { hostname, port } = new URL(kube.url)
    const socket = connect({ host: hostname, port: Number(port) })
    socket.write(`GET ${PODS} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`)
    let bytes = 0
    for await (const chunk of socket) {
      bytes += (chunk as Buffer).length
      if (bytes > 8 * 1024 * 1024) break
    }
    socket.destroy()
    expect(bytes).toBeGreaterThan(8 * 1024 * 1024)
  })
})
