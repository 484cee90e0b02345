/*
 * "CSV injection" (OWASP): a spreadsheet app that opens a report may read a cell starting with = + - or @ as a
 * formula, and a formula can fetch URLs, leak other cells or, in older set-ups (DDE), start programs. Report cells
 * carry text that people typed themselves (names, units), so a learner called `=HYPERLINK(...)` must stay text on a
 * coordinator's machine. Tab and carriage return are on the list because importers strip them as whitespace and
 * then read what follows.
 *
 * For the same reason we look past leading whitespace and invisible characters: whether " =1+1" becomes a formula
 * depends on the app and its import settings (trimming fields is a common option), and a zero-width character in
 * front would hide the danger from a reader. Prefixing such a cell costs one visible apostrophe; guessing wrong
 * costs a formula on someone's machine.
 *
 * The apostrophe is the spreadsheet's own "this is text" mark. It goes into the value itself, not only a cell
 * format, so that text copied out of the XLSX into another tool is still inert.
 */
const FORMULA_START = /^[\s\p{Cc}\p{Cf}]*[=+\-@\t\r]/u

/** The text, prefixed with `'` when a spreadsheet could take it for a formula. */
export function neutraliseText(text: string) {
  return FORMULA_START.test(text) ? `'${text}` : text
}
