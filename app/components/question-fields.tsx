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
          <ul className="question__pairs">
            {question.left.map((left) => (
              <li key={left.key}>
                <label htmlFor={id(`left-${left.key}`)}>{left.text}</label>
                <select
                  id={id(`left-${left.key}`)}
                  name={`${name}.${left.key}`}
                  defaultValue={answer.pairs?.[left.key] ?? ''}
                >
                  <option value="">{t('attempt.choose')}</option>
                  {question.right.map((right) => (
                    <option key={right.key} value={right.key}>
                      {right.text}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {question.type === 'ordering' ? (
        <>
          <p id={id('hint')}>{t('attempt.orderHint')}</p>
          <ul className="question__pairs">
            {question.items.map((item) => (
              <li key={item.key}>
                <label htmlFor={id(`item-${item.key}`)}>{item.text}</label>
                <select
                  id={id(`item-${item.key}`)}
                  name={`${name}.${item.key}`}
                  defaultValue={answer.pairs?.[item.key] ?? ''}
                  aria-label={`${t('attempt.place')}: ${item.text}`}
                >
                  <option value="">{t('attempt.choose')}</option>
                  {question.items.map((_, index) => (
                    <option key={index} value={String(index + 1)}>
                      {index + 1}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
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
