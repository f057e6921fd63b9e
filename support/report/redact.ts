import { REDACTED, SECRET_NAME_PATTERN } from '../policies/redact-env.ts'

/**
 * Deep-copies a value with secrets removed: fields named like secrets, Kubernetes env entries
 * (`{ name, value }`) named like secrets, and every occurrence of a known secret value in any string.
 */
export function redactValue(value: unknown, knownSecrets: readonly string[] = knownSecretValues()): unknown {
  if (typeof value === 'string') return redactText(value, knownSecrets)
  if (Array.isArray(value)) return value.map((item) => redactValue(item, knownSecrets))
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const envEntryName = typeof record.name === 'string' && 'value' in record ? record.name : null
  const copy: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(record)) {
    const secretField =
      (SECRET_NAME_PATTERN.test(key) && typeof field === 'string' && !isHarmlessSecretField(key)) ||
      (key === 'value' && envEntryName !== null && SECRET_NAME_PATTERN.test(envEntryName))
    copy[key] = secretField ? REDACTED : redactValue(field, knownSecrets)
  }
  return copy
}

/** Replaces every occurrence of a known secret value in a text. */
export function redactText(text: string, knownSecrets: readonly string[] = knownSecretValues()): string {
  let result = text
  for (const secret of knownSecrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED)
  }
  return result
}

/**
 * The values of this process's environment variables named like secrets (at least 6 characters long,
 * so that values like "1" do not blank out every digit of a report).
 */
export function knownSecretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_NAME_PATTERN.test(name) && typeof value === 'string' && value.length >= 6)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length)
}

/** Fields that match the pattern by name but carry references, not secrets (e.g. `secretKeyRef`). */
function isHarmlessSecretField(key: string): boolean {
  return /Ref$/.test(key) || key === 'key'
}
