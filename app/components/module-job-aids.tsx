import { useTranslation } from 'react-i18next'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

/**
 * The printable sheets a module offers (issue 17): one-page A4 PDFs in the reader's language, to keep
 * at the post. Plain links with `download`, so a phone saves the file rather than leaving the module.
 */
export function ModuleJobAids({ courseSlug, aids }: { courseSlug: string; aids: { slug: string; title: string }[] }) {
  const locale = useLocale()
  const { t } = useTranslation('learning')
  if (aids.length === 0) return null
  return (
    <section className="module-job-aids" aria-labelledby="module-job-aids-title">
      <h2 id="module-job-aids-title">{t('jobAids.title')}</h2>
      <p className="hint">{t('jobAids.intro')}</p>
      <ul>
        {aids.map((aid) => (
          <li key={aid.slug}>
            <a href={href(locale, '/courses/:course/job-aids/:aid', { course: courseSlug, aid: aid.slug })} download>
              {aid.title}
            </a>{' '}
            <span className="hint">{t('jobAids.format')}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
