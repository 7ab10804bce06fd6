// Builds the console and serves the build (`vite preview`) the way `npm start` and the browser tests
// use it: the four services' APIs under the paths the Kubernetes ingress routes (the prefix stripped
// on the way), the development token issuer under /dev-issuer and, in development only, the demo
// district's personas for the sign-in picker. Targets come from the environment `npm start` sets.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const setting = (name: string, fallback: string): string => process.env[name] || fallback;

/** Where each API prefix goes; the defaults are the local ports of `npm start`. */
const upstreams: Record<string, string> = {
  '/api/requests': setting('CONSOLE_REQUESTS_URL', 'http://127.0.0.1:3001'),
  '/api/dispatch': setting('CONSOLE_DISPATCH_URL', 'http://127.0.0.1:3002'),
  '/api/volunteer-hours': setting('CONSOLE_VOLUNTEER_HOURS_URL', 'http://127.0.0.1:3003'),
  '/api/notifications': setting('CONSOLE_NOTIFICATIONS_URL', 'http://127.0.0.1:3004'),
  '/dev-issuer': setting('CONSOLE_DEV_ISSUER_URL', 'http://127.0.0.1:4400'),
};

const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  Object.entries(upstreams).map(([prefix, target]) => [
    prefix,
    { target, changeOrigin: true, rewrite: (path: string) => path.slice(prefix.length) || '/' },
  ]),
);

/** Serves the persona file `npm start` writes at /dev/personas.json; without it the picker stays hidden. */
function devPersonas(): Plugin {
  const file = process.env.CONSOLE_DEV_PERSONAS_FILE;
  const serve = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (request.url !== '/dev/personas.json' || !file || !existsSync(file)) return next();
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.end(readFileSync(file));
  };
  return {
    name: 'console-dev-personas',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

export default defineConfig({
  root: consoleRoot,
  plugins: [vue(), devPersonas()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/services/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { host: '127.0.0.1', port: 3000, proxy },
  preview: { host: '127.0.0.1', port: 3000, strictPort: true, proxy },
});
