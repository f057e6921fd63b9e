/**
 * The image pinning rule (AgentTrader's own `build.no_latest_tags`, made strict): what runs must be named by a
 * version tag or a digest, so the evaluated floor is the floor that trades and a rollback has a target.
 */

/** Why an image reference is not pinned; a stable vocabulary. */
export type UnpinnedReason = 'missing' | 'latest' | 'untagged' | 'placeholder' | 'invalid-tag' | 'invalid-digest'

/** The judgement of one image reference. */
export type ImagePinning =
  | { pinned: true; by: 'tag' | 'digest'; reason: string }
  | { pinned: false; problem: UnpinnedReason; reason: string }

/** Tags that stand for "fill me in" (AgentTrader ships `REPLACE_ME` and `__IMAGE_TAG__`); matched in any case. */
export const PLACEHOLDER_TAG_PATTERNS: readonly RegExp[] = Object.freeze([
  /^__.*__$/,
  /replace/i,
  /^(change_?me|todo|tbd|fixme|placeholder|image_?tag|tag|version|sha|git_?sha)$/i,
])

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const DIGEST = /^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/

/** Splits `registry:5000/path/name:tag@sha256:…` into its name, tag and digest (either may be `null`). */
export function parseImageReference(image: string): { name: string; tag: string | null; digest: string | null } {
  const at = image.indexOf('@')
  const named = at === -1 ? image : image.slice(0, at)
  const digest = at === -1 ? null : image.slice(at + 1)
  const colon = named.lastIndexOf(':')
  // @note a colon before the last slash is a registry port (`host:5000/app`), not a tag.
  if (colon === -1 || colon < named.lastIndexOf('/')) return { name: named, tag: null, digest }
  return { name: named.slice(0, colon), tag: named.slice(colon + 1), digest }
}

/**
 * Judges one image reference: a well-formed digest pins it whatever the tag; otherwise it needs a real version tag.
 * `:latest`, no tag at all, a malformed digest and placeholder tags (`REPLACE_ME`, `__IMAGE_TAG__`) are unpinned.
 * @example judgeImagePinning('bitnami/kubectl:latest').pinned // false
 */
export function judgeImagePinning(image: string | undefined): ImagePinning {
  if (image === undefined || image.trim() === '') return { pinned: false, problem: 'missing', reason: 'no image is set' }
  const shown = JSON.stringify(image)
  const { tag, digest } = parseImageReference(image)
  if (digest !== null) {
    if (DIGEST.test(digest)) return { pinned: true, by: 'digest', reason: `${shown} is pinned by digest` }
    return { pinned: false, problem: 'invalid-digest', reason: `${shown} has digest ${JSON.stringify(digest)}, which is not a sha256/384/512 hex digest (a placeholder?)` }
  }
  if (tag === null || tag === '') {
    return { pinned: false, problem: 'untagged', reason: `${shown} has no tag and no digest, so it pulls whatever :latest is` }
  }
  if (tag.toLowerCase() === 'latest') return { pinned: false, problem: 'latest', reason: `${shown} uses the moving tag "latest"` }
  if (PLACEHOLDER_TAG_PATTERNS.some((pattern) => pattern.test(tag))) {
    return { pinned: false, problem: 'placeholder', reason: `${shown} has the placeholder tag ${JSON.stringify(tag)}, never rendered` }
  }
  if (!TAG.test(tag)) return { pinned: false, problem: 'invalid-tag', reason: `${shown} has tag ${JSON.stringify(tag)}, which is not a valid image tag (an unrendered template?)` }
  return { pinned: true, by: 'tag', reason: `${shown} is pinned to tag ${JSON.stringify(tag)}` }
}
