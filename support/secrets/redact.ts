import { REDACTED, SECRET_NAME_PATTERN } from './redact-env.ts'
import { echoedForms } from './echoed-forms.ts'
import { secretRegistry, type SecretRegistry } from './secret-registry.ts'
import { escapeControls } from './escape-controls.ts'

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

/**
 * Replaces every occurrence of a known secret value in a text, then what is a credential by its shape wherever it
 * appears: the token of an `Authorization: Bearer`/`Basic` value, the userinfo of a URL, a PEM private key block.
 */
export function redactText(text: string, knownSecrets: readonly string[] = knownSecretValues()): string {
  let result = text
  for (const secret of knownSecrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED)
  }
  return result
    // @note a token has a digit somewhere; prose ("Bearer authentication") is left alone.
    .replace(/\b(Bearer|Basic)(\s+)(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${REDACTED}`)
    // @note `user:password@` only: `docker-pullable://nginx@sha256:…` names an image, not a credential.
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>:]*:[^\s/?#@"'<>]*@/gi, `$1${REDACTED}@`)
    .replace(/-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g, REDACTED)
}

/**
 * Every secret this process knows, with its echoed forms (JSON-, XML- and URL-escaped, base64), longest first: the
 * values of environment variables named like secrets (at least 6 characters long, so that values like "1" do not
 * blank out every digit of a report) and everything registered with the secret registry (kubeconfig credentials,
 * exec plugin output, URL userinfo, notify URLs).
 */
export function knownSecretValues(env: NodeJS.ProcessEnv = process.env, registry: SecretRegistry | null = secretRegistry): string[] {
  const fromEnv = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME_PATTERN.test(name) && typeof value === 'string' && value.length >= 6)
    .flatMap(([, value]) => echoedForms(value as string))
    .filter((form) => form.length >= 6)
  const registered = registry?.forms() ?? []
  return [...new Set([...fromEnv, ...registered])].sort((a, b) => b.length - a.length)
}

/** Fields that match the pattern by name but carry references, not secrets (e.g. `secretKeyRef`). */
function isHarmlessSecretField(key: string): boolean {
  return /Ref$/.test(key) || key === 'key'
}

/**
 * Wraps a writer so every text it prints is scrubbed of known secrets and of credentials by their shape, and shows
 * control and bidi characters escaped (line breaks and tabs kept): what reaches a terminal or a CI log is a report too.
 */
export function screenOutput(write: (text: string) => void): (text: string) => void {
  return (text) => write(escapeControls(redactText(text), '\n\t'))
}
