import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Notification } from '../../support/watch/notifier.ts'

/** A webhook path with a token in it, as Slack's are: it must never appear in anything openbell writes or prints. */
export const HOOK_TOKEN = 'watchTestHookToken0123456789'

/** A local webhook receiver: `/hooks/…` records the JSON bodies, `/broken/…` always answers 500. */
export async function startReceiver() {
  const received: Notification[] = []
  let waiters: (() => void)[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      if (request.url?.startsWith('/broken/')) return void response.writeHead(500).end()
      received.push(JSON.parse(body) as Notification)
      for (const wake of waiters.splice(0)) wake()
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  /** Waits for a notification that satisfies `test`, among those not yet consumed. */
  let consumed = 0
  const next = async (test: (notification: Notification) => boolean, what: string): Promise<Notification> => {
    const deadline = Date.now() + 300_000
    for (;;) {
      const index = received.findIndex((notification, position) => position >= consumed && test(notification))
      if (index >= 0) {
        consumed = index + 1
        return received[index]!
      }
      if (Date.now() > deadline) throw new Error(`no notification ${what}; received: ${JSON.stringify(received.map((n) => [n.verdict, n.changedGates.map((g) => `${g.gate}:${g.to}`)]))}`)
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 1_000)
      })
    }
  }
  return {
    url: `http://127.0.0.1:${port}/hooks/T000/B000/${HOOK_TOKEN}`,
    brokenUrl: `http://127.0.0.1:${port}/broken/${HOOK_TOKEN}`,
    received,
    next,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

