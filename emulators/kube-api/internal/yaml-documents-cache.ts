import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { CACHE_DIR } from '../../../support/project-paths.ts'

/**
 * Where parsed fixture files are kept (`node_modules/.cache/openbell/yaml`, beside the Firestore emulator's class-data
 * archive; `npm ci` removes both).
 */
export const YAML_DOCUMENTS_CACHE_DIR = path.join(CACHE_DIR, 'yaml')

/** The `yaml` library's version: a new parser may read the same text otherwise, so it is part of the key. */
const YAML_VERSION = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version

/**
 * A cache of the documents a YAML text parses to, keyed by the text's SHA-256 and the parser's version.
 * @note why: the `yaml` library parses the floor's 76 KB of fixtures in ~0.5 s of CPU on a cold process (its code is
 * not yet compiled by V8), on the runner's main thread while the Firestore emulator starts and the spec worker loads;
 * the same documents as JSON take ~1 ms. The fixtures stay YAML; only what they parse to is kept.
 */
export interface YamlDocumentsCache {
  /** The documents of `text` when cached, else `null`. */
  read(text: string): unknown[] | null
  /** Keeps the documents of `text`, only when JSON holds them exactly (no `.nan`, `.inf`, `undefined`); never throws. */
  write(text: string, documents: readonly unknown[]): void
}

/** The cache under `dir`; a folder that cannot be read or written makes every read a miss and every write a no-op. */
export function openYamlDocumentsCache(dir = YAML_DOCUMENTS_CACHE_DIR): YamlDocumentsCache {
  const fileOf = (text: string) => path.join(dir, `${createHash('sha256').update(`yaml ${YAML_VERSION}\n`).update(text).digest('hex')}.json`)
  return {
    read(text) {
      try {
        const documents = JSON.parse(readFileSync(fileOf(text), 'utf8')) as unknown
        return Array.isArray(documents) ? documents : null
      } catch {
        return null
      }
    },
    write(text, documents) {
      const json = JSON.stringify(documents)
      if (json === undefined || !isDeepStrictEqual(JSON.parse(json), documents)) return
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 })
        // @note written whole, then renamed: a parallel run reading the same key never sees half a file.
        const partial = `${fileOf(text)}.${process.pid}.partial`
        writeFileSync(partial, json, { mode: 0o600 })
        renameSync(partial, fileOf(text))
      } catch {
        // @note the cache only saves time: a read-only node_modules parses the YAML every time.
      }
    },
  }
}
