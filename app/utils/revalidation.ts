import type { ShouldRevalidateFunctionArgs } from '@remix-run/react'

/**
 * A background save (the attempt page's autosave) changes nothing that a loader shows: the page
 * already holds what the learner typed. Without this, every autosave would reload the whole page's
 * data, the attempt with all its questions included.
 */
export function skipAfterBackgroundSave({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get('autosave') === '1' ? false : defaultShouldRevalidate
}
