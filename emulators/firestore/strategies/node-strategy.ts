import { createRequire } from 'node:module'
import type { FirestoreStrategy } from '../types.ts'
import { NODE_FIRESTORE_EMULATOR_PACKAGE } from '../versions.ts'

/**
 * Where `@firestore-emulator/server` 0.3.15 differs from Cloud Firestore, as found by
 * `tests/firestore/node-emulator-limits.test.ts` and by reading its source.
 */
export const NODE_EMULATOR_LIMITATIONS: readonly string[] = Object.freeze([
  'queries without orderBy return documents in write order (integer-like ids first), not by document id, so `collection(ops).limit(1)` can return another document than Cloud Firestore',
  'orderBy(field) keeps documents that lack the field (sorted last); Cloud Firestore leaves them out',
  'orderBy(FieldPath.documentId()) is ignored (write order again), and where() on FieldPath.documentId() matches no document',
  'cursors (startAt, startAfter, endAt, endBefore) and offset() are silently ignored',
  'select() projections are ignored: whole documents come back',
  'collectionGroup() queries silently return no documents',
  'dotted (nested) field paths in where/orderBy throw inside the server and the call hangs until the client gives up',
  'listCollections(), listDocuments() and BulkWriter (BatchWrite) are not implemented; use WriteBatch',
  'transactions are not isolated (a dummy transaction id, no locks)',
  'every write copies the collection’s document map, so writing n documents costs O(n²) time',
  'no security rules',
])

/** The grpc-js server inside `FirestoreServer` (a private field), as far as we use it. */
interface GrpcServer {
  bindAsync(address: string, credentials: unknown, callback: (error: Error | null, port: number) => void): void
  forceShutdown(): void
}

/**
 * Runs the pure-Node `@firestore-emulator/server` in this process, bound to 127.0.0.1 on a free port.
 * @note `FirestoreServer.start(port)` binds 0.0.0.0; we bind its gRPC server ourselves on loopback, with the
 * `@grpc/grpc-js` that the package itself loads (grpc-js checks credentials with `instanceof`).
 */
export function createNodeStrategy(): FirestoreStrategy {
  return {
    name: 'node',
    async probe() {
      let module: typeof import('@firestore-emulator/server')
      let grpc: { ServerCredentials: { createInsecure(): unknown } }
      try {
        module = await import('@firestore-emulator/server')
        const requireFromPackage = createRequire(createRequire(import.meta.url).resolve(NODE_FIRESTORE_EMULATOR_PACKAGE))
        grpc = requireFromPackage('@grpc/grpc-js') as typeof grpc
      } catch (error) {
        return {
          applicable: false,
          reason: `${NODE_FIRESTORE_EMULATOR_PACKAGE} could not be loaded (${(error as Error).message}); run npm ci.`,
        }
      }
      const emulator = new module.FirestoreServer()
      const server = (emulator as unknown as { server: GrpcServer }).server
      const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
          error ? reject(error) : resolve(bound),
        )
      })
      let stopped = false
      return {
        applicable: true,
        host: `127.0.0.1:${port}`,
        pid: undefined,
        limitations: NODE_EMULATOR_LIMITATIONS,
        reason: `started ${NODE_FIRESTORE_EMULATOR_PACKAGE} in this process on 127.0.0.1:${port}.`,
        async stop() {
          if (stopped) return
          stopped = true
          server.forceShutdown()
        },
      }
    },
  }
}
