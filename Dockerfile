# Slotline container: Node 24 runs the TypeScript sources directly (type stripping); no build step.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The container always uses an external PostgreSQL, so the embedded server's binaries stay out.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts

FROM node:24-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/.data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY bots ./bots
COPY migrations ./migrations
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# DATABASE_URL is required here: the embedded server is for local development only.
CMD ["sh", "-c", ": \"${DATABASE_URL:?DATABASE_URL is required in the container}\" && exec node src/main.ts"]
