import { type SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, TextField, useValidatedForm } from '~/components/forms'
import { ScrollTable } from '~/components/data-table'
import { IntentButton } from '~/components/intent-button'
import { useLocale } from '~/i18n/use-locale'
import { AddEditorSchema } from '~/modules/studio/course.schema'
import { formatDate } from '~/utils/format'

interface Editor {
  id: string
  displayName: string
  email: string
  since: Date
}

/** A course's editors; admins (`canManage`) also get the remove buttons and the add form. */
export function StudioEditors({
  editors,
  canManage,
  lastResult,
}: {
  editors: Editor[]
  canManage: boolean
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const locale = useLocale()
  const { t } = useTranslation('studio')
  return (
    <section className="card" aria-labelledby="editors-title">
      <h2 id="editors-title">{t('editors.title')}</h2>
      <p className="hint">{t('editors.intro')}</p>
      {editors.length === 0 ? (
        <p>{t('editors.none')}</p>
      ) : (
        <ScrollTable
          caption={t('editors.caption')}
          captionHidden
          stackOnPhone
          columns={[
            t('editors.name'),
            t('editors.email'),
            t('editors.since'),
            ...(canManage ? [t('editors.actions')] : []),
          ]}
        >
          {editors.map((editor) => (
            <tr key={editor.id}>
              <th scope="row">{editor.displayName}</th>
              <td data-label={t('editors.email')}>{editor.email}</td>
              <td data-label={t('editors.since')}>{formatDate(editor.since, locale)}</td>
              {canManage ? (
                <td data-label={t('editors.actions')}>
                  <IntentButton
                    field="userId"
                    id={editor.id}
                    intent="remove-editor"
                    label={t('editors.remove')}
                    accessibleName={t('editors.removeLabel', { name: editor.displayName })}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </ScrollTable>
      )}
      {canManage ? <AddEditorForm lastResult={lastResult} /> : null}
    </section>
  )
}

function AddEditorForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('studio')
  const [form, fields] = useValidatedForm(AddEditorSchema, {
    id: 'add-editor',
    lastResult,
  })
  return (
    <>
      <h3>{t('editors.addTitle')}</h3>
      <ConformForm form={form} method="post" className="form">
        <input type="hidden" name="intent" value="add-editor" />
        <TextField meta={fields.email} label={t('editors.addEmail')} type="email" autoComplete="off" ns="studio" />
        <button type="submit" className="button">
          {t('editors.add')}
        </button>
      </ConformForm>
    </>
  )
}
