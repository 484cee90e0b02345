import { useNavigation } from '@remix-run/react'
import { forwardRef, useEffect, useRef, useState, type ButtonHTMLAttributes } from 'react'

/** A small turning circle beside a label while its request runs; hidden from screen readers. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />
}

/**
 * Whether the submission Remix is running now was started by `button`: the page's last submit
 * came from it, and a submission (not a link's navigation) is in flight or loading its result.
 * Every submit in the document is watched, so a form stopped by validation and a later submit from
 * another button do not leave this one marked.
 */
export function useSubmitPending() {
  const button = useRef<HTMLButtonElement>(null)
  const [submittedHere, setSubmittedHere] = useState(false)
  const navigation = useNavigation()
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => setSubmittedHere(event.submitter === button.current)
    document.addEventListener('submit', onSubmit, true)
    return () => document.removeEventListener('submit', onSubmit, true)
  }, [])
  const pending = submittedHere && navigation.state !== 'idle' && navigation.formData !== undefined
  return { button, pending }
}

/**
 * A form's submit button that shows its request is on its way: disabled, so a second tap cannot post
 * twice, with a spinner and `aria-busy`. Without JavaScript it is a plain submit button.
 */
export function SubmitButton({
  className = 'button',
  children,
  disabled,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & { pendingLabel?: string }) {
  const { button, pending } = useSubmitPending()
  return (
    <PendingButton ref={button} pending={pending} className={className} disabled={disabled} {...props}>
      {children}
    </PendingButton>
  )
}

type PendingButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  pending: boolean
  /**
   * What the button says while its request runs ("Checking the file…"), for a request that takes
   * seconds. No status region of its own: pages keep one status for their result.
   */
  pendingLabel?: string
}

/** The look of a submit button whose request is running; `pending` comes from whoever runs it. */
export const PendingButton = forwardRef<HTMLButtonElement, PendingButtonProps>(function PendingButton(
  { pending, pendingLabel, className = 'button', children, disabled, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type="submit"
      className={pending ? `${className} button--pending` : className}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? <Spinner /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  )
})
