import { useTranslation } from 'react-i18next'
import type { DiffPart } from '~/modules/studio/word-diff'

/**
 * A word diff as a reader reads it: removed words struck through (<del>), added ones underlined
 * (<ins>); screen readers announce both elements by their role, and the legend says it in words.
 */
export function WordDiffView({ parts, lang }: { parts: DiffPart[]; lang: string }) {
  const { t } = useTranslation('studio')
  if (parts.every((part) => part.change === 'same')) return <p className="hint">{t('editor.noDifference')}</p>
  return (
    <div className="word-diff" lang={lang}>
      {parts.map((part, index) =>
        part.change === 'added' ? (
          <ins key={index}>{part.text}</ins>
        ) : part.change === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  )
}
