import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { ScrollTable } from '~/components/data-table'
import { LOCALES, type Locale } from '~/i18n/config'
import { useLocale } from '~/i18n/use-locale'
import type { CourseDetails, DetailsStatus } from '~/modules/studio/course-details'
import { detailsText, TEXT_FIELDS, type DetailsField, type TextField } from '~/modules/studio/course.schema'
import { formatDate } from '~/utils/format'

type StudioT = TFunction<['studio', 'learning']>

/** A field of the details as the page names it: "Title in Russian", "Pass mark of the final exam, %". */
export function fieldLabel(t: StudioT, field: DetailsField) {
  const [name, locale] = field.split('.')
  if (name === 'title' || name === 'summary' || name === 'objectives')
    return t(`course.${name}`, { inLanguage: t(`inLanguage.${locale === 'ru' ? 'ru' : 'en'}`) })
  if (field === 'category') return t('course.category')
  if (field === 'certificateValidityMonths') return t('course.validity')
  return t('course.passMark')
}

/** A value of the details as the page shows it. */
export function fieldValue(t: StudioT, details: CourseDetails, field: DetailsField) {
  const [name, locale] = field.split('.')
  if ((name === 'title' || name === 'summary' || name === 'objectives') && (locale === 'en' || locale === 'ru'))
    return detailsText(details, name, locale).replaceAll('\n', ' · ') || t('page.notWritten')
  if (field === 'category') return t(`learning:categories.${details.category}`)
  if (field === 'certificateValidityMonths')
    return details.certificateValidityMonths
      ? t('page.validityMonths', { count: details.certificateValidityMonths })
      : t('page.validityNone')
  return details.passMark === null ? t('page.noExam') : t('page.passMarkValue', { passMark: details.passMark })
}

/**
 * What learners read of the course (the published details), with a badge on each language's title
 * or summary whose translation is out of date in the draft (ADR 024).
 */
export function CourseDetailsCard({
  slug,
  state,
  published,
  status,
}: {
  slug: string
  state: string
  published: CourseDetails
  status: DetailsStatus
}) {
  const { t } = useTranslation(['studio', 'learning'])
  const locale = useLocale()
  const fact = (label: string, value: string) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">{t('page.details')}</h2>
      <dl className="facts">
        {fact(t('page.address'), slug)}
        {fact(t('page.state'), t(`state.${state}`))}
        {fact(t('page.category'), fieldValue(t, published, 'category'))}
        {fact(t('page.validity'), fieldValue(t, published, 'certificateValidityMonths'))}
        {fact(t('page.passMark'), fieldValue(t, published, 'passMark'))}
      </dl>
      <ScrollTable
        caption={t('page.textsCaption')}
        captionHidden
        stackOnPhone
        columns={[t('page.field'), ...LOCALES.map((language) => t(`languageName.${language}`))]}
      >
        {TEXT_FIELDS.map((field) => (
          <tr key={field}>
            <th scope="row">{t(`course.${field}`, { inLanguage: '' }).trim()}</th>
            {LOCALES.map((language) => (
              <td key={language} data-label={t(`languageName.${language}`)}>
                <div lang={detailsText(published, field, language) ? language : undefined}>
                  <PublishedText details={published} field={field} language={language} />
                </div>
                {status[field][language].state === 'outOfDate' ? (
                  <span className="badge" lang={locale}>
                    {t('details.badge')}
                  </span>
                ) : null}
              </td>
            ))}
          </tr>
        ))}
      </ScrollTable>
    </section>
  )
}

/** One language's title or summary as learners read it; its objectives as the list they see. */
function PublishedText({ details, field, language }: { details: CourseDetails; field: TextField; language: Locale }) {
  const { t } = useTranslation('studio')
  if (!detailsText(details, field, language)) return t('page.notWritten')
  if (field !== 'objectives') return details[field][language]
  return (
    <ul>
      {details.objectives[language].map((objective, index) => (
        <li key={index}>{objective}</li>
      ))}
    </ul>
  )
}

/** Their draft where it differs from the author's, after a save or a button that someone else's save came before. */
export function DetailsConflictNotice({
  conflict,
}: {
  conflict: {
    version: number
    updatedBy: string | null
    updatedAt: Date | null
    theirs: CourseDetails
    differs: DetailsField[]
  }
}) {
  const { t } = useTranslation(['studio', 'learning'])
  return (
    <div className="alert" role="alert">
      <LastSaved at={conflict.updatedAt} by={conflict.updatedBy} />
      {conflict.differs.length > 0 ? (
        <ScrollTable caption={t('details.conflictCaption')} columns={[t('page.field'), t('details.conflictTheirs')]}>
          {conflict.differs.map((field) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(t, field)}</th>
              <td>{fieldValue(t, conflict.theirs, field)}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </div>
  )
}

/** Who saved the draft last, and when; nothing for details never saved in the studio. */
export function LastSaved({ at, by }: { at: Date | null; by: string | null }) {
  const { t } = useTranslation('studio')
  const locale = useLocale()
  if (!at) return null
  const date = formatDate(at, locale)
  return <p>{by ? t('details.lastSaved', { name: by, date }) : t('details.lastSavedUnknown', { date })}</p>
}
