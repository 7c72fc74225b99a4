/** `--name value` from a benchmark's command line, or the fallback when absent or empty. */
export function option(name: string, fallback: string, args: string[] = process.argv.slice(2)): string {
  const i = args.indexOf(`--${name}`)
  const value = i >= 0 ? args[i + 1] : undefined
  return value ? value : fallback
}

/** A whole-number option of at least `min`; anything else stops the benchmark with a clear message. */
export function intOption(name: string, fallback: number, min: number, args: string[] = process.argv.slice(2)): number {
  const raw = option(name, String(fallback), args)
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name} must be a whole number of at least ${min} (got ${raw})`)
    process.exit(2)
  }
  return value
}
