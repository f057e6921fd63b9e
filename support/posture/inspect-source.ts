import type { EnvSource } from './resolve-container-env.ts'

/** What can be said about one variable without reading any Secret; `label` is short (`Secret`), `why` a phrase. */
export type SourceInspection =
  | { state: 'value'; value: string }
  | { state: 'hidden'; label: string; why: string }

/** The value of a variable's source when it is a literal or comes from a ConfigMap, otherwise why it is not inspected. */
export function inspectSource(source: EnvSource): SourceInspection {
  switch (source.source) {
    case 'literal':
    case 'configMap':
      return { state: 'value', value: source.value }
    case 'secret':
      return { state: 'hidden', label: 'Secret', why: `comes from Secret ${source.name} key ${source.key}` }
    case 'field':
      return { state: 'hidden', label: 'fieldRef', why: `comes from fieldRef ${source.fieldPath}` }
    case 'resourceField':
      return { state: 'hidden', label: 'resourceFieldRef', why: `comes from resourceFieldRef ${source.resource}` }
    case 'file':
      return { state: 'hidden', label: 'fileKeyRef', why: `comes from fileKeyRef ${source.volumeName}:${source.path}` }
    case 'unresolvable':
      return { state: 'hidden', label: 'unresolvable', why: `cannot be resolved: ${source.reason}` }
    case 'malformed':
      return { state: 'hidden', label: 'malformed', why: `is not shaped as Kubernetes defines it: ${source.reason}` }
  }
}
