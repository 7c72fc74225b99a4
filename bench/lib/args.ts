/** `--name value` from a benchmark's command line, or the fallback when absent or empty. */
export function option(name: string, fallback: string, args: string[] = process.argv.slice(2)): string {
  const i = args.indexOf(`--${name}`)
  const value = i >= 0 ? args[i + 1] : undefined
  return value ? value : fallback
}
