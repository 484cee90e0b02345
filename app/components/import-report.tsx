import { useTranslation } from 'react-i18next'
import type { ImportRow } from '~/modules/manage/officer-import'

/** Every line of an uploaded officer list and what, if anything, is wrong with it. */
export function ImportReportTable({ rows }: { rows: ImportRow[] }) {
  const { t } = useTranslation(['manage', 'common'])
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('bulk.file')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bulk.line')}</th>
            <th scope="col">{t('bulk.email')}</th>
            <th scope="col">{t('bulk.name')}</th>
            <th scope="col">{t('bulk.unit')}</th>
            <th scope="col">{t('bulk.language')}</th>
            <th scope="col">{t('bulk.check')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-line={row.line} data-valid={row.problems.length === 0}>
              <th scope="row">{row.line}</th>
              <td>{row.email}</td>
              <td>
                {row.displayName}
                {row.latinName ? (
                  <>
                    <br />
                    <span lang="en">{row.latinName}</span>
                  </>
                ) : null}
              </td>
              <td>{row.unitName}</td>
              <td>{t(`common:language.${row.preferredLocale}`)}</td>
              <td className={row.problems.length > 0 ? 'status--disabled' : undefined}>
                {row.problems.length === 0 ? t('bulk.ok') : row.problems.map((problem) => t(problem)).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** After the confirmation: how many were invited and e-mailed, and the links still to pass on (shown once). */
export interface ImportDone {
  count: number
  sent: number
  mailConfigured: boolean
  links: { email: string; name: string; link: string }[]
}

/** The confirmation's outcome: e-mails sent, and a table of the links still to pass on. */
export function ImportOutcome({ done }: { done: ImportDone }) {
  const { t } = useTranslation('manage')
  const failed = done.links.length
  return (
    <section aria-labelledby="import-done">
      {done.mailConfigured ? (
        <>
          <p id="import-done" role="status">
            {t('import.invited', { count: done.count })} {t('import.sent', { count: done.sent })}
          </p>
          {failed > 0 ? (
            <p className="notice notice--warning" role="alert">
              {t('import.mailFailed', { count: failed })}
            </p>
          ) : null}
        </>
      ) : (
        <p id="import-done" role="status">
          {t('bulk.done', { count: done.count })}
        </p>
      )}
      {failed > 0 ? <InvitationLinks links={done.links} /> : null}
      <p className="hint">{t('import.resendHint')}</p>
    </section>
  )
}

function InvitationLinks({ links }: { links: ImportDone['links'] }) {
  const { t } = useTranslation('manage')
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('bulk.linksCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bulk.name')}</th>
            <th scope="col">{t('bulk.email')}</th>
            <th scope="col">{t('bulk.linksCaption')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map(({ email, name, link }) => (
            <tr key={email}>
              <th scope="row">{name}</th>
              <td>{email}</td>
              <td>
                <code className="invitation-link">{link}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
