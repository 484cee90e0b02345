import { z } from '~/utils/zod'
import { LOCALES, perLocale } from '~/i18n/config'
import { FIELDS } from './translation-status'

// The module editor's forms (ADR 021). Sizes and unsafe Markdown are the save checks' to judge
// (draft-checks.server.ts), so they are named next to their field in the author's language.

const editedText = z.object({
  title: z.string(),
  markdown: z.string(),
  version: z.coerce.number().int().min(1),
})

/** The main form: every language's title, body and version, and the button pressed. */
export const EditorFormSchema = z.object({
  intent: z.union([z.enum(['save', 'publish']), z.templateLiteral(['mark:', z.enum(LOCALES), ':', z.enum(FIELDS)])]),
  note: z.string().trim().max(500).optional(),
  texts: z.object(perLocale(() => editedText)),
})
export type EditorForm = z.infer<typeof EditorFormSchema>

/** The form's fields are named `en.title`, `ru.version`…: one text per language. */
export function readEditorForm(form: FormData) {
  const field = (name: string) => form.get(name) ?? undefined
  return EditorFormSchema.safeParse({
    intent: field('intent'),
    note: field('note'),
    texts: Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        { title: field(`${locale}.title`), markdown: field(`${locale}.markdown`), version: field(`${locale}.version`) },
      ]),
    ),
  })
}

/** Discarding the draft, or restoring a revision into it: forms of their own, posting no texts. */
export const EditorCommandSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('discard') }),
  z.object({ intent: z.literal('restore'), revision: z.string().min(1).max(100) }),
])

/** One language's autosave (the draft endpoint). */
export const DraftSaveSchema = editedText.extend({ locale: z.enum(LOCALES) })
