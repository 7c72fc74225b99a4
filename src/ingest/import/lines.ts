/**
 * Splits a byte stream into lines without ever holding more than one line
 * (capped at maxBytes) in memory. A line over the cap is reported as too
 * large and its bytes are dropped as they arrive, so one giant line cannot
 * exhaust memory.
 */
export type Line =
  | { lineNo: number; bytes: Buffer; tooLarge: false }
  | { lineNo: number; bytes: null; tooLarge: true; size: number }

const NEWLINE = 0x0a
const CR = 0x0d

export async function* splitLines(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let pending: Buffer[] = []
  let pendingSize = 0
  let oversize = false
  let lineNo = 0

  const finish = (tail: Buffer): Line => {
    lineNo += 1
    const size = pendingSize + tail.length
    if (oversize || size > maxBytes) {
      pending = []
      pendingSize = 0
      oversize = false
      return { lineNo, bytes: null, tooLarge: true, size }
    }
    const whole = pending.length === 0 ? tail : Buffer.concat([...pending, tail])
    pending = []
    pendingSize = 0
    const end = whole.length > 0 && whole[whole.length - 1] === CR ? whole.length - 1 : whole.length
    return { lineNo, bytes: whole.subarray(0, end), tooLarge: false }
  }

  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw
    let start = 0
    for (let idx = chunk.indexOf(NEWLINE, start); idx !== -1; idx = chunk.indexOf(NEWLINE, start)) {
      yield finish(chunk.subarray(start, idx))
      start = idx + 1
    }
    const rest = chunk.subarray(start)
    if (rest.length === 0) continue
    if (oversize || pendingSize + rest.length > maxBytes) {
      // Keep counting the size for the report, but drop the bytes.
      oversize = true
      pending = []
    } else {
      // Copy: the stream may reuse the chunk's memory.
      pending.push(Buffer.from(rest))
    }
    pendingSize += rest.length
  }
  if (pendingSize > 0 || oversize) yield finish(Buffer.alloc(0))
}
