/**
 * C0 and C1 control characters (and DEL) other than tab and newline. Text
 * from pages and feeds is printed to terminals, where ESC, BEL or CSI start
 * escape sequences that can retitle the window, hide lines or worse.
 */
const CONTROL = /\r\n?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** Text without control characters; a carriage return ends a line, as a newline does. */
export function dropControls(text: string): string {
  return text.replace(CONTROL, (c) => (c[0] === '\r' ? '\n' : ''))
}
