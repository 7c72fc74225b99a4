/**
 * A small pull reader over a byte stream: lines, exact lengths and skips,
 * holding only what the caller asks for. Used by the WARC reader.
 */
export class ByteReader {
  private buf: Buffer = Buffer.alloc(0)
  private done = false
  private readonly it: AsyncIterator<Buffer | string>

  constructor(source: AsyncIterable<Buffer | string>) {
    this.it = source[Symbol.asyncIterator]()
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false
    const next = await this.it.next()
    if (next.done === true) {
      this.done = true
      return false
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk])
    return true
  }

  /** Replaces the (consumed) buffer with the next chunk, without copying. */
  private async pull(): Promise<boolean> {
    if (this.buf.length > 0) return true
    return this.fill()
  }

  /** The next line without its CRLF/LF, or null at the end; a line over maxBytes throws. */
  async readLine(maxBytes = 64 * 1024): Promise<string | null> {
    for (;;) {
      const idx = this.buf.indexOf(0x0a)
      if (idx !== -1) {
        const end = idx > 0 && this.buf[idx - 1] === 0x0d ? idx - 1 : idx
        const line = this.buf.subarray(0, end).toString('utf8')
        this.buf = this.buf.subarray(idx + 1)
        return line
      }
      if (this.buf.length > maxBytes) throw new Error(`header line over ${maxBytes} bytes`)
      if (!(await this.fill())) {
        if (this.buf.length === 0) return null
        const line = this.buf.toString('utf8')
        this.buf = Buffer.alloc(0)
        return line
      }
    }
  }

  /** Exactly n bytes (fewer only at the end of the stream). */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = []
    let left = n
    for (;;) {
      const take = Math.min(left, this.buf.length)
      parts.push(Buffer.from(this.buf.subarray(0, take)))
      this.buf = this.buf.subarray(take)
      left -= take
      if (left === 0 || !(await this.pull())) return Buffer.concat(parts)
    }
  }

  /** Drops n bytes without keeping them; returns how many were dropped. */
  async skip(n: number): Promise<number> {
    let left = n
    for (;;) {
      const take = Math.min(left, this.buf.length)
      this.buf = this.buf.subarray(take)
      left -= take
      if (left === 0) return n
      if (!(await this.pull())) return n - left
    }
  }

  async close(): Promise<void> {
    await this.it.return?.()
  }
}
