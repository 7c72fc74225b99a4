import { spawn } from 'node:child_process'

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `newsdesk <args>` from the project folder with its data in `dataDir`,
 * feeding `stdin` if given. LOG_LEVEL is `warn` unless `env` says otherwise
 * (undefined removes a variable).
 */
export function runNewsdesk(args: string[], dataDir: string, stdin?: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEWSDESK_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name]
    else childEnv[name] = value
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/newsdesk.mjs', ...args], { env: childEnv })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin ?? '')
  })
}
