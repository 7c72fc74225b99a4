/** A stage's outcome: a value or a typed failure that says why. */
export type Result<T, E = StageError> = { ok: true; value: T } | { ok: false; error: E }

export interface StageError {
  /** Stable machine-readable reason, e.g. "empty_input", "binary_input", "too_large". */
  code: string
  message: string
  /** More than the message may say to everyone: for the server log and the operator's command line, never for web pages or API answers. */
  detail?: string
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } })
