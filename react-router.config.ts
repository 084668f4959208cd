import type { Config } from '@react-router/dev/config'

export default {
  ssr: true,
  // React Router 8 behaviour today, so the move to v8 (Node 22) is a version bump.
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_trailingSlashAwareDataRequests: true,
    v8_passThroughRequests: true,
  },
} satisfies Config
