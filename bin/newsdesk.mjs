#!/usr/bin/env node
// Entry point of the `newsdesk` command: runs the TypeScript sources through tsx,
// with the project's tsconfig whatever the working directory (the pages are JSX on hono/jsx).
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
await import('../src/main.ts')
