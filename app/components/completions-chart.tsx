import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { AxisBottom, AxisLeft, type TickRendererProps } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { BarStack } from '@visx/shape'
import { describeCompletions, type CompletionChart } from '~/modules/manage/completions'
import { ScrollTable } from './data-table'

/**
 * Okabe–Ito colours that keep 3:1 against white (blue 5.2, vermillion 3.9, bluish green 3.4, reddish
 * purple 3.1, black): orange, sky blue and yellow fall below it. A sixth course repeats a colour; the
 * legend order and the table still tell them apart.
 */
export const CHART_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000'] as const
const colour = (index: number) => CHART_COLOURS[index % CHART_COLOURS.length]!

// Drawn for a phone's width (a viewBox scales it to the page): text stays readable at 360 px.
const WIDTH = 360
const HEIGHT = 240
const MARGIN = { top: 28, right: 8, bottom: 48, left: 36 }
const PLOT = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom }

type Month = CompletionChart['months'][number]

/** Completions per month, stacked by course, with a legend and the same numbers as a table. */
export function CompletionsChart({ chart }: { chart: CompletionChart }) {
  const { t } = useTranslation('manage')
  const id = useId()
  const summary = describeCompletions({ chart, t })
  return (
    <section aria-labelledby={`${id}-heading`} className="completions">
      <h2 id={`${id}-heading`}>{t('chart.title')}</h2>
      <p className="hint">{t('chart.hint')}</p>
      {chart.total === 0 ? (
        <p className="completions__empty">{summary}</p>
      ) : (
        <>
          <figure className="chart">
            <CompletionsSvg chart={chart} summary={summary} id={id} />
            <ul className="chart__legend" aria-label={t('chart.legend')}>
              {chart.courses.map((course, index) => (
                <li key={course.slug}>
                  <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
                    <rect width="14" height="14" fill={colour(index)} />
                  </svg>
                  {course.title}
                </li>
              ))}
            </ul>
          </figure>
          <CompletionsTable chart={chart} />
        </>
      )}
    </section>
  )
}

function CompletionsSvg({ chart, summary, id }: { chart: CompletionChart; summary: string; id: string }) {
  const { t } = useTranslation('manage')
  const xScale = scaleBand<string>({ domain: chart.months.map((m) => m.key), range: [0, PLOT.width], padding: 0.2 })
  const most = Math.max(...chart.months.map((m) => m.total))
  const yScale = scaleLinear<number>({ domain: [0, most], range: [PLOT.height, 0], nice: true })
  const yTicks = yScale.ticks(4).filter(Number.isInteger)
  const byKey = new Map(chart.months.map((month) => [month.key, month]))
  const slugs = chart.courses.map((course) => course.slug)
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart__svg"
    >
      <title id={`${id}-title`}>{t('chart.title')}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <text x={0} y={12} className="chart__axis-label">
        {t('chart.axisCount')}
      </text>
      <text x={MARGIN.left + PLOT.width / 2} y={HEIGHT - 4} textAnchor="middle" className="chart__axis-label">
        {t('chart.axisMonth')}
      </text>
      <Group left={MARGIN.left} top={MARGIN.top}>
        {yTicks.map((tick) => (
          <line key={tick} x1={0} x2={PLOT.width} y1={yScale(tick)} y2={yScale(tick)} className="chart__grid" />
        ))}
        <BarStack<Month, string>
          data={chart.months}
          keys={slugs}
          value={(month, slug) => month.counts[slugs.indexOf(slug)] ?? 0}
          x={(month) => month.key}
          xScale={xScale}
          yScale={yScale}
          color={(slug) => colour(slugs.indexOf(slug))}
        >
          {(stacks) =>
            stacks.flatMap((stack) =>
              stack.bars
                .filter((bar) => bar.height > 0)
                .map((bar) => (
                  <rect
                    key={`${stack.key} ${bar.index}`}
                    x={bar.x}
                    y={bar.y}
                    width={bar.width}
                    height={bar.height}
                    fill={bar.color}
                    className="chart__bar"
                    data-course={stack.key}
                    data-month={bar.bar.data.key}
                  >
                    <title>
                      {t('chart.bar', {
                        course: chart.courses[stack.index]!.title,
                        month: bar.bar.data.label,
                        value: bar.bar[1] - bar.bar[0],
                      })}
                    </title>
                  </rect>
                )),
            )
          }
        </BarStack>
        <AxisLeft
          scale={yScale}
          tickValues={yTicks}
          tickFormat={(value) => String(value)}
          tickComponent={CountTick}
          {...axisStyle}
        />
        <AxisBottom
          scale={xScale}
          top={PLOT.height}
          tickComponent={({ x, y, formattedValue }) => (
            <MonthTick
              x={x}
              y={y}
              month={byKey.get(formattedValue ?? '')}
              first={formattedValue === chart.months[0]?.key}
            />
          )}
          {...axisStyle}
        />
      </Group>
    </svg>
  )
}

const axisStyle = {
  stroke: 'currentColor',
  tickStroke: 'currentColor',
  tickLength: 4,
  // visx writes Arial into every label otherwise; the page's font has the Cyrillic glyphs.
  tickLabelProps: { fill: 'currentColor', fontSize: 11, fontFamily: 'inherit' },
}

/**
 * A count beside the vertical axis. visx's own label wraps the text in an `<svg style="overflow:
 * visible">`, an inline style the Content-Security-Policy blocks; a plain `<text>` needs none.
 */
function CountTick({ x, y, formattedValue }: TickRendererProps) {
  return (
    <text x={x} y={y} dx="-0.25em" dy="0.33em" textAnchor="end" fontSize={11} fill="currentColor">
      {formattedValue}
    </text>
  )
}

/** The month's short name; the year beneath the first month and every January. */
function MonthTick({ x, y, month, first }: { x: number; y: number; month: Month | undefined; first: boolean }) {
  if (!month) return null
  const january = month.key.endsWith('-01')
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={11} fill="currentColor">
      <tspan x={x} dy="0.3em">
        {month.short}
      </tspan>
      {first || january ? (
        <tspan x={x} dy="1.2em">
          {month.year}
        </tspan>
      ) : null}
    </text>
  )
}

function CompletionsTable({ chart }: { chart: CompletionChart }) {
  const { t } = useTranslation('manage')
  return (
    <details className="chart__data">
      <summary>{t('chart.showTable')}</summary>
      <ScrollTable
        caption={t('chart.tableCaption')}
        columns={[t('chart.month'), ...chart.courses.map((course) => course.title), t('chart.total')]}
        footer={
          <tr>
            <th scope="row">{t('chart.total')}</th>
            {chart.courses.map((course) => (
              <td key={course.slug}>{course.total}</td>
            ))}
            <td>{chart.total}</td>
          </tr>
        }
      >
        {chart.months.map((month) => (
          <tr key={month.key} data-month={month.key}>
            <th scope="row">{month.label}</th>
            {month.counts.map((count, index) => (
              <td key={chart.courses[index]!.slug}>{count}</td>
            ))}
            <td>{month.total}</td>
          </tr>
        ))}
      </ScrollTable>
    </details>
  )
}
