import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pager } from './officer-filters'
import { IntentButton } from './intent-button'
import { ScrollTable } from './data-table'
import type { AccountStatus } from '~/modules/auth/account-status'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

interface Officer {
  id: string
  email: string
  displayName: string
  unit: string | null
  status: AccountStatus
}

/**
 * One page of officers, each name leading to the officer's transcript, with their status, the button
 * that deactivates or reactivates each, and a new invitation link for those who have not accepted yet.
 */
export function OfficerTable({
  officers,
  total,
  page,
  pages,
  selectForm,
  administrationCode,
}: {
  officers: Officer[]
  total: number
  page: number
  pages: number
  /** The id of the form the row checkboxes belong to (assigning a course). */
  selectForm: string
  administrationCode: string
}) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const administration = encodeURIComponent(administrationCode)
  return (
    <>
      <ScrollTable
        caption={`${t('table.caption')} · ${t('table.count', { count: total })}`}
        columns={[t('table.name'), t('table.email'), t('table.unit'), t('table.status'), t('table.actions')]}
      >
        {officers.map((officer) => {
          const deactivated = officer.status === 'deactivated'
          return (
            <tr key={officer.id} data-officer={officer.email}>
              {/* The box to tick sits with the name: the first column is the one kept in view on a phone. */}
              <th scope="row" className="officer-table__name">
                {deactivated ? null : (
                  <input
                    type="checkbox"
                    name="officerIds"
                    value={officer.id}
                    form={selectForm}
                    aria-label={t('assign.selectLabel', { name: officer.displayName })}
                  />
                )}
                <Link
                  to={href(locale, '/manage/officers/:officer', {
                    officer: officer.id,
                    query: { administration },
                  })}
                >
                  {officer.displayName}
                </Link>
              </th>
              <td>{officer.email}</td>
              <td>{officer.unit ?? t('table.noUnit')}</td>
              <td className={deactivated ? 'status--disabled' : undefined}>
                {t(`common:accountStatus.${officer.status}`)}
              </td>
              <td>
                <IntentButton
                  field="officerId"
                  id={officer.id}
                  intent={deactivated ? 'reactivate' : 'deactivate'}
                  label={deactivated ? t('reactivate') : t('deactivate')}
                  accessibleName={t(deactivated ? 'reactivateLabel' : 'deactivateLabel', {
                    name: officer.displayName,
                  })}
                />
                {officer.status === 'invited' ? (
                  <IntentButton
                    field="officerId"
                    id={officer.id}
                    intent="resend"
                    label={t('resend.button')}
                    accessibleName={t('resend.buttonLabel', { name: officer.displayName })}
                  />
                ) : null}
              </td>
            </tr>
          )
        })}
      </ScrollTable>
      {officers.length === 0 ? <p>{t('table.none')}</p> : null}
      <Pager page={page} pages={pages} />
    </>
  )
}
