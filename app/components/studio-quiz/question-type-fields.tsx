import { getInputProps, type useForm, type FieldMetadata, type FormMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '~/components/forms'
import { PARTS_LIMIT } from '~/modules/studio/question.schema'

// The parts of a question that depend on its type (ADR 025), for the question editor: options with their
// "correct" boxes, the true/false answer, the number and tolerance, pairs, items in order, the generated task.

type Form = FormMetadata<Record<string, unknown>, string[]>

export type TextFieldsRender = (
  meta: FieldMetadata<unknown>,
  label: string,
  path: string,
  multiline: boolean,
) => ReactNode

/** The parts of each type: options with their keys, the true/false answer, the number, pairs, items. */
export function TypeFields({
  form,
  fields,
  type,
  textFields,
  canEdit,
}: {
  form: Form
  fields: ReturnType<typeof useForm<Record<string, unknown>>>[1]
  type: string
  textFields: TextFieldsRender
  canEdit: boolean
}) {
  const { t } = useTranslation('studio')
  switch (type) {
    case 'single':
    case 'multiple':
      return (
        <PartList
          form={form}
          meta={fields.options!}
          legend={t('question.options')}
          hint={t(`question.optionsHint.${type}`)}
          canEdit={canEdit}
          blank={{ text: {} }}
        >
          {(part, index) => {
            const option = part.getFieldset() as Record<string, FieldMetadata<unknown>>
            const id = String(option.id?.initialValue ?? '')
            return (
              <>
                <input
                  {...getInputProps(option.id as FieldMetadata<string>, { type: 'hidden' })}
                  key={option.id!.key}
                />
                {textFields(option.text!, t('question.option', { number: index + 1 }), `options.${id}`, false)}
                <div className="field field--checkbox">
                  <input
                    {...getInputProps(option.correct as FieldMetadata<string>, { type: 'checkbox' })}
                    key={option.correct!.key}
                  />
                  <label htmlFor={option.correct!.id}>{t('question.correct', { number: index + 1 })}</label>
                </div>
              </>
            )
          }}
        </PartList>
      )
    case 'true-false':
      return <TruthField meta={fields.truth as FieldMetadata<string>} />
    case 'numeric':
      return (
        <>
          <TextField
            meta={fields.answer as FieldMetadata<string>}
            type="number"
            label={t('question.answer')}
            ns="studio"
          />
          <TextField
            meta={fields.tolerance as FieldMetadata<string>}
            type="number"
            label={t('question.tolerance')}
            hint={t('question.toleranceHint')}
            ns="studio"
          />
        </>
      )
    case 'matching':
      return (
        <PartList
          form={form}
          meta={fields.pairs!}
          legend={t('question.pairs')}
          hint={t('question.pairsHint')}
          canEdit={canEdit}
          blank={{}}
        >
          {(part, index) => {
            const pair = part.getFieldset() as Record<string, FieldMetadata<unknown>>
            const id = String(pair.id?.initialValue ?? '')
            return (
              <>
                <input {...getInputProps(pair.id as FieldMetadata<string>, { type: 'hidden' })} key={pair.id!.key} />
                {textFields(pair.left!, t('question.pairLeft', { number: index + 1 }), `pairs.${id}.left`, false)}
                {textFields(pair.right!, t('question.pairRight', { number: index + 1 }), `pairs.${id}.right`, false)}
              </>
            )
          }}
        </PartList>
      )
    case 'ordering':
      return (
        <PartList
          form={form}
          meta={fields.items!}
          legend={t('question.items')}
          hint={t('question.itemsHint')}
          canEdit={canEdit}
          blank={{ text: {} }}
          reorder
        >
          {(part, index) => {
            const item = part.getFieldset() as Record<string, FieldMetadata<unknown>>
            const id = String(item.id?.initialValue ?? '')
            return (
              <>
                <input {...getInputProps(item.id as FieldMetadata<string>, { type: 'hidden' })} key={item.id!.key} />
                {textFields(item.text!, t('question.item', { number: index + 1 }), `items.${id}`, false)}
              </>
            )
          }}
        </PartList>
      )
    case 'container-check-digit':
      return (
        <>
          <SelectField meta={fields.task as FieldMetadata<string>} label={t('question.task')} ns="studio">
            <option value="compute">{t('question.taskCompute')}</option>
            <option value="spot-wrong">{t('question.taskSpotWrong')}</option>
          </SelectField>
          <TextField
            meta={fields.choices as FieldMetadata<string>}
            type="number"
            label={t('question.choices')}
            hint={t('question.choicesHint')}
            ns="studio"
          />
        </>
      )
    default:
      return null
  }
}

/** A list of parts with add, remove and (for ordering) move buttons: Conform's list intents, plain submits. */
function PartList({
  form,
  meta,
  legend,
  hint,
  canEdit,
  blank,
  reorder = false,
  children,
}: {
  form: Form
  meta: FieldMetadata<unknown>
  legend: string
  hint: string
  canEdit: boolean
  blank: Record<string, unknown>
  reorder?: boolean
  children: (part: FieldMetadata<Record<string, unknown>>, index: number) => ReactNode
}) {
  const { t } = useTranslation('studio')
  const list = (meta as FieldMetadata<Record<string, unknown>[]>).getFieldList()
  const name = meta.name
  return (
    <fieldset className="question-parts" aria-describedby={`${meta.id}-hint ${meta.errorId}`}>
      <legend>{legend}</legend>
      <p id={`${meta.id}-hint`} className="hint">
        {hint}
      </p>
      {meta.errors?.length ? (
        <p id={meta.errorId} className="field-error" role="alert">
          {meta.errors.map((key) => t(key)).join(' ')}
        </p>
      ) : null}
      <ol className="question-parts__list">
        {list.map((part, index) => (
          <li key={part.key} className="question-part">
            {children(part, index)}
            {canEdit ? (
              <div className="button-row">
                {reorder && index > 0 ? (
                  <button
                    className="button button--secondary"
                    {...form.reorder.getButtonProps({ name, from: index, to: index - 1 })}
                  >
                    {t('question.partUp', { number: index + 1 })}
                  </button>
                ) : null}
                {reorder && index < list.length - 1 ? (
                  <button
                    className="button button--secondary"
                    {...form.reorder.getButtonProps({ name, from: index, to: index + 1 })}
                  >
                    {t('question.partDown', { number: index + 1 })}
                  </button>
                ) : null}
                <button className="button button--secondary" {...form.remove.getButtonProps({ name, index })}>
                  {t('question.removePart', { number: index + 1 })}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit && list.length < PARTS_LIMIT ? (
        <button
          className="button button--secondary"
          {...form.insert.getButtonProps({ name, defaultValue: blank as never })}
        >
          {t('question.addPart')}
        </button>
      ) : null}
    </fieldset>
  )
}

function TruthField({ meta }: { meta: FieldMetadata<string> }) {
  const { t } = useTranslation('studio')
  return (
    <fieldset className="question-parts" aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
      <legend>{t('question.truth')}</legend>
      {(['true', 'false'] as const).map((value) => (
        <div className="field field--checkbox" key={value}>
          <input
            type="radio"
            id={`${meta.id}-${value}`}
            name={meta.name}
            value={value}
            defaultChecked={meta.initialValue === value}
            key={`${meta.key}-${value}`}
          />
          <label htmlFor={`${meta.id}-${value}`}>{t(`question.truthValue.${value}`)}</label>
        </div>
      ))}
      {meta.errors?.length ? (
        <p id={meta.errorId} className="field-error">
          {meta.errors.map((key) => t(key)).join(' ')}
        </p>
      ) : null}
    </fieldset>
  )
}
