# Leitbild as a container: the production build served by plain Node (scripts/serve.js).
# Run N of these behind a reverse proxy on one PostgreSQL (see README, "Beyond one machine"):
#   docker build -t leitbild .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e AUTH_SECRET=… -e ORIGIN=https://leitbild.example.org leitbild
# Without DATABASE_URL the container runs its own embedded PostgreSQL in the /data volume (one instance only).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx paraglide-js compile --project ./project.inlang --outdir ./src/lib/paraglide --strategy url baseLocale \
	&& npx svelte-kit sync \
	&& npx vite build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
	MALLOC_ARENA_MAX=2 \
	PORT=3000 \
	DATA_DIR=/data \
	DEMO=off
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# What the running server reads: the build, the migrations it applies at start, the server script and
# the files the server loads at run time (fonts of the PDF/DOCX exports live beside their code in src/lib/server).
COPY --from=build /app/build ./build
COPY drizzle ./drizzle
COPY scripts/serve.js scripts/unread-body.js ./scripts/
COPY src/lib/server ./src/lib/server
RUN useradd --system --uid 10001 --home-dir /app leitbild && mkdir -p /data && chown leitbild /data
USER leitbild
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-old-space-size=160", "--max-semi-space-size=8", "scripts/serve.js"]
