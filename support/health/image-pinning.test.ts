import { describe, expect, it } from 'vitest'
import { judgeImagePinning, parseImageReference } from './image-pinning.ts'

const DIGEST = `sha256:${'a1'.repeat(32)}`

describe('parseImageReference', () => {
  it.each([
    { image: 'nginx', name: 'nginx', tag: null, digest: null },
    { image: 'bitnami/kubectl:1.29.0', name: 'bitnami/kubectl', tag: '1.29.0', digest: null },
    { image: 'localhost:5000/app', name: 'localhost:5000/app', tag: null, digest: null },
    { image: 'localhost:5000/app:v2', name: 'localhost:5000/app', tag: 'v2', digest: null },
    { image: `ghcr.io/o/app:1.0@${DIGEST}`, name: 'ghcr.io/o/app', tag: '1.0', digest: DIGEST },
    { image: 'ghcr.io/o/app@sha256:REPLACE_ME', name: 'ghcr.io/o/app', tag: null, digest: 'sha256:REPLACE_ME' },
  ])('$image', ({ image, ...parts }) => {
    expect(parseImageReference(image)).toEqual(parts)
  })
})

describe('judgeImagePinning', () => {
  it.each([
    { image: 'us-docker.pkg.dev/agenttrader/v2/marketdata-mcp-server:54afffe', pinned: true, by: 'tag' },
    { image: 'bitnami/kubectl:1.29.0', pinned: true, by: 'tag' },
    { image: 'curlimages/curl:8.5.0', pinned: true, by: 'tag' },
    { image: `ghcr.io/richkingsasu/agenttrader-ops-ui@${DIGEST}`, pinned: true, by: 'digest' },
    { image: `app:latest@${DIGEST}`, pinned: true, by: 'digest' },
    { image: 'localhost:5000/app:v2', pinned: true, by: 'tag' },
    { image: 'curlimages/curl:latest', pinned: false, problem: 'latest' },
    { image: 'app:LATEST', pinned: false, problem: 'latest' },
    { image: 'bitnami/kubectl', pinned: false, problem: 'untagged' },
    { image: 'localhost:5000/app', pinned: false, problem: 'untagged' },
    { image: 'app:', pinned: false, problem: 'untagged' },
    { image: 'execution-agent:REPLACE_ME', pinned: false, problem: 'placeholder' },
    { image: 'mission-control:REPLACE_ME', pinned: false, problem: 'placeholder' },
    { image: 'strategy-runtime:__IMAGE_TAG__', pinned: false, problem: 'placeholder' },
    { image: 'app:changeme', pinned: false, problem: 'placeholder' },
    { image: 'app:TODO', pinned: false, problem: 'placeholder' },
    { image: 'ghcr.io/richkingsasu/agenttrader-ops-ui@sha256:REPLACE_ME', pinned: false, problem: 'invalid-digest' },
    { image: 'app@sha256:abc', pinned: false, problem: 'invalid-digest' },
    { image: 'app:${IMAGE_TAG}', pinned: false, problem: 'invalid-tag' },
    { image: 'app:{{ .Values.tag }}', pinned: false, problem: 'invalid-tag' },
    { image: '', pinned: false, problem: 'missing' },
    { image: undefined, pinned: false, problem: 'missing' },
  ])('$image → pinned=$pinned', ({ image, pinned, ...how }) => {
    expect(judgeImagePinning(image)).toMatchObject({ pinned, ...how })
  })

  it.each([
    { image: 'curlimages/curl:latest', reason: '"curlimages/curl:latest" uses the moving tag "latest"' },
    { image: 'bitnami/kubectl', reason: '"bitnami/kubectl" has no tag and no digest, so it pulls whatever :latest is' },
    { image: 'execution-agent:REPLACE_ME', reason: '"execution-agent:REPLACE_ME" has the placeholder tag "REPLACE_ME", never rendered' },
  ])('says why $image is not pinned', ({ image, reason }) => {
    expect(judgeImagePinning(image).reason).toBe(reason)
  })
})
