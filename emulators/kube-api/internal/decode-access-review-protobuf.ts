/** The 4-byte prefix of every Kubernetes protobuf body. */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00])

const RESOURCE_FIELDS = ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'] as const
const NON_RESOURCE_FIELDS = ['path', 'verb'] as const

/**
 * Decodes the protobuf SelfSubjectAccessReview that `kubectl auth can-i` sends (it offers no JSON fallback)
 * into its JSON form; only `spec` is read.
 * @note the wire format is `k8s\0` + runtime.Unknown{1: typeMeta, 2: raw}; raw is the review, spec is field 2.
 * @throws Error when the body is not such a message.
 */
export function decodeAccessReviewProtobuf(body: Buffer): { spec: Record<string, unknown> } {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new Error('missing the "k8s\\0" protobuf prefix')
  const raw = fieldsOf(body.subarray(4)).get(2)
  if (raw === undefined) throw new Error('runtime.Unknown has no raw object')
  const spec = fieldsOf(raw).get(2) ?? Buffer.alloc(0)
  const specFields = fieldsOf(spec)
  const result: Record<string, unknown> = {}
  const resource = specFields.get(1)
  if (resource !== undefined) result.resourceAttributes = stringsOf(resource, RESOURCE_FIELDS)
  const nonResource = specFields.get(2)
  if (nonResource !== undefined) result.nonResourceAttributes = stringsOf(nonResource, NON_RESOURCE_FIELDS)
  return { spec: result }
}

function stringsOf(message: Buffer, names: readonly string[]): Record<string, string> {
  const fields = fieldsOf(message)
  const result: Record<string, string> = {}
  names.forEach((name, index) => {
    const value = fields.get(index + 1)
    if (value !== undefined) result[name] = value.toString('utf8')
  })
  return result
}

/** The length-delimited fields of a message by number (last one wins); varint and fixed fields are skipped. */
function fieldsOf(message: Buffer): Map<number, Buffer> {
  const fields = new Map<number, Buffer>()
  let offset = 0
  const varint = (): number => {
    let result = 0
    let shift = 0
    for (;;) {
      if (offset >= message.length) throw new Error('truncated protobuf varint')
      const byte = message[offset++]!
      result += (byte & 0x7f) * 2 ** shift
      if ((byte & 0x80) === 0) return result
      shift += 7
    }
  }
  while (offset < message.length) {
    const key = varint()
    const wireType = key % 8
    if (wireType === 0) varint()
    else if (wireType === 1) offset += 8
    else if (wireType === 5) offset += 4
    else if (wireType === 2) {
      const length = varint()
      if (offset + length > message.length) throw new Error('truncated protobuf field')
      fields.set(Math.floor(key / 8), message.subarray(offset, offset + length))
      offset += length
    } else throw new Error(`unsupported protobuf wire type ${wireType}`)
  }
  return fields
}
