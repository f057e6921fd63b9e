import { registerSecret } from './secret-registry.ts'

/**
 * A URL as it may be shown: without its userinfo (`https://user:pass@host` → `https://host`). A text that is not a
 * URL is returned unchanged.
 */
export function withoutUserinfo(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (parsed.username === '' && parsed.password === '') return url
  parsed.username = ''
  parsed.password = ''
  // @note `URL` adds a "/" to a bare origin; keep the operator's spelling otherwise.
  return url.endsWith('/') || parsed.pathname !== '/' ? parsed.toString() : parsed.toString().replace(/\/$/, '')
}

/** Registers a URL's userinfo as secrets: the user, the password, `user:password`, encoded and decoded. */
export function registerUrlUserinfo(url: string | null | undefined): void {
  if (!url) return
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return
  }
  for (const part of [parsed.password, `${parsed.username}:${parsed.password}`]) {
    if (parsed.password === '') break
    registerSecret(part)
    registerSecret(safeDecode(part))
  }
  if (parsed.username !== '' && parsed.password === '') registerSecret(safeDecode(parsed.username))
}

/**
 * Registers a notification URL (a webhook) as a secret: the whole URL, its userinfo, and the path and query that
 * carry its token (`https://hooks.example.com/services/T0/B0/XYZ`). For the `--notify` flag.
 */
export function registerNotifyUrl(url: string): void {
  registerSecret(url)
  registerUrlUserinfo(url)
  try {
    const parsed = new URL(url)
    registerSecret(`${parsed.pathname}${parsed.search}`)
    // @note long segments only: a token, not a word like "services".
    for (const segment of parsed.pathname.split('/')) if (segment.length >= 12) registerSecret(safeDecode(segment))
    for (const value of parsed.searchParams.values()) registerSecret(value)
  } catch {}
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
