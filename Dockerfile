# syntax=docker/dockerfile:1
# openbell for in-cluster runs (deploy/cronjob.yaml): `openbell test --env=cluster` as a non-root user on a
# read-only root filesystem. Build and push, then set the tag in deploy/kustomization.yaml:
#   docker build -t REGISTRY/openbell:$(node -p "require('./package.json').version") .
# The base image is pinned to an exact Node.js release; update it together with .github/workflows.
FROM node:20.20.2-bookworm-slim

ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

WORKDIR /app

# @note vitest and tsx are runtime dependencies of openbell (it runs TypeScript specs in vitest), so
# `npm ci --omit=dev` keeps them and drops only typescript and @types/node.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit && npm cache clean --force

COPY bin ./bin
COPY support ./support
COPY specs ./specs
COPY emulators ./emulators
COPY fixtures ./fixtures
COPY tsconfig.json vitest.config.ts ./

# The `node` user (uid 1000) of the official image; the CronJob runs as the same uid and mounts /reports and /tmp.
USER node
ENV HOME=/tmp
ENTRYPOINT ["node", "/app/bin/openbell.js"]
CMD ["test", "--env=cluster", "--reports=/reports"]
