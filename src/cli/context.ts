import { InvalidArgumentError, type Command } from 'commander'
import { dropControls } from '../lib/controls.js'
import type { ServiceDeps } from '../services/deps.js'

/** What commands get from the composition root: services are opened lazily, only by commands that need the store. */
export interface CliContext {
  open(): Promise<ServiceDeps>
  close(): Promise<void>
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

/**
 * Exit codes shared by every command: 1 when something failed (a file that
 * cannot be read, an item or a line that was not taken), 2 for a usage error
 * (an unknown option, a missing argument, an option's value out of range).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** The --help words for EXIT. */
export const EXIT_HELP = 'Exit codes: 0 done; 1 something failed (a file that cannot be read, an item or line not taken); 2 usage error (unknown option, missing argument, bad value).'

/** Why a source given as an address of another kind than http(s) ("ftp://…", "file:///…") is refused, or null: it is not read as a file name. */
export function unfetchableScheme(source: string): string | null {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(source)?.[1]
  if (!scheme || /^https?$/i.test(scheme)) return null
  return `${source}: only http and https URLs can be fetched, not ${scheme}: (give a local file by its path)`
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/**
 * Human output, which holds stored text (titles, names, outlets, errors)
 * from pages and feeds: its control characters would be escape sequences
 * to the terminal, so they are dropped (--json output escapes them).
 */
export function printText(out: NodeJS.WritableStream, text: string): void {
  out.write(dropControls(text).replace(BIDI_OVERRIDE, ''))
}

/** A failed subcommand ("feed remove", "user token") says so on standard error, named, and the exit code says it failed. */
export function commandFailed(ctx: CliContext, command: string, message: string): void {
  printText(ctx.stderr, `newsdesk ${command}: ${message}\n`)
  process.exitCode = EXIT.failed
}

/**
 * Direction embeddings, overrides and isolates: in a terminal they reorder
 * what follows them ("gnp.exe" shown for "exe.png"), so stored text printed
 * by the CLI drops them. Marks (U+200E, U+200F) stay: right-to-left text needs them.
 */
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/g

/**
 * For commands that read a file of lines and go on past bad ones: each
 * skipped line is named with its number, and `report` says how many were
 * skipped and makes the exit code say lines were lost.
 */
export function skippedLines(command: string, path: string): { skip(line: number, reason: string): void; report(): void } {
  let skipped = 0
  return {
    skip(line, reason) {
      process.stderr.write(`${path}:${line}: skipped (${reason})\n`)
      skipped++
    },
    report() {
      if (skipped === 0) return
      process.stderr.write(`newsdesk ${command}: ${skipped} line${skipped === 1 ? '' : 's'} skipped\n`)
      process.exitCode = EXIT.failed
    },
  }
}

/** An option's value: a whole number from `min` to `max`, or a usage error (commander names the option). */
export function wholeNumber(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`)
    return n
  }
}

/** `--limit` and `--offset` of a paged listing, worded alike on every command: "people per page (1–200)", "people to skip: …". */
export function paged(command: Command, what: string, limit: { max: number; fallback: number }, maxOffset: number): Command {
  return command
    .option('--limit <n>', `${what} per page (1–${limit.max})`, wholeNumber(1, limit.max), limit.fallback)
    .option('--offset <n>', `${what} to skip: the "next" of the page before`, wholeNumber(0, maxOffset), 0)
}
