import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [reactRouter()],
  resolve: { tsconfigPaths: true },
  // The manifest stays in build/client/.vite: the server reads where each language's dictionary chunk is
  // (app/i18n/chunks.server.ts) to preload the page's own.
  build: { target: 'es2022', manifest: true },
})
