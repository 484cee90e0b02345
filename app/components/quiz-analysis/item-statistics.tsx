import { useTranslation } from 'react-i18next'
import { ScrollTable } from '~/components/data-table'
import { useLocale } from '~/i18n/use-locale'
import {
  BAND_SHARE,
  DISCRIMINATION_LOW,
  FACILITY_HIGH,
  FACILITY_LOW,
  MIN_ATTEMPTS_TO_JUDGE,
  type ItemFlag,
} from '~/modules/quiz/item-statistics'
import { formatNumber, formatScore } from '~/utils/format'

interface QuestionRow {
  slug: string
  type: string
  points: number
  prompt: string
  retired: boolean
  drawn: number
  facility: number | null
  discrimination: number | null
  bandSize: number
  flags: ItemFlag[]
  options: { id: string; text: string; correct: boolean; picks: number }[] | null
}

/** An index to two decimals, as item analysis reports give them. */
const index = (value: number, locale: string) => formatNumber(Math.round(value * 100) / 100, locale)

/** What the numbers mean, above them: authors are not all psychometricians. */
export function ItemGlossary() {
  const { t } = useTranslation('quiz-analysis')
  const locale = useLocale()
  return (
    <section className="card" aria-labelledby="item-glossary">
      <h2 id="item-glossary">{t('statistics.glossaryTitle')}</h2>
      <dl>
        <dt>{t('statistics.attemptsTerm')}</dt>
        <dd>{t('statistics.attemptsMeaning')}</dd>
        <dt>{t('statistics.facilityTerm')}</dt>
        <dd>
          {t('statistics.facilityMeaning', { high: index(FACILITY_HIGH, locale), low: index(FACILITY_LOW, locale) })}
        </dd>
        <dt>{t('statistics.discriminationTerm')}</dt>
        <dd>
          {t('statistics.discriminationMeaning', {
            share: Math.round(BAND_SHARE * 100),
            low: index(DISCRIMINATION_LOW, locale),
          })}
        </dd>
        <dt>{t('statistics.optionsTerm')}</dt>
        <dd>{t('statistics.optionsMeaning')}</dd>
      </dl>
      <p>{t('statistics.judgedFrom', { count: MIN_ATTEMPTS_TO_JUDGE })}</p>
    </section>
  )
}

export function QuestionStatistics({ question }: { question: QuestionRow }) {
  const { t } = useTranslation('quiz-analysis')
  const locale = useLocale()
  const missing = t('statistics.notAvailable')
  return (
    <li className="card" data-question={question.slug}>
      <h2>
        {t('statistics.slug', { slug: question.slug })}
        {question.retired ? ` (${t('statistics.retired')})` : null}
      </h2>
      <p>{question.prompt}</p>
      <p className="facts">
        <span>{t(`statistics.type.${question.type}`, { defaultValue: question.type })}</span>
        <span>{t('statistics.points', { count: question.points })}</span>
      </p>
      <ul>
        <li>{t('statistics.drawn', { count: question.drawn })}</li>
        <li>
          {t('statistics.facility', {
            value: question.facility === null ? missing : index(question.facility, locale),
          })}
        </li>
        <li>
          {t('statistics.discrimination', {
            value: question.discrimination === null ? missing : index(question.discrimination, locale),
            size: question.bandSize,
          })}
        </li>
      </ul>
      {question.drawn > 0 && question.drawn < MIN_ATTEMPTS_TO_JUDGE ? <p>{t('statistics.fewAttempts')}</p> : null}
      {question.flags.length > 0 ? (
        <div className="notice">
          <p>{t('statistics.flagsTitle')}</p>
          <ul>
            {question.flags.map((flag) => (
              <li key={flag} data-flag={flag}>
                {t(`statistics.flag.${flag}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {question.options ? <OptionPicks slug={question.slug} drawn={question.drawn} options={question.options} /> : null}
    </li>
  )
}

function OptionPicks({
  slug,
  drawn,
  options,
}: {
  slug: string
  drawn: number
  options: NonNullable<QuestionRow['options']>
}) {
  const { t } = useTranslation('quiz-analysis')
  const locale = useLocale()
  return (
    <ScrollTable
      caption={t('statistics.optionsCaption', { slug })}
      columns={[t('statistics.option'), t('statistics.key'), t('statistics.picks')]}
    >
      {options.map((option) => (
        <tr key={option.id} data-option={option.id}>
          <th scope="row">{option.text}</th>
          <td>{option.correct ? t('statistics.correct') : null}</td>
          <td>
            {t('statistics.picksValue', {
              count: option.picks,
              share: drawn === 0 ? 0 : formatScore((option.picks * 100) / drawn, locale),
            })}
          </td>
        </tr>
      ))}
    </ScrollTable>
  )
}
