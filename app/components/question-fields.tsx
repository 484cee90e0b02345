import { useTranslation } from 'react-i18next'
import type { PublicAnswer, PublicQuestion } from '~/modules/quiz/public-question'

/*
 * One question of an attempt as plain form controls — radios, checkboxes, selects and text inputs
 * inside a fieldset whose legend is the prompt — so it works without JavaScript, by keyboard and with
 * a screen reader; matching and ordering use selects, never drag and drop. Field names: answer-form.ts.
 */
export function QuestionFields({
  position,
  total,
  question,
  answer,
}: {
  position: number
  total: number
  question: PublicQuestion
  answer: PublicAnswer
}) {
  const { t } = useTranslation('learning')
  const name = `q${position}`
  const id = (suffix: string) => `${name}-${suffix}`
  return (
    <fieldset className="question card" aria-describedby={id('hint')}>
      <legend>
        <span className="question__number">{t('attempt.questionNumber', { number: position + 1, total })}</span>
        <span className="question__prompt">{question.prompt}</span>
      </legend>
      {question.type === 'single' || question.type === 'multiple' ? (
        <Choices
          name={name}
          multiple={question.type === 'multiple'}
          options={question.options}
          chosen={answer.choices ?? []}
          hintId={id('hint')}
        />
      ) : null}
      {question.type === 'true-false' ? (
        <Choices
          name={name}
          multiple={false}
          options={[
            { key: 'true', text: t('attempt.true') },
            { key: 'false', text: t('attempt.false') },
          ]}
          chosen={answer.value ? [answer.value] : []}
          hintId={id('hint')}
        />
      ) : null}
      {question.type === 'numeric' ? (
        <TextAnswer name={name} label={t('attempt.numberLabel')} value={answer.value} hintId={id('hint')} />
      ) : null}
      {question.type === 'container-check-digit' && question.body !== null ? (
        <>
          <p className="container-number" aria-label={question.body.split('').join(' ')}>
            {question.body}
            <span aria-hidden="true">□</span>
          </p>
          <TextAnswer name={name} label={t('attempt.digitLabel')} value={answer.value} hintId={id('hint')} digit />
        </>
      ) : null}
      {question.type === 'container-check-digit' && question.body === null ? (
        <Choices
          name={name}
          multiple={false}
          options={question.options}
          chosen={answer.choices ?? []}
          hintId={id('hint')}
          monospace
        />
      ) : null}
      {question.type === 'matching' ? (
        <>
          <p id={id('hint')} className="visually-hidden">
            {t('attempt.matchTo')}
          </p>
          <SelectPairs
            name={name}
            rows={question.left}
            choices={question.right.map((right) => ({ value: right.key, label: right.text }))}
            chosen={answer.pairs ?? {}}
          />
        </>
      ) : null}
      {question.type === 'ordering' ? (
        <>
          <p id={id('hint')}>{t('attempt.orderHint')}</p>
          <SelectPairs
            name={name}
            rows={question.items}
            choices={question.items.map((_, index) => ({ value: String(index + 1), label: String(index + 1) }))}
            chosen={answer.pairs ?? {}}
            rowLabel={(text) => `${t('attempt.place')}: ${text}`}
          />
        </>
      ) : null}
    </fieldset>
  )
}

/** One select per row (matching: the right-hand item; ordering: the place), each labelled by its row. */
function SelectPairs({
  name,
  rows,
  choices,
  chosen,
  rowLabel,
}: {
  name: string
  rows: { key: string; text: string }[]
  choices: { value: string; label: string }[]
  chosen: Record<string, string>
  rowLabel?: (text: string) => string
}) {
  const { t } = useTranslation('learning')
  return (
    <ul className="question__pairs">
      {rows.map((row) => (
        <li key={row.key}>
          <label htmlFor={`${name}-row-${row.key}`}>{row.text}</label>
          <select
            id={`${name}-row-${row.key}`}
            name={`${name}.${row.key}`}
            defaultValue={chosen[row.key] ?? ''}
            aria-label={rowLabel?.(row.text)}
          >
            <option value="">{t('attempt.choose')}</option>
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </li>
      ))}
    </ul>
  )
}

function Choices({
  name,
  multiple,
  options,
  chosen,
  hintId,
  monospace = false,
}: {
  name: string
  multiple: boolean
  options: { key: string; text: string }[]
  chosen: string[]
  hintId: string
  monospace?: boolean
}) {
  const { t } = useTranslation('learning')
  return (
    <>
      <p id={hintId} className="question__hint">
        {multiple ? t('attempt.chooseAny') : t('attempt.chooseOne')}
      </p>
      <ul className={monospace ? 'question__options container-number' : 'question__options'}>
        {options.map((option) => (
          <li key={option.key}>
            <label>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={option.key}
                defaultChecked={chosen.includes(option.key)}
              />{' '}
              {option.text}
            </label>
          </li>
        ))}
      </ul>
    </>
  )
}

function TextAnswer({
  name,
  label,
  value,
  hintId,
  digit = false,
}: {
  name: string
  label: string
  value: string | undefined
  hintId: string
  digit?: boolean
}) {
  return (
    <p className="field">
      <label htmlFor={`${name}-value`} id={hintId}>
        {label}
      </label>
      <input
        id={`${name}-value`}
        name={name}
        type="text"
        inputMode={digit ? 'numeric' : 'decimal'}
        autoComplete="off"
        maxLength={digit ? 1 : 30}
        pattern={digit ? '[0-9]' : undefined}
        defaultValue={value ?? ''}
      />
    </p>
  )
}
