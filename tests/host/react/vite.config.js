// The React host's build. One app, two ways: `vite build` into dist/ (served
// under /react/ by tests/e2e/serve.mjs) and Vite's dev server in middleware
// mode under /react-dev/ (tests/e2e/host-apps.mjs starts it with that base).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/react/',
  plugins: [react()],
  // Pre-bundling would move the package's module away from its .wasm files,
  // which it finds beside itself (new URL(…, import.meta.url)).
  // The rest is pre-bundled up front, so the dev server never reloads the page
  // on discovering a dependency in the middle of a test.
  optimizeDeps: {
    exclude: ['custom-models-console'],
    include: ['react', 'react/jsx-dev-runtime', 'react-dom/client', 'react-router'],
  },
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
