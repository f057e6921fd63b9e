import { describe, expect, it } from 'vitest'
import { applyJsonPatch, JsonPatchError } from './json-patch.ts'

const DOC = { metadata: { resourceVersion: '7', labels: { 'a/b': 'x' } }, data: { A: '1' }, list: [1, 2] }

describe('applyJsonPatch (RFC 6902)', () => {
  it.each([
    [[{ op: 'replace', path: '/data/A', value: '0' }], { data: { A: '0' } }],
    [[{ op: 'add', path: '/data/B', value: '2' }], { data: { A: '1', B: '2' } }],
    [[{ op: 'remove', path: '/data/A' }], { data: {} }],
    [[{ op: 'add', path: '/list/-', value: 3 }], { list: [1, 2, 3] }],
    [[{ op: 'add', path: '/list/0', value: 0 }], { list: [0, 1, 2] }],
    [[{ op: 'remove', path: '/metadata/labels/a~1b' }], { metadata: { resourceVersion: '7', labels: {} } }],
    [[{ op: 'test', path: '/metadata/resourceVersion', value: '7' }, { op: 'replace', path: '/data/A', value: '9' }], { data: { A: '9' } }],
    [[{ op: 'copy', from: '/data/A', path: '/data/C' }], { data: { A: '1', C: '1' } }],
    [[{ op: 'move', from: '/data/A', path: '/data/D' }], { data: { D: '1' } }],
  ])('%#: %j', (operations, expected) => {
    expect(applyJsonPatch(DOC, operations)).toMatchObject(expected)
  })

  it('leaves the input unchanged', () => {
    const input = structuredClone(DOC)
    applyJsonPatch(input, [{ op: 'remove', path: '/data' }])
    expect(input).toEqual(DOC)
  })

  it.each([
    [{ op: 'replace', path: '/data/A' }, 'not an array', 'a JSON patch must be an array of operations'],
    [[{ op: 'test', path: '/metadata/resourceVersion', value: '6' }], '', 'testing value /metadata/resourceVersion failed'],
    [[{ op: 'replace', path: '/data/Z', value: '1' }], '', 'path "/data/Z" does not exist'],
    [[{ op: 'remove', path: 'data' }], '', 'path "data" must start with "/"'],
    [[{ op: 'add', path: '/list/5', value: 1 }], '', 'array index "5" out of range in "/list/5"'],
    [[{ op: 'frobnicate', path: '/a' }], '', 'unknown operation "frobnicate"'],
  ])('%#: rejects with %s', (operations, _note, message) => {
    expect(() => applyJsonPatch(DOC, operations)).toThrow(new JsonPatchError(message))
  })
})
