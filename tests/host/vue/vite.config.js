// The Vue host's build, as tests/host/react/vite.config.js: dist/ served under
// /vue/ by tests/e2e/serve.mjs (host-apps.mjs).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  base: '/vue/',
  // Vue must not try to resolve the two tags as Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('custom-model') } } })],
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
