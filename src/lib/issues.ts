/** Validation failures (zod's issues) in words: one helper for the API, the configuration and the forms' services. */

/** What this needs of a zod issue. */
export interface Issue {
  readonly path: readonly PropertyKey[]
  readonly message: string
  readonly code?: string
}

/**
 * Each issue as one line. With `fields`, every line starts with the field it
 * concerns ("authorName: give your name"; `root` for the value as a whole).
 * Without, a form's own message stands alone (it names its field in words:
 * "give your name"), but a missing or mistyped field still gets its path, as
 * zod's own message for it names no field.
 */
export function issueLines(issues: readonly Issue[], options: { fields?: boolean; root?: string } = {}): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || options.root
    const named = options.fields || issue.code === 'invalid_type'
    return named && path ? `${path}: ${issue.message}` : issue.message
  })
}

/** The issues as one message, "; " between them. */
export function issuesMessage(issues: readonly Issue[], options: { fields?: boolean; root?: string } = {}): string {
  return issueLines(issues, options).join('; ')
}
