# One multi-stage recipe for every image of the platform:
#   docker build --build-arg SERVICE=registry -t fupin/registry .     (any services/<name>)
#   docker build --build-arg SERVICE=console  -t fupin/console .      (the console)
#   docker build --build-arg SERVICE=backup   -t fupin/backup .       (backup and restore, packages/backup)
# Stage "build" installs everything and bundles the entry points with esbuild
# (scripts/build.mjs: our workspace packages inlined, third-party packages external); stage
# "deps" installs only the production dependencies of that one workspace; the runtime image
# holds those, the bundle and nothing else, and runs as the unprivileged `node` user (uid 1000).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG SERVICE
WORKDIR /app
COPY . .
RUN test -n "$SERVICE" || { echo "--build-arg SERVICE=<service name or console> is required" >&2; exit 1; }
RUN npm ci --no-audit --no-fund
# /out is the image's /app: service/dist/{main,worker}.js (+ openapi/), or the console's
# server bundle and the files Vite built.
RUN set -eu; \
  if [ "$SERVICE" = console ]; then \
    npm run build --workspace console; \
    node scripts/build.mjs console; \
    mkdir -p /out/service /out/console; \
    cp -r console/server/dist /out/service/dist; \
    cp -r console/dist /out/console/dist; \
  elif [ "$SERVICE" = backup ]; then \
    node scripts/build.mjs backup; \
    mkdir -p /out/service; \
    cp -r packages/backup/dist /out/service/dist; \
  else \
    test -f "services/$SERVICE/src/main.ts" || { echo "services/$SERVICE/src/main.ts not found" >&2; exit 1; }; \
    node scripts/build.mjs "$SERVICE"; \
    mkdir -p /out/service; \
    cp -r "services/$SERVICE/dist" /out/service/dist; \
  fi
# Every workspace's package.json, so `npm ci` in the next stage sees the lockfile's workspaces.
RUN mkdir -p /manifests && for f in package.json package-lock.json */package.json */*/package.json; do \
    case "$f" in node_modules/*|*/node_modules/*) continue;; esac; \
    mkdir -p "/manifests/$(dirname "$f")" && cp "$f" "/manifests/$f"; \
  done

FROM ${NODE_IMAGE} AS deps
ARG SERVICE
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /manifests/ ./
# The console's server uses Node's standard library only; a service gets its production
# dependencies (those of the kit it bundles included). Nested copies npm keeps for version
# conflicts live in services/<name>/node_modules and move next to the bundle.
RUN set -eu; \
  if [ "$SERVICE" = console ]; then mkdir -p node_modules service-modules; \
  else \
    ws="services/$SERVICE"; if [ "$SERVICE" = backup ]; then ws=packages/backup; fi; \
    npm ci --omit=dev --no-audit --no-fund --workspace "$ws"; \
    mkdir -p "$ws/node_modules"; mv "$ws/node_modules" service-modules; \
  fi; \
  rm -rf node_modules/.cache

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
# The CJK font PDF notices and bulletins embed (see packages/kit/src/documents/pdf.ts).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-wqy-microhei \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  FUPIN_IMAGE=${SERVICE}
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/service-modules ./service/node_modules
COPY --from=build /out/ ./
USER node
# Each service's port comes from PORT (see its package.json "fupin.port"); the console's is 8080.
EXPOSE 4100-4106 8080
# Workers of a service with src/worker.ts run the same image: `node service/dist/worker.js`.
CMD ["node", "--enable-source-maps", "service/dist/main.js"]
