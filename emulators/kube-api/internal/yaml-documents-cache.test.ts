import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openYamlDocumentsCache } from './yaml-documents-cache.ts'

describe('the cache of parsed YAML documents', () => {
  let dir: string
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-yaml-cache-')), 'yaml')
  })
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }))

  it('gives back what was kept for the same text, and nothing for another text', () => {
    const cache = openYamlDocumentsCache(dir)
    const documents = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { n: '1' } }, null]
    expect(cache.read('kind: ConfigMap')).toBeNull()
    cache.write('kind: ConfigMap', documents)
    expect(openYamlDocumentsCache(dir).read('kind: ConfigMap')).toEqual(documents)
    expect(openYamlDocumentsCache(dir).read('kind: ConfigMap ')).toBeNull()
  })

  it('keeps nothing JSON cannot hold exactly (.nan, .inf)', () => {
    const cache = openYamlDocumentsCache(dir)
    cache.write('a: .nan', [{ a: Number.NaN }])
    cache.write('a: .inf', [{ a: Number.POSITIVE_INFINITY }])
    expect(cache.read('a: .nan')).toBeNull()
    expect(cache.read('a: .inf')).toBeNull()
  })

  it('treats an unreadable entry as a miss, and a folder it cannot write as no cache', () => {
    const cache = openYamlDocumentsCache(dir)
    cache.write('a: 1', [{ a: 1 }])
    const [entry] = readdirSync(dir)
    writeFileSync(path.join(dir, entry!), '{"not": "a list"}')
    expect(cache.read('a: 1')).toBeNull()
    const blocked = path.join(path.dirname(dir), 'file')
    writeFileSync(blocked, '')
    const unwritable = openYamlDocumentsCache(path.join(blocked, 'yaml'))
    unwritable.write('a: 1', [{ a: 1 }])
    expect(unwritable.read('a: 1')).toBeNull()
  })
})
