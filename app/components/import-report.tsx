import { useTranslation } from 'react-i18next'
import type { ImportRow } from '~/modules/manage/officer-import'
import { PROBLEM_COLUMN, type ImportProblem } from '~/modules/manage/officer-import-problems'
import { CopyLink } from './copy-link'
import { ScrollTable } from './data-table'

/** A problem with what the line said beside it: «invalid e-mail address: “ivan@@customs”». */
function Problem({ problem, cells }: { problem: ImportProblem; cells: ImportRow['cells'] }) {
  const { t } = useTranslation('manage')
  const said = cells[PROBLEM_COLUMN[problem]]
  return (
    <li>
      {t(problem)}
      {said.trim() ? (
        <>
          {': '}
          <q className="import-cell">{said}</q>
        </>
      ) : (
        <> ({t('bulk.emptyCell')})</>
      )}
    </li>
  )
}

/** Every line of an uploaded officer list and what, if anything, is wrong with it. */
export function ImportReportTable({ rows }: { rows: ImportRow[] }) {
  const { t } = useTranslation(['manage', 'common'])
  return (
    <ScrollTable
      caption={t('bulk.file')}
      columns={[t('bulk.line'), t('bulk.email'), t('bulk.name'), t('bulk.unit'), t('bulk.language'), t('bulk.check')]}
    >
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
          {/* A language the line did not name correctly is shown as written, not as the guess put in its place. */}
          <td>
            {row.problems.includes('import.languageInvalid')
              ? row.cells.language
              : t(`common:language.${row.preferredLocale}`)}
          </td>
          <td className={row.problems.length > 0 ? 'status--disabled' : undefined}>
            {row.problems.length === 0 ? (
              t('bulk.ok')
            ) : (
              <ul className="import-problems">
                {row.problems.map((problem) => (
                  <Problem key={problem} problem={problem} cells={row.cells} />
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  )
}

/** After the confirmation: how many were invited and e-mailed, and the links still to pass on (shown once). */
export interface ImportDone {
  count: number
  sent: number
  mailConfigured: boolean
  links: { email: string; name: string; link: string }[]
  /** The same links as a CSV file (UTF-8 with BOM, cells neutralised), to keep or mail merge; null when none. */
  linksCsv: string | null
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
      {done.linksCsv ? (
        <p>
          {/* A data: address: the links exist only in this answer (only their hashes are stored), and it downloads without JavaScript. */}
          <a
            className="button button--secondary"
            download="invitation-links.csv"
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(done.linksCsv)}`}
          >
            {t('bulk.linksCsv')}
          </a>
        </p>
      ) : null}
      <p className="hint">{t('import.resendHint')}</p>
    </section>
  )
}

function InvitationLinks({ links }: { links: ImportDone['links'] }) {
  const { t } = useTranslation('manage')
  return (
    <ScrollTable caption={t('bulk.linksCaption')} columns={[t('bulk.name'), t('bulk.email'), t('bulk.linksCaption')]}>
      {links.map(({ email, name, link }) => (
        <tr key={email}>
          <th scope="row">{name}</th>
          <td>{email}</td>
          <td>
            <CopyLink link={link} label={name} />
          </td>
        </tr>
      ))}
    </ScrollTable>
  )
}
