# syntax=docker/dockerfile:1
# One image for the API, the worker and the CLI:
#   docker run <image> api | worker | cli <command...>
# NODE_IMAGE is the official Node 20 image; the compose test builds this same file on a local
# stand-in for it (no image registry is reachable on our CI machines).
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency (better-sqlite3 compiles here), then the TypeScript build --------------
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
RUN npm run build

# --- prod-deps: the same node_modules without the dev dependencies (nothing compiles twice) --------
FROM build AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# --- runtime: the built output, production dependencies only, a non-root user, tini as PID 1 -------
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=prod-deps /src/package.json ./package.json
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY docker/engine.sh /usr/local/bin/engine
# The embedded store and the local tables (idempotency ledger, timer index) live in /data.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# The API and the worker both answer GET /health on PORT; a one-off CLI run has no health to check.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "dist/scripts/healthcheck.js"]
# tini forwards SIGTERM to node (graceful shutdown) and reaps children.
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/engine"]
CMD ["api"]
