import type { ServiceDeps } from '../services/deps.js'

/** What commands get from the composition root: services are opened lazily, only by commands that need the store. */
export interface CliContext {
  open(): Promise<ServiceDeps>
  close(): Promise<void>
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
