import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A started hostile API server. */
export interface EchoingApiServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  stop(): Promise<void>
}

/**
 * A hostile stand-in for the Kubernetes API server that echoes the credential it was sent: every list and get is
 * answered 500 with a Status whose message quotes the bearer token (as it is and base64-encoded), and every
 * service-proxy GET is answered 200 with a body that quotes the Authorization header. `/version` and the access
 * reviews answer normally, so the run gets as far as the gates. Listens on 127.0.0.1 only.
 */
export async function startEchoingApiServer(): Promise<EchoingApiServer> {
  const server = createServer((request, response) => void answer(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const authorization = request.headers.authorization ?? '(none)'
  const token = authorization.replace(/^Bearer\s+/i, '')
  const url = request.url ?? '/'
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(JSON.stringify(body))
  }
  if (url.startsWith('/version')) return json(200, { major: '1', minor: '32', gitVersion: 'v1.32.4' })
  if (request.method === 'POST' && url.includes('selfsubjectaccessreviews')) {
    const review = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { spec?: unknown }
    return json(201, { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', spec: review.spec ?? {}, status: { allowed: true } })
  }
  if (url.includes('/proxy/')) {
    response.writeHead(200, { 'content-type': 'text/plain' })
    return void response.end(`proxied: the upstream saw Authorization: ${authorization}\ntoken=${token}\n`)
  }
  return json(500, {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: `backend failure for token ${token} (base64 ${Buffer.from(token).toString('base64')}, header ${JSON.stringify(authorization)})`,
    reason: 'InternalError',
    code: 500,
  })
}
