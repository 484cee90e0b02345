import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

/**
 * The public "check a certificate" box: a GET form, so the answer has an address of its own and works
 * without JavaScript. `problem` (an i18n key of `certificates`) marks the box when the last code was
 * not found; the box keeps what was typed so it can be corrected rather than typed again.
 */
export function CertificateCodeForm({ defaultValue = '', problem }: { defaultValue?: string; problem?: string }) {
  const { t } = useTranslation('certificates')
  const locale = useLocale()
  return (
    <Form method="get" action={href(locale, '/verify')} className="form form--inline" role="search">
      <div className="field">
        <label htmlFor="certificate-code">{t('check.code')}</label>
        <p id="certificate-code-hint" className="hint">
          {t('check.hint')}
        </p>
        <input
          id="certificate-code"
          name="code"
          type="text"
          defaultValue={defaultValue}
          maxLength={100}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'certificate-code-hint certificate-code-problem' : 'certificate-code-hint'}
        />
        {problem ? (
          <p id="certificate-code-problem" className="field-error">
            {t(problem)}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button">
        {t('check.submit')}
      </button>
    </Form>
  )
}
