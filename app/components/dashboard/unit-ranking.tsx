import { useTranslation } from 'react-i18next'
import { completedPercent } from '~/modules/manage/dashboard'
import { CHART_COLOURS } from '../completions-chart'
import { ScrollTable } from '../data-table'

interface UnitRow {
  id: string | null
  name: string | null
  officers: number
  enrolled: number
  completed: number
}

/**
 * Units by completed share, best first. The table is the data; the small bar in the share's cell only
 * repeats its number for the eye, so it is hidden from assistive technology.
 */
export function UnitRanking({ units }: { units: UnitRow[] }) {
  const { t } = useTranslation('manage')
  return (
    <section aria-labelledby="unit-ranking-title" className="dashboard-section">
      <h2 id="unit-ranking-title">{t('dashboard.byUnit')}</h2>
      <p className="hint">{t('dashboard.byUnitHint')}</p>
      {units.length === 0 ? (
        <p>{t('dashboard.noOfficers')}</p>
      ) : (
        <ScrollTable
          caption={t('dashboard.byUnit')}
          captionHidden
          columns={[
            t('dashboard.rank'),
            t('table.unit'),
            t('overview.officers'),
            t('matrix.enrolled'),
            t('matrix.completedCount'),
            t('matrix.completedShare'),
          ]}
        >
          {units.map((unit, index) => (
            <tr key={unit.id ?? 'none'} data-unit={unit.name ?? ''}>
              <td>{unit.enrolled === 0 ? '—' : index + 1}</td>
              <th scope="row">{unit.name ?? t('dashboard.noUnit')}</th>
              <td>{unit.officers}</td>
              <td>{unit.enrolled}</td>
              <td>{unit.completed}</td>
              <td className="share-cell">
                <ShareBar share={completedPercent(unit)} />
                {unit.enrolled === 0 ? '—' : completedPercent(unit)}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  )
}

function ShareBar({ share }: { share: number }) {
  return (
    <svg
      aria-hidden="true"
      className="share-bar"
      width="60"
      height="10"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
    >
      <rect width="100" height="10" className="chart__track" />
      <rect width={share} height="10" fill={CHART_COLOURS[0]} />
    </svg>
  )
}
