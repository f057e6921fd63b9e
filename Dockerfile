# syntax=docker/dockerfile:1
# openbell for in-cluster runs (deploy/cronjob.yaml): `openbell test --env=cluster` as a non-root user on a
# read-only root filesystem (the pod mounts emptyDirs on /tmp and /reports). Build and push, then set the tag in
# deploy/kustomization.yaml:
#   docker build --build-arg GIT_COMMIT="$(git rev-parse HEAD)" \
#     -t REGISTRY/openbell:$(node -p "require('./package.json').version") .
#   docker run --rm REGISTRY/openbell:VERSION --version
#
# The base is the current Node.js LTS, pinned by version and by digest (the multi-platform index); Dependabot
# (.github/dependabot.yml, docker) proposes the next one. Both stages use the same base; tests/operations/dockerfile.test.ts
# keeps them equal. Check a digest with `docker buildx imagetools inspect node:24.12.0-bookworm-slim`.

# Stage 1: the compiled JavaScript (dist/) and the cluster-mode runtime dependencies only.
FROM node:24.12.0-bookworm-slim@sha256:7326fb2dbdce998edd72140946851be64ef4a643e8715e138ca467e8e9d92c99 AS dependencies
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY support ./support
COPY specs ./specs
COPY emulators ./emulators
# @note `npm ci` runs the root's `prepare` (tsc to dist/; no dependency's install script runs), then the dev dependencies
# (the compiler, tsx, the emulators' own packages, the property-test library) are pruned. vitest is a runtime
# dependency: openbell runs its compiled specs in vitest. msw lists typescript, and vite tsx and esbuild, as optional
# peers, so npm keeps them even with --omit=dev; nothing loads them at run time (dist/ is JavaScript): 270 MB → 228 MB.
RUN npm ci --no-audit && npm prune --omit=dev --no-audit && npm cache clean --force \
    && rm -rf node_modules/typescript node_modules/@typescript node_modules/tsx node_modules/esbuild node_modules/@esbuild node_modules/get-tsconfig node_modules/resolve-pkg-maps

# Stage 2: what runs. No npm, no build cache, no TypeScript sources, no write access to /app for the runtime user.
FROM node:24.12.0-bookworm-slim@sha256:7326fb2dbdce998edd72140946851be64ef4a643e8715e138ca467e8e9d92c99 AS runtime
ARG GIT_COMMIT=""
ENV NODE_ENV=production \
    HOME=/tmp \
    OPENBELL_GIT_COMMIT=${GIT_COMMIT}
# @note openbell runs `node` only: npm, npx and corepack are attack surface in a pod that holds cluster credentials.
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=dependencies /app/dist ./dist
COPY package.json ./
# @note bin/openbell.js starts dist/; without tsconfig.build.json it runs dist/ as built and never compiles.
COPY bin/openbell.js bin/build-dist.js ./bin/
COPY fixtures ./fixtures
# @note the scenarios' YAML: every command checks `--scenario` against their folder names.
COPY emulators/scenarios ./emulators/scenarios

# The `node` user (uid 1000) of the official image; the CronJob runs as the same uid. /app stays owned by root.
USER node
ENTRYPOINT ["node", "/app/bin/openbell.js"]
CMD ["test", "--env=cluster", "--reports=/reports"]
