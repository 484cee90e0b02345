import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

// Schemas carry i18n keys as their error messages; these components translate them.
function FieldErrors({ id, errors, ns }: { id: string; errors: string[] | undefined; ns: string }) {
  const { t } = useTranslation(ns)
  if (!errors?.length) return null
  return (
    <p id={id} className="field-error">
      {errors.map((key) => t(key)).join(' ')}
    </p>
  )
}

interface FieldProps {
  meta: FieldMetadata<string>
  label: string
  hint?: string
  /** Namespace of the error keys. */
  ns: string
}

export function TextField({
  meta,
  label,
  hint,
  ns,
  type = 'text',
  autoComplete,
}: FieldProps & { type?: 'text' | 'email' | 'password' | 'date'; autoComplete?: string }) {
  const hintId = hint ? `${meta.id}-hint` : undefined
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input {...getInputProps(meta, { type, ariaDescribedBy: hintId })} autoComplete={autoComplete} key={meta.key} />
      <FieldErrors id={meta.errorId} errors={meta.errors} ns={ns} />
    </div>
  )
}

export function SelectField({ meta, label, hint, ns, children }: FieldProps & { children: ReactNode }) {
  const hintId = hint ? `${meta.id}-hint` : undefined
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select {...getSelectProps(meta, { ariaDescribedBy: hintId })} key={meta.key}>
        {children}
      </select>
      <FieldErrors id={meta.errorId} errors={meta.errors} ns={ns} />
    </div>
  )
}

export function FormErrors({ errors, ns }: { errors: string[] | undefined; ns: string }) {
  const { t } = useTranslation(ns)
  if (!errors?.length) return null
  return (
    <div className="alert" role="alert">
      {errors.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
    </div>
  )
}
