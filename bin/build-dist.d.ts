/** Types of `bin/build-dist.js` (plain JavaScript: it runs before anything is compiled). */
export interface Build {
  dist: string
  tsconfig: string
  sourceDirs: string[]
  configs: string[]
  stamp: string
  /** Package name → file under dist/vendor/ it is bundled into. @default none */
  vendored?: Readonly<Record<string, string>>
}
export declare const BUILD: Readonly<Build>
export declare function sourceFingerprint(build?: Build): string
export declare function isBuildStale(build?: Build): boolean
export declare function buildDist(log?: (line: string) => void, build?: Build, reason?: string): void
export declare function ensureBuilt(build?: Build): void
/** The names compiled files import from `name` when every mention of it is a named import or re-export; `null` otherwise (bundle it whole). */
export declare function namedImportsOf(name: string, compiled: readonly { text: string }[]): string[] | null
