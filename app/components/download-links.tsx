import { useTranslation } from 'react-i18next'

/** "Download CSV" and "Download XLSX" for a report; `url(format)` gives each file's address. */
export function DownloadLinks({ url }: { url: (format: 'csv' | 'xlsx') => string }) {
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
