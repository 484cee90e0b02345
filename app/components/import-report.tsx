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
              <td>{row.displayName}</td>
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
