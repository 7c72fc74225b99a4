/**
 * The extract stage: HTML or plain text → structured Article. Pure: no
 * network, no database, no clock.
 */
export { extractText } from './text.js'
export { extractHtml, type HtmlOptions } from './html/index.js'
export { fragmentText } from './html/plain.js'
export { extractDocument, MAX_INPUT_BYTES, type DocumentInput } from './document.js'
export { decodeBytes, charsetOf } from './decode.js'
export { articleBody } from './body.js'
export { isErrorPage } from './error-page.js'
export { dateFromUrl } from './url-date.js'
