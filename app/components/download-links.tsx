import { useTranslation } from 'react-i18next'
import type { ReportFormat } from '~/modules/reports/report-format'
import { DownloadButton } from './download-button'

/**
 * "Download CSV" and "Download XLSX" for a report; `url(format)` gives each file's address. A large
 * report takes a few seconds to make: each shows that it is being prepared and ignores a second tap.
 */
export function DownloadLinks({ url }: { url: (format: ReportFormat) => string }) {
  const { t } = useTranslation('manage')
  return (
    <p className="button-row">
      <DownloadButton href={url('csv')} className="button button--secondary">
        {t('matrix.downloadCsv')}
      </DownloadButton>
      <DownloadButton href={url('xlsx')} className="button button--secondary">
        {t('matrix.downloadXlsx')}
      </DownloadButton>
    </p>
  )
}
