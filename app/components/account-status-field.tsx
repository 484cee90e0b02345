import { useTranslation } from 'react-i18next'
import { ACCOUNT_STATUSES } from '~/modules/auth/account-status'

/**
 * A filter by account status (invited / active / deactivated), in the one vocabulary the admin's and the
 * coordinator's pages share (ADR 034); "any" is the empty value. Labels come translated from the page.
 */
export function AccountStatusField({
  id,
  label,
  anyLabel,
  value,
}: {
  id: string
  label: string
  anyLabel: string
  value: string | null | undefined
}) {
  const { t } = useTranslation('common')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="status" defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {ACCOUNT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`accountStatus.${status}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
