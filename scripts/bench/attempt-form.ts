// Reads the attempt form out of the server-rendered attempt page, the way a browser without JavaScript
// would, and fills it in. The field contract is app/modules/quiz/answer-form.ts: hidden `seq` and
// `shown`, then `q<position>` (radio, checkbox, typed value) or `q<position>.<key>` (select).

export type AnswerField =
  | { kind: 'choice'; name: string; values: string[] }
  | { kind: 'typed'; name: string }
  | { kind: 'select'; name: string; values: string[] }

export interface AttemptForm {
  seq: number
  shown: string
  fields: AnswerField[]
}

const QUESTION_FIELD = /^q\d{1,4}(\.\d{1,4})?$/
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'", '#x27': "'" }

const decode = (text: string) => text.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole)

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const match of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    found.set(match[1]!.toLowerCase(), decode(match[2] ?? match[3] ?? match[4] ?? ''))
  }
  return found
}

/** The form that carries `seq`, or null when the page has none (an error page, a login page). */
export function parseAttemptForm(html: string): AttemptForm | null {
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].find(
    (match) => /method\s*=\s*["']?post/i.test(match[1]!) && /name=["']seq["']/.test(match[2]!),
  )?.[2]
  if (!form) return null
  let seq: number | null = null
  let shown = ''
  const fields = new Map<string, AnswerField>()
  for (const [, attributeText = '', options = ''] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const name = attributes(attributeText).get('name') ?? ''
    if (!QUESTION_FIELD.test(name)) continue
    const values = [...options.matchAll(/<option\b([^>]*)>/gi)]
      .map((option) => attributes(option[1]!).get('value') ?? '')
      .filter(Boolean)
    fields.set(name, { kind: 'select', name, values })
  }
  for (const [, attributeText = ''] of form.matchAll(/<(?:input|textarea)\b([^>]*)>/gi)) {
    const attrs = attributes(attributeText)
    const name = attrs.get('name') ?? ''
    const type = (attrs.get('type') ?? 'text').toLowerCase()
    if (name === 'seq') seq = Number(attrs.get('value'))
    else if (name === 'shown') shown = attrs.get('value') ?? ''
    if (!QUESTION_FIELD.test(name) || attrs.has('disabled')) continue
    if (type === 'radio' || type === 'checkbox') {
      const field = fields.get(name)
      const value = attrs.get('value') ?? 'on'
      if (field?.kind === 'choice') field.values.push(value)
      else fields.set(name, { kind: 'choice', name, values: [value] })
    } else if (type !== 'hidden' && type !== 'submit' && type !== 'button') {
      fields.set(name, { kind: 'typed', name })
    }
  }
  if (seq === null || !Number.isInteger(seq)) return null
  return { seq, shown, fields: [...fields.values()] }
}

/**
 * A save of every shown question. `variant` picks other options, so a second save changes the answers:
 * choice questions take option `variant`, typed ones the number `variant + 1`, and the selects of one
 * question take consecutive options (a permutation for matching and ordering).
 */
export function filledIn(
  form: AttemptForm,
  { intent, seq, variant }: { intent: string; seq: number; variant: number },
) {
  const body = new URLSearchParams({ intent, seq: String(seq), shown: form.shown })
  const selectsSeen = new Map<string, number>()
  for (const field of form.fields) {
    if (field.kind === 'typed') body.append(field.name, String(variant + 1))
    else if (field.values.length === 0) continue
    else if (field.kind === 'choice') body.append(field.name, field.values[variant % field.values.length]!)
    else {
      const question = field.name.split('.')[0]!
      const index = selectsSeen.get(question) ?? 0
      selectsSeen.set(question, index + 1)
      body.append(field.name, field.values[(index + variant) % field.values.length]!)
    }
  }
  return body
}
