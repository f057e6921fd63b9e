import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { PathFault } from '../ops-service-options.ts'
import { NOT_FOUND, type OpsResponse } from './ops-routes.ts'

/** A listening stand-in server. */
export interface RunningOpsHttpServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  /** Ends every response (hanging and endless ones too), destroys every socket and closes the listener. */
  stop(): Promise<void>
}

// @note what Python's BaseHTTPRequestHandler.send_error(501) sends for a verb without a do_<VERB> method.
const notImplemented = (method: string): OpsResponse => ({
  status: 501,
  contentType: 'text/html;charset=utf-8',
  body:
    '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n' +
    `    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('${method}').</p>\n` +
    '        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n',
})

/** What the server answers: routes by exact path, and faults on top; read at each request, so it can change while running. */
export interface OpsHttpState {
  readonly routes: ReadonlyMap<string, () => OpsResponse>
  readonly faults: Readonly<Record<string, PathFault>>
}

/** Starts a server on 127.0.0.1 and a free port that answers GET by exact path, with faults applied. */
export async function startOpsHttpServer(state: () => OpsHttpState): Promise<RunningOpsHttpServer> {
  const sockets = new Set<Socket>()
  const stopping = new AbortController()
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, { status: 500, contentType: 'text/plain', body: `error: ${String(error)}\n` })
      else response.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET'
    if (method !== 'GET') return send(response, notImplemented(method))
    const path = request.url ?? '/'
    const { routes, faults } = state()
    const fault = Object.hasOwn(faults, path) ? faults[path] : undefined
    // @note a hanging request holds its socket open until stop() destroys it.
    if (fault?.hang === true) return
    if (fault?.delayMs !== undefined && fault.delayMs > 0) {
      const waited = await sleep(fault.delayMs, true, { signal: stopping.signal }).catch(() => false)
      if (!waited) return
    }
    const normal = routes.get(path)?.() ?? NOT_FOUND
    const answer: OpsResponse = {
      status: fault?.status ?? normal.status,
      contentType: fault?.contentType ?? normal.contentType,
      body: fault?.body ?? normal.body,
    }
    if (fault?.endlessBody === true) return streamForever(response, answer, stopping.signal)
    send(response, answer)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  let stopped: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        stopping.abort()
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      return stopped
    },
  }
}

function send(response: ServerResponse, answer: OpsResponse): void {
  response.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Content-Length': Buffer.byteLength(answer.body) })
  response.end(answer.body)
}

function streamForever(response: ServerResponse, answer: OpsResponse, stopping: AbortSignal): void {
  response.writeHead(answer.status, { 'Content-Type': answer.contentType })
  const chunk = Buffer.from(answer.body === '' ? ' ' : answer.body.repeat(Math.max(1, Math.ceil(4096 / answer.body.length))))
  const pump = (): void => {
    while (!stopping.aborted && !response.destroyed) {
      if (!response.write(chunk)) {
        response.once('drain', pump)
        return
      }
    }
  }
  pump()
}
