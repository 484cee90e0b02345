import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ScrollTable } from '~/components/data-table'
import { LOCALES, type Locale } from '~/i18n/config'
import { useLocale } from '~/i18n/use-locale'
import type { DiffPart } from '~/modules/studio/word-diff'
import { formatDateTime } from '~/utils/format'
import { WordDiffView } from './word-diff-view'

interface Revision {
  id: string
  number: number
  publishedAt: string | Date
  publishedBy: { displayName: string } | null
  note: string | null
}

/** The module's published versions, newest first: compare one with the draft, or restore it into the draft. */
export function RevisionHistory({
  revisions,
  canEdit,
  compareHref,
}: {
  revisions: Revision[]
  canEdit: boolean
  compareHref: (revisionId: string) => string
}) {
  const { t } = useTranslation('studio')
  const locale = useLocale()
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('editor.history')}</h2>
      {revisions.length === 0 ? (
        <p>{t('editor.historyEmpty')}</p>
      ) : (
        <ScrollTable
          caption={t('editor.historyCaption')}
          captionHidden
          stackOnPhone
          columns={[
            t('editor.version'),
            t('editor.publishedAt'),
            t('editor.publishedBy'),
            t('editor.note'),
            t('module.actions'),
          ]}
        >
          {revisions.map((revision) => (
            <tr key={revision.id}>
              <th scope="row" data-label={t('editor.version')}>
                {revision.number}
              </th>
              <td data-label={t('editor.publishedAt')}>{formatDateTime(revision.publishedAt, locale)}</td>
              <td data-label={t('editor.publishedBy')}>{revision.publishedBy?.displayName ?? t('editor.someone')}</td>
              <td data-label={t('editor.note')}>{revision.note ?? ''}</td>
              <td className="row-actions">
                <Link
                  to={compareHref(revision.id)}
                  aria-label={t('editor.compareLabel', { number: revision.number })}
                  preventScrollReset
                >
                  {t('editor.compare')}
                </Link>
                {canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="restore" />
                    <input type="hidden" name="revision" value={revision.id} />
                    <button
                      type="submit"
                      className="button button--secondary"
                      aria-label={t('editor.restoreLabel', { number: revision.number })}
                    >
                      {t('editor.restore')}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  )
}

/** One revision against the draft, per language and field. */
export function RevisionComparison({
  number,
  diff,
  closeHref,
}: {
  number: number
  diff: Record<Locale, { title: DiffPart[]; body: DiffPart[] }>
  closeHref: string
}) {
  const { t } = useTranslation('studio')
  return (
    <section className="card" id="comparison" aria-labelledby="comparison-title">
      <h2 id="comparison-title">{t('editor.comparison', { number })}</h2>
      <p className="hint">{t('editor.diffLegend')}</p>
      <div className="editor-panes editor-panes--static">
        {LOCALES.map((language) => (
          <div key={language}>
            <h3>{t(`languageName.${language}`)}</h3>
            <h4>{t('editor.titleOnly')}</h4>
            <WordDiffView parts={diff[language].title} lang={language} />
            <h4>{t('editor.bodyOnly')}</h4>
            <WordDiffView parts={diff[language].body} lang={language} />
          </div>
        ))}
      </div>
      <p>
        <Link to={closeHref} preventScrollReset>
          {t('editor.closeComparison')}
        </Link>
      </p>
    </section>
  )
}
