import {
  FormProvider,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useField,
  useFormMetadata,
  useForm,
  type DefaultValue,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, type FormProps } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useHydrated } from './use-hydrated'

/**
 * The one way a page sets up a Conform form: checked in the browser with the schema the action parses
 * with, field constraints from it, and revalidated as a field is typed rather than when it loses focus —
 * a message that vanished on blur (the button's mousedown) moved the button from under the pointer, and
 * the click was lost.
 */
export function useValidatedForm<Schema extends z.ZodObject>(
  schema: Schema,
  options: {
    id?: string
    lastResult?: SubmissionResult<string[]> | null
    defaultValue?: DefaultValue<z.input<Schema>>
  },
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    ...options,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onInput',
  })
}

/**
 * A Conform form: Remix's <Form> with the form's id and submit handler, inside the context its fields
 * subscribe to. Conform re-renders the component that called useForm only for the state it read in its
 * last render, and React may re-render that component without its children (when a hook's state turns
 * out unchanged, as react-i18next's does after mounting): the fields' reads were forgotten, and a submit
 * stopped by validation showed no errors. So each field and the form element subscribe themselves.
 */
export function ConformForm<Schema extends Record<string, unknown>>({
  form,
  ...props
}: Omit<FormProps, 'id' | 'onSubmit' | 'noValidate'> & { form: FormMetadata<Schema, string[]> }) {
  return (
    <FormProvider context={form.context}>
      <FormElement formId={form.id} {...props} />
    </FormProvider>
  )
}

function FormElement({ formId, ...props }: Omit<FormProps, 'id' | 'onSubmit' | 'noValidate'> & { formId: string }) {
  const form = useFormMetadata(formId)
  return <Form {...props} {...getFormProps(form)} />
}

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
  /** The field of a form rendered with ConformForm. */
  meta: FieldMetadata<Value>
  label: string
  hint?: string
  /** Namespace of the error keys. */
  ns: string
}

/** What every control gets from its Field besides the field itself. */
interface ControlProps {
  /** The hint's id, for Conform to put into `aria-describedby` next to the error's. */
  ariaDescribedBy: string | undefined
  autoFocus: boolean
}

/**
 * The one field layout: label, hint, the control, its errors. Conform's `get…Props` add the hint's and
 * the error's ids to `aria-describedby` and set `aria-invalid` while the field has errors, so every
 * control announces both the same way.
 *
 * The focus goes to the first field in error. With JavaScript Conform moves it there; without, the
 * server's page marks each field in error `autofocus` and the browser focuses the first of them in
 * the page. Once hydrated the attribute stays off: React would focus a field it mounts with errors,
 * after Conform had chosen.
 */
function Field<Value>({
  meta,
  label,
  hint,
  ns,
  control,
}: FieldProps<Value> & { control: (field: FieldMetadata<Value>, props: ControlProps) => ReactNode }) {
  const [field] = useField<Value>(meta.name, { formId: meta.formId })
  const hydrated = useHydrated()
  const hintId = hint ? `${field.id}-hint` : undefined
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {control(field, { ariaDescribedBy: hintId, autoFocus: !hydrated && Boolean(field.errors?.length) })}
      <FieldErrors id={field.errorId} errors={field.errors} ns={ns} />
    </div>
  )
}

export function TextField<Value extends string | number | undefined = string>({
  type = 'text',
  autoComplete,
  ...props
}: FieldProps<Value> & { type?: 'text' | 'email' | 'password' | 'date' | 'number'; autoComplete?: string }) {
  return (
    <Field
      {...props}
      control={(field, { ariaDescribedBy, autoFocus }) => (
        <input
          {...getInputProps(field, { type, ariaDescribedBy })}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          key={field.key}
        />
      )}
    />
  )
}

export function FileField({ accept, ...props }: FieldProps<File> & { accept: string }) {
  return (
    <Field
      {...props}
      control={(field, { ariaDescribedBy, autoFocus }) => (
        <input {...getInputProps(field, { type: 'file', ariaDescribedBy })} accept={accept} autoFocus={autoFocus} />
      )}
    />
  )
}

export function SelectField({ children, ...props }: FieldProps & { children: ReactNode }) {
  return (
    <Field
      {...props}
      control={(field, { ariaDescribedBy, autoFocus }) => (
        <select {...getSelectProps(field, { ariaDescribedBy })} autoFocus={autoFocus} key={field.key}>
          {children}
        </select>
      )}
    />
  )
}

/** `maxLength` stops typing at the schema's limit (Conform does not read it from a Zod 4 schema). */
export function TextAreaField({ rows, maxLength, ...props }: FieldProps & { rows: number; maxLength?: number }) {
  return (
    <Field
      {...props}
      control={(field, { ariaDescribedBy, autoFocus }) => (
        <textarea
          {...getTextareaProps(field, { ariaDescribedBy })}
          autoFocus={autoFocus}
          rows={rows}
          maxLength={maxLength}
          key={field.key}
        />
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
