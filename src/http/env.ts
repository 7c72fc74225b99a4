import type { Viewer } from '../services/accounts.js'

/** Per-request values that middleware sets for handlers. */
export interface AppEnv {
  Variables: {
    viewer: Viewer
    csrfToken: string
  }
}
