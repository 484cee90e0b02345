import { useTranslation } from 'react-i18next'
import { MATRIX_STATUSES, type MatrixStatus, type MatrixViewCell } from '~/modules/manage/matrix'

/** A shape per status, so the legend never rests on colour alone (and survives forced colours). */
const ICONS: Record<MatrixStatus, string> = {
  'not-enrolled': '–',
  'not-started': '○',
  'in-progress': '◐',
  completed: '✓',
  overdue: '!',
}

export function StatusIcon({ status }: { status: MatrixStatus }) {
  return (
    <span className={`status-icon status-icon--${status}`} aria-hidden="true">
      {ICONS[status]}
    </span>
  )
}

/** The inside of one cell: icon, what it is, then the due date or the final score. */
export function MatrixCellContent({ cell }: { cell: MatrixViewCell }) {
  if (cell.state === 'not-enrolled') {
    return (
      <>
        <StatusIcon status="not-enrolled" />
        <span className="visually-hidden">{cell.label}</span>
      </>
    )
  }
  return (
    <>
      <StatusIcon status={cell.status} /> <span className="matrix-cell__label">{cell.label}</span>
      {cell.detail ? (
        <>
          {' '}
          <span className="matrix-cell__detail">{cell.detail}</span>
        </>
      ) : null}
    </>
  )
}

/** The cells' colours and icons explained, in one line above the matrix. */
export function MatrixLegend() {
  const { t } = useTranslation('manage')
  return (
    <div className="matrix-legend">
      <h2 id="matrix-legend-title" className="matrix-legend__title">
        {t('matrix.legend.label')}
      </h2>
      <ul aria-labelledby="matrix-legend-title">
        {MATRIX_STATUSES.map((status) => (
          <li key={status} className={`matrix-cell--${status}`}>
            <StatusIcon status={status} /> {t(`matrix.legend.${status}`)}
          </li>
        ))}
      </ul>
    </div>
  )
}
