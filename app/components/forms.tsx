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

interface FieldProps<Value = string> {
  meta: FieldMetadata<Value>
  label: string
  hint?: string
  /** Namespace of the error keys. */
  ns: string
}

/**
 * The one field layout: label, hint, the control, its errors. `control` gets the field and the hint's
 * id; Conform's `get…Props` add that and the error's id to `aria-describedby` and set `aria-invalid`
 * while the field has errors, so every control announces both the same way.
 */
function Field<Value>({
  meta: field,
  label,
  hint,
  ns,
  control,
}: FieldProps<Value> & { control: (field: FieldMetadata<Value>, hintId: string | undefined) => ReactNode }) {
  const hintId = hint ? `${field.id}-hint` : undefined
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {control(field, hintId)}
      <FieldErrors id={field.errorId} errors={field.errors} ns={ns} />
    </div>
  )
}

export function TextField({
  type = 'text',
  autoComplete,
  ...props
}: FieldProps & { type?: 'text' | 'email' | 'password' | 'date'; autoComplete?: string }) {
  return (
    <Field
      {...props}
      control={(field, hintId) => (
        <input
          {...getInputProps(field, { type, ariaDescribedBy: hintId })}
          autoComplete={autoComplete}
          key={field.key}
        />
      )}
    />
  )
}

export function SelectField({ children, ...props }: FieldProps & { children: ReactNode }) {
  return (
    <Field
      {...props}
      control={(field, hintId) => (
        <select {...getSelectProps(field, { ariaDescribedBy: hintId })} key={field.key}>
          {children}
        </select>
      )}
    />
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
