import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { ResolvedConfig } from '../../support/config/resolve-config.ts'
import type { RunTarget } from '../../support/verdict/readiness-report.ts'
import type { FloorRequest } from '../../support/run/floor.ts'
import type { KubeReaderOptions } from '../../support/kube/kube-reader.ts'
import type { RunContext } from '../../support/context/run-context.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Every TypeScript source of the harness (support/ and specs/), tests excluded. */
function sources(): string[] {
  return ['support', 'specs'].flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => path.join(folder, file)),
  )
}

/** A property declared with a type (`namespace: string`, `readonly namespace?: …`), not a value or a parameter. */
const NAMESPACE_DECLARATION = /^\s*(?:readonly\s+)?namespace\??:\s*[A-Za-z][^,]*$/

describe('--namespace: one config type and one context type (issue 15)', () => {
  it('is declared in exactly one place, ResolvedConfig; every other type picks it from there', () => {
    const declared = sources().flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (NAMESPACE_DECLARATION.test(line) ? [`${file}:${index + 1}`] : [])),
    )
    // @note the other two are the namespace of a Kubernetes object as the API server returned it, not the run's.
    expect(declared.map((place) => place.replace(/:\d+$/, '')).sort()).toEqual([
      'support/kube/track-object-versions.ts',
      'support/config/resolve-config.ts',
      'support/posture/workload.ts',
    ].sort())
  })

  it('has the config’s type in the context and in every type derived from them', () => {
    expectTypeOf<RunContext['namespace']>().toEqualTypeOf<ResolvedConfig['namespace']>()
    expectTypeOf<FloorRequest['namespace']>().toEqualTypeOf<ResolvedConfig['namespace']>()
    expectTypeOf<KubeReaderOptions['namespace']>().toEqualTypeOf<ResolvedConfig['namespace']>()
    expectTypeOf<RunTarget['namespace']>().toEqualTypeOf<ResolvedConfig['namespace']>()
  })
})
