# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the full dependency set.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
# The explorer (served at /explore) is built against the committed schema.
COPY schema.graphql ./
COPY explorer ./explorer
RUN npm run build

# Production dependencies only.
FROM node:20.20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Final image: compiled code, seeds and production dependencies; runs as a non-root user.
FROM node:20.20-bookworm-slim
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
# DATABASE_URL must point at PostgreSQL 14 or newer; the server applies pending
# migrations (and seeds an empty database) before it starts serving.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "if [ -z \"$DATABASE_URL\" ]; then echo 'briefgraph: set DATABASE_URL to a PostgreSQL 14+ URL (the image does not run an embedded database)' >&2; exit 1; fi; node dist/src/cli/migrate.js && exec node dist/src/main.js"]
