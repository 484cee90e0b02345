import { Form } from '@remix-run/react'
import { Pager } from './officer-filters'
import { useTranslation } from 'react-i18next'
import type { OfficerStatus } from '~/modules/manage/officer-status'

interface Officer {
  id: string
  email: string
  displayName: string
  unit: string | null
  status: OfficerStatus
}

/** One page of officers with their status and the button that deactivates or reactivates each. */
export function OfficerTable({
  officers,
  total,
  page,
  pages,
  selectForm,
}: {
  officers: Officer[]
  total: number
  page: number
  pages: number
  /** The id of the form the row checkboxes belong to (assigning a course). */
  selectForm: string
}) {
  const { t } = useTranslation('manage')
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>
            {t('table.caption')} · {t('table.count', { count: total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('assign.select')}</th>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('table.email')}</th>
              <th scope="col">{t('table.unit')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => {
              const deactivated = officer.status === 'deactivated'
              return (
                <tr key={officer.id} data-officer={officer.email}>
                  <td>
                    {deactivated ? null : (
                      <input
                        type="checkbox"
                        name="officerIds"
                        value={officer.id}
                        form={selectForm}
                        aria-label={t('assign.selectLabel', { name: officer.displayName })}
                      />
                    )}
                  </td>
                  <th scope="row">{officer.displayName}</th>
                  <td>{officer.email}</td>
                  <td>{officer.unit ?? t('table.noUnit')}</td>
                  <td className={deactivated ? 'status--disabled' : undefined}>{t(`status.${officer.status}`)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="officerId" value={officer.id} />
                      <button
                        type="submit"
                        name="intent"
                        value={deactivated ? 'reactivate' : 'deactivate'}
                        className="button button--secondary"
                        aria-label={t(deactivated ? 'reactivateLabel' : 'deactivateLabel', {
                          name: officer.displayName,
                        })}
                      >
                        {deactivated ? t('reactivate') : t('deactivate')}
                      </button>
                    </Form>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {officers.length === 0 ? <p>{t('table.none')}</p> : null}
      </div>
      <Pager page={page} pages={pages} />
    </>
  )
}
