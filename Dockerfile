# One multi-stage image definition for every service: `docker build --build-arg SERVICE=dispatch .`
# Stages: full dependencies → compile the service with the libraries it uses → production
# dependencies only → a small non-root runtime.
ARG NODE_IMAGE=node:20.19-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ARG SERVICE
COPY tsconfig.base.json nx.json ./
COPY libs libs
COPY tools tools
COPY services/${SERVICE} services/${SERVICE}
RUN npx tsc -p services/${SERVICE}/tsconfig.app.json \
 && npx tsc-alias -p services/${SERVICE}/tsconfig.app.json

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/dist/services/${SERVICE} dist
RUN ln -s /app/dist/services/${SERVICE}/src/main.js /app/main.js
USER node
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "/app/main.js"]
