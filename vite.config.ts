import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

// The three "`envFile` option is deprecated" lines a build or typegen prints are not from this config: @react-router/dev
// 7.x (7.18.7 too) passes envFile: false to its own internal Vite servers; React Router 8 passes envDir: false.
export default defineConfig({
  plugins: [reactRouter()],
  resolve: { tsconfigPaths: true },
  // The manifest stays in build/client/.vite: the server reads where each language's dictionary chunk is
  // (app/i18n/chunks.server.ts) to preload the page's own.
  build: { target: 'es2022', manifest: true },
})
