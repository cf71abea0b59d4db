# One image for api, worker and the migrate job (docker-compose.yml picks the command).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Arkivverket's Noark 5 schemas go into every deposit package.
COPY --from=build /app/libs/archive/schemas ./libs/archive/schemas
COPY package.json ./
USER node
CMD ["node", "dist/apps/api/src/main.js"]
