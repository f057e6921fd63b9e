import { request } from 'node:http'

/** An answer read by {@link httpGet}. */
export interface HttpAnswer {
  readonly status: number
  readonly contentType: string | undefined
  readonly body: string
}

/** Why {@link httpGet} gave up. */
export class HttpGetError extends Error {
  constructor(
    readonly reason: 'timeout' | 'too-large' | 'socket',
    message: string,
  ) {
    super(message)
  }
}

/** GETs (or sends `method` to) a loopback URL without a keep-alive agent, with a timeout and a body size cap. */
export function httpGet(url: string, options: { timeoutMs?: number; maxBytes?: number; method?: string } = {}): Promise<HttpAnswer> {
  const { timeoutMs = 5_000, maxBytes = 1_000_000, method = 'GET' } = options
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        chunks.push(chunk)
        if (size > maxBytes) {
          req.destroy()
          reject(new HttpGetError('too-large', `body passed ${maxBytes} bytes`))
        }
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', (error) => reject(new HttpGetError('socket', error.message)))
    })
    req.setTimeout(timeoutMs, () => {
      req.destroy()
      reject(new HttpGetError('timeout', `no answer within ${timeoutMs} ms`))
    })
    req.on('error', (error) => reject(new HttpGetError('socket', error.message)))
    req.end()
  })
}
