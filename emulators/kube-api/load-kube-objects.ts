import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { UsageError } from '../../support/errors.ts'
import { PROJECT_ROOT } from '../../support/project-paths.ts'
import { describeKubeObject, fillKubeDefaults } from './internal/fill-kube-defaults.ts'
import { linkObjectReferences } from './internal/link-object-references.ts'
import { validateKubeObject } from './internal/validate-kube-object.ts'
import { openYamlDocumentsCache, type YamlDocumentsCache } from './internal/yaml-documents-cache.ts'
import type { KubeObject } from './kube-object.ts'
import { renderRelativeTimes } from './render-relative-times.ts'

/** The healthy trading floor: `fixtures/floor/kube/`. */
export const FLOOR_KUBE_FIXTURE_DIR = join(PROJECT_ROOT, 'fixtures/floor/kube/')

/** How {@link loadKubeObjects} renders fixtures. */
export interface LoadKubeObjectsOptions {
  /** The clock `{{now-2h}}` placeholders are rendered against. @default new Date() */
  now?: Date
}

/**
 * Reads every `*.yaml`/`*.yml` file of a folder (sorted by file name; multi-document; `kind: List` flattened),
 * renders `{{now…}}` placeholders, validates each object and fills server defaults
 * (namespace `trading-floor`, uid, resourceVersion, creationTimestamp, generation, ownerReference and involvedObject uids).
 * @throws UsageError naming the file and document for unreadable YAML, a malformed object, a kind not served, or a duplicate.
 */
export async function loadKubeObjects(directory: string, options: LoadKubeObjectsOptions = {}): Promise<KubeObject[]> {
  const now = options.now ?? new Date()
  let names: string[]
  try {
    names = (await readdir(directory)).filter((name) => /\.ya?ml$/.test(name)).sort()
  } catch (error) {
    throw new UsageError(`cannot read the kube fixture folder ${directory}: ${(error as Error).message}. Pass a folder of *.yaml files.`)
  }
  let version = 0
  const objects: KubeObject[] = []
  const seen = new Map<string, string>()
  const cache = openYamlDocumentsCache()
  for (const name of names) {
    const file = join(directory, name)
    const text = await readFile(file, 'utf8')
    for (const [index, value] of (cache.read(text) ?? parseDocuments(text, file, cache)).entries()) {
      const source = `${file} document ${index + 1}`
      for (const raw of flattenList(value)) {
        const object = fillKubeDefaults(validateKubeObject(renderRelativeTimes(raw, now), source), {
          now,
          nextResourceVersion: () => String(++version),
          source,
        })
        const identity = describeKubeObject(object)
        const earlier = seen.get(identity)
        if (earlier !== undefined) {
          throw new UsageError(`${source} defines ${identity} again (first in ${earlier}). Keep one of them.`)
        }
        seen.set(identity, source)
        objects.push(object)
      }
    }
  }
  return linkObjectReferences(objects)
}

/** The documents of a YAML text as plain values, kept in the cache; unreadable YAML is a `UsageError` naming the document. */
function parseDocuments(text: string, file: string, cache: YamlDocumentsCache): unknown[] {
  const documents = parseAllDocuments(text)
  const values = (Array.isArray(documents) ? documents : [documents]).map((document, index) => {
    if (document.errors.length > 0) {
      throw new UsageError(`${file} document ${index + 1} is not valid YAML: ${document.errors[0]!.message}. Fix the YAML syntax.`)
    }
    return document.toJS() as unknown
  })
  cache.write(text, values)
  return values
}

function flattenList(value: unknown): unknown[] {
  if (value === null || value === undefined) return []
  const list = value as { kind?: unknown; items?: unknown }
  if (list.kind === 'List' && Array.isArray(list.items)) return list.items
  return [value]
}
