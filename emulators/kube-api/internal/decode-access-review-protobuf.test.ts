import { describe, expect, it } from 'vitest'
import { decodeAccessReviewProtobuf } from './decode-access-review-protobuf.ts'

/** Encodes one length-delimited protobuf field. */
function field(number: number, value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value
  return Buffer.concat([Buffer.from([(number << 3) | 2, bytes.length]), bytes])
}

describe('decodeAccessReviewProtobuf', () => {
  it('reads spec.resourceAttributes from the k8s protobuf envelope', () => {
    const attributes = Buffer.concat([field(1, 'trading-floor'), field(2, 'get'), field(5, 'secrets')])
    const review = Buffer.concat([field(1, Buffer.alloc(0)), field(2, field(1, attributes))])
    const typeMeta = Buffer.concat([field(1, 'authorization.k8s.io/v1'), field(2, 'SelfSubjectAccessReview')])
    const body = Buffer.concat([Buffer.from('k8s\0'), field(1, typeMeta), field(2, review), field(3, ''), field(4, '')])
    expect(decodeAccessReviewProtobuf(body)).toEqual({
      spec: { resourceAttributes: { namespace: 'trading-floor', verb: 'get', resource: 'secrets' } },
    })
  })

  it('rejects a body without the k8s prefix', () => {
    expect(() => decodeAccessReviewProtobuf(Buffer.from('{}'))).toThrow('missing the "k8s\\0" protobuf prefix')
  })
})
