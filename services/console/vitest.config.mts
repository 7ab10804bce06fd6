// Unit tests of the console's logic (session, idempotent submit, live stream, countdown, problem
// messages) in happy-dom: Vitest runs Vite's own transforms, so .vue files need no extra setup.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
  },
});
