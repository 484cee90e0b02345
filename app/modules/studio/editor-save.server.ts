import { LOCALES, type Locale, perLocale } from '~/i18n/config'
import { checkDraftFields } from './draft-checks.server'
import { getModuleDraft, requireEditable, saveModuleDraft } from './drafts.server'
import { DraftConflict } from './errors'

export interface EditedText {
  title: string
  markdown: string
  /** The draft version the author's page was showing. */
  version: number
}

/** A browser's textarea sends CRLF; compared as stored. */
const sameText = (a: string, b: string) => a.replace(/\r\n?/g, '\n') === b

/**
 * The module editor's form posts every language's text with each button (ADR 021): the languages whose
 * text differs from their draft are saved, each under its own version. Nothing is saved unless every
 * language passes the save checks (DraftTooLarge, UnsafeMarkdown are thrown first). A language someone
 * else saved since comes back in `conflicts` with their text; the others are saved all the same — a
 * translator is not held up by the other language's author. Returns each language's version now.
 */
export async function saveEditedTexts({
  moduleId,
  userId,
  texts,
}: {
  moduleId: string
  userId: string
  texts: Record<Locale, EditedText>
}) {
  await requireEditable({ moduleId, userId })
  for (const locale of LOCALES) checkDraftFields({ locale, ...texts[locale] })
  const current = (await getModuleDraft({ moduleId })).texts
  const versions = perLocale((locale) => current[locale].version)
  const conflicts: DraftConflict['current'][] = []
  for (const locale of LOCALES) {
    const { title, markdown, version } = texts[locale]
    if (sameText(title, current[locale].title) && sameText(markdown, current[locale].markdown)) continue
    try {
      const saved = await saveModuleDraft({
        moduleId,
        locale,
        fields: { title, markdown },
        baseVersion: version,
        userId,
      })
      versions[locale] = saved.version
    } catch (error) {
      if (!(error instanceof DraftConflict)) throw error
      conflicts.push(error.current)
    }
  }
  return { versions, conflicts }
}
