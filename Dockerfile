# One multi-stage image recipe for every service: `docker build --build-arg SERVICE=registry .`
# Stage 1 installs everything and bundles the service (our workspace packages inlined);
# stage 2 keeps only the service's production dependencies and its bundle.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && node scripts/build.mjs

FROM node:20-bookworm-slim AS runtime
ARG SERVICE
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/packages ./packages
COPY --from=build /app/services/${SERVICE}/package.json ./services/${SERVICE}/package.json
RUN npm ci --omit=dev --no-audit --no-fund --workspace services/${SERVICE} \
  && rm -rf packages/*/src packages/*/test
COPY --from=build /app/services/${SERVICE}/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/main.js"]
