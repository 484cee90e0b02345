import { useTranslation } from 'react-i18next'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import type { ModuleReference } from '~/modules/content/package.schema'

/**
 * The dated legal and standard texts a module teaches (issue 17), after its text: what a training
 * centre checks first, and where a learner goes for the authoritative wording.
 */
export function ModuleReferences({ references }: { references: ModuleReference[] }) {
  const locale = useLocale()
  const { t } = useTranslation('learning')
  if (references.length === 0) return null
  return (
    <section className="module-references" aria-labelledby="module-references-title">
      <h2 id="module-references-title">{t('reader.references')}</h2>
      <p className="hint">{t('reader.referencesIntro')}</p>
      <ul>
        {references.map((reference, index) => {
          const title = localizedName(reference.title, locale)
          const part = reference.part ? localizedName(reference.part, locale) : null
          return (
            <li key={index}>
              {reference.url ? (
                <a href={reference.url} rel="noopener noreferrer" title={t('reader.openReference', { title })}>
                  <cite>{title}</cite>
                </a>
              ) : (
                <cite>{title}</cite>
              )}{' '}
              ({reference.edition}){part ? `: ${part}` : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
