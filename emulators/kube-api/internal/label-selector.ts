import { createKubeStatus, KubeStatusError } from './kube-status.ts'

/** One parsed label requirement. */
export type LabelRequirement =
  | { key: string; operator: 'exists' | 'notExists' }
  | { key: string; operator: 'in' | 'notIn'; values: readonly string[] }

/** A parsed label selector: every requirement must hold (an empty list matches everything). */
export type LabelSelector = readonly LabelRequirement[]

const KEY = String.raw`[A-Za-z0-9][A-Za-z0-9._/-]*`
const VALUE = String.raw`[A-Za-z0-9._-]*`
const PATTERNS: ReadonlyArray<[RegExp, (match: RegExpMatchArray) => LabelRequirement]> = [
  [new RegExp(`^!\\s*(${KEY})$`), (m) => ({ key: m[1]!, operator: 'notExists' })],
  [
    new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`),
    (m) => ({ key: m[1]!, operator: m[2] === 'in' ? 'in' : 'notIn', values: splitValues(m[3]!) }),
  ],
  [
    new RegExp(`^(${KEY})\\s*(==|!=|=)\\s*(${VALUE})$`),
    (m) => ({ key: m[1]!, operator: m[2] === '!=' ? 'notIn' : 'in', values: [m[3]!] }),
  ],
  [new RegExp(`^(${KEY})$`), (m) => ({ key: m[1]!, operator: 'exists' })],
]

/**
 * Parses a `labelSelector` query value (`a=b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`).
 * @throws KubeStatusError 400 BadRequest when a requirement does not parse.
 */
export function parseLabelSelector(text: string | null | undefined): LabelSelector {
  if (!text?.trim()) return []
  return splitTopLevel(text).map((raw) => {
    const requirement = raw.trim()
    for (const [pattern, build] of PATTERNS) {
      const match = requirement.match(pattern)
      if (match) return build(match)
    }
    throw new KubeStatusError(
      createKubeStatus('BadRequest', `unable to parse requirement: "${requirement}" in label selector "${text}"`),
    )
  })
}

/** Whether a set of labels satisfies every requirement of the selector. */
export function matchesLabelSelector(selector: LabelSelector, labels: Readonly<Record<string, string>> = {}): boolean {
  return selector.every((requirement) => {
    const has = Object.hasOwn(labels, requirement.key)
    switch (requirement.operator) {
      case 'exists':
        return has
      case 'notExists':
        return !has
      case 'in':
        return has && requirement.values.includes(labels[requirement.key]!)
      case 'notIn':
        return !has || !requirement.values.includes(labels[requirement.key]!)
    }
  })
}

function splitValues(list: string): string[] {
  return list.split(',').map((value) => value.trim())
}

/** Splits on commas that are not inside `( … )`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of text) {
    if (char === '(') depth += 1
    if (char === ')') depth -= 1
    if (char === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else {
      current += char
    }
  }
  parts.push(current)
  return parts
}
