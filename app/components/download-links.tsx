import { useTranslation } from 'react-i18next'
import type { ReportFormat } from '~/modules/reports/report-format'

/** "Download CSV" and "Download XLSX" for a report; `url(format)` gives each file's address. */
export function DownloadLinks({ url }: { url: (format: ReportFormat) => string }) {
  const { t } = useTranslation('manage')
  return (
    <p>
      <a className="button button--secondary" href={url('csv')} download>
        {t('matrix.downloadCsv')}
      </a>{' '}
      <a className="button button--secondary" href={url('xlsx')} download>
        {t('matrix.downloadXlsx')}
      </a>
    </p>
  )
}
