import { useTranslation } from 'react-i18next'

/** "Too many attempts. Please wait N seconds…", in place of a form's errors while it is throttled. */
export function ThrottleAlert({ seconds }: { seconds: number }) {
  const { t } = useTranslation('common')
  return (
    <div className="alert" role="alert">
      <p>{t('errors.tooManyRequests', { count: seconds })}</p>
    </div>
  )
}
