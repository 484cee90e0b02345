import { Form } from '@remix-run/react'
import { SubmitButton } from './submit-button'

/**
 * A one-button POST form on a list row (deactivate, send a new link…): the row's id as a hidden field,
 * the action as the button's `intent`, and an accessible name that says which row it acts on.
 */
export function IntentButton({
  field,
  id,
  intent,
  label,
  accessibleName,
}: {
  field: string
  id: string
  intent: string
  label: string
  accessibleName: string
}) {
  return (
    <Form method="post">
      <input type="hidden" name={field} value={id} />
      <SubmitButton name="intent" value={intent} className="button button--secondary" aria-label={accessibleName}>
        {label}
      </SubmitButton>
    </Form>
  )
}
