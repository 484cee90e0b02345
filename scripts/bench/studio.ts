// The studio as one part of `npm run bench` (issue 14), on a database and server of its own:
// 1. Draft saves: BENCH_STUDIO_AUTHORS instructors (10), editors of the course, each saving one language of
//    one of its modules through the module editor's draft endpoint, as its script autosaves: the module's
//    text plus a sentence that changes every time, with the version the last answer returned, as fast as
//    the server answers. Compared with the bare route at the same concurrency, measured in the same run.
// 2. The learner's module page once the module has been published from the studio (its revisions date
//    the page and an out-of-date notice), against the same page imported only, measured just before.
import type autocannon from 'autocannon'
import type { Locale } from '~/i18n/config'
import type { Measurement, Scenario } from '../bench'
import { createScratchDatabase } from '../lib/scratch-database'
import type { MatrixContext } from './matrix'
import { positiveInt } from './options'
import { writeResults } from './report'
import { serverLabel } from './server'
import { withAppModules } from './spike-phase'
import type { StudioAuthor } from './studio-database'

const AUTHORS = positiveInt('BENCH_STUDIO_AUTHORS', 10)
const PUBLISHES = positiveInt('BENCH_STUDIO_PUBLISHES', 20)
const COURSE = 'cargo-container-control'
/** Published from the studio between the two measurements of its page. */
const PUBLISHED_MODULE = 'container-identification'
/** Reads the course in Russian, so the page of the published module tells that the English text changed. */
const READER = 'learner.ru@demo.test'
const SAVE_P95_GOAL_MS = 150
const PAGE_GOAL = 0.9
/** The notice the Russian page shows once the English text was published without the Russian (learning.json). */
const OUT_OF_DATE_NOTICE = 'Текст модуля на английском языке обновлён'

export interface StudioContext extends Omit<MatrixContext, 'signIn'> {
  /** Warm-up, then the measured autocannon run; `between` runs after the warm-up. */
  load(scenario: Scenario, headers: Record<string, string>, between?: () => Promise<void>): Promise<Measurement>
}

const editorPath = (moduleSlug: string) => `/en/studio/courses/${COURSE}/modules/${moduleSlug}`
const draftPath = (moduleSlug: string) => `${editorPath(moduleSlug)}/draft`

const SENTENCES: Record<Locale, (save: number) => string> = {
  en: (save) => `Editor's note ${save}: checked against the current guidance on container marking.`,
  ru: (save) => `Примечание редактора ${save}: сверено с действующими указаниями по маркировке контейнеров.`,
}

/** What the draft endpoint answers: the new version (200), or the version stored now with their text (409). */
type DraftAnswer = { version?: unknown; conflict?: { version?: unknown } } | null

/**
 * One author's autosave of one language of a module: the text as first opened plus a sentence that
 * changes with every save, sent with the version the last answer returned.
 */
class DraftWriter {
  version: number
  /** The draft's body as stored, and the one on its way. */
  markdown: string
  private sending = ''
  private saves = 0
  readonly problems = new Map<string, number>()

  constructor(
    readonly author: StudioAuthor,
    readonly baseUrl: string,
  ) {
    this.version = author.version
    this.markdown = author.markdown
  }

  get path() {
    return draftPath(this.author.moduleSlug)
  }

  get headers() {
    return {
      Origin: this.baseUrl,
      Cookie: `lms_session=${this.author.token}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    }
  }

  /** Save number `save`'s body text and form, as the editor's script posts it. */
  private form(save: number) {
    const { locale, title, markdown } = this.author
    const text = `${markdown}\n\n${SENTENCES[locale](save)}\n`
    return { text, body: new URLSearchParams({ locale, version: String(this.version), title, markdown: text }) }
  }

  /** The next save's form. */
  nextBody(): string {
    this.saves += 1
    const { text, body } = this.form(this.saves)
    this.sending = text
    return body.toString()
  }

  /** How large a save's form is, in KiB. */
  get formKiB() {
    return this.form(this.saves).body.toString().length / 1024
  }

  /** Takes the answer's version; returns what was wrong with the answer, if anything. */
  answered(status: number, body: string): string | null {
    let answer: DraftAnswer | null = null
    try {
      answer = JSON.parse(body) as DraftAnswer
    } catch {
      // reported below
    }
    if (status === 200 && typeof answer?.version === 'number') {
      this.version = answer.version
      this.markdown = this.sending
      return null
    }
    // A conflict carries the version stored now: taken, so one wrong save counts once, not with all that follow.
    if (status === 409 && typeof answer?.conflict?.version === 'number') this.version = answer.conflict.version
    return `HTTP ${status}${answer === null ? ', not JSON' : ''}`
  }

  /** One save outside the load, with fetch. */
  async save(): Promise<string | null> {
    const response = await fetch(`${this.baseUrl}${this.path}`, {
      method: 'POST',
      headers: this.headers,
      body: this.nextBody(),
      redirect: 'manual',
    })
    return this.answered(response.status, await response.text())
  }

  /**
   * Saves until an answer is 200. When a run ends, autocannon drops the saves still on their way, which
   * the server may store all the same; the first save after it is then answered 409 with the version
   * stored, and the next one goes through. Anything else fails the benchmark.
   */
  async catchUp() {
    const first = await this.save()
    if (first === null) return
    if (first !== 'HTTP 409' || (await this.save()) !== null)
      throw new Error(`${this.author.email}'s draft save answered ${first} outside the load`)
  }

  /** This author's connection: its saves, one after the other, for as long as the run lasts. */
  connect(client: autocannon.Client) {
    client.setRequests([
      {
        method: 'POST',
        path: this.path,
        headers: this.headers,
        setupRequest: (request) => ({ ...request, body: this.nextBody() }),
        onResponse: (status, body) => {
          const problem = this.answered(status, body)
          if (problem) this.problems.set(problem, (this.problems.get(problem) ?? 0) + 1)
        },
      },
    ])
  }
}

/**
 * Publishes the module from the studio `times` times, as its author does: the English text changed and
 * saved through the draft endpoint, then the editor's form posted with `intent=publish` and every
 * language's text and version. The Russian text stays as imported, so it is out of date against the English.
 */
async function publishFromStudio({ en, ru, times }: { en: DraftWriter; ru: DraftWriter; times: number }) {
  for (let publish = 1; publish <= times; publish += 1) {
    const saved = await en.save()
    if (saved !== null) throw new Error(`saving the English draft before publishing answered ${saved}`)
    const form = new URLSearchParams({ intent: 'publish' })
    for (const [locale, writer] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      form.set(`${locale}.title`, writer.author.title)
      form.set(`${locale}.markdown`, writer.markdown)
      form.set(`${locale}.version`, String(writer.version))
    }
    // `?index`, as Remix's <Form> posts to an index route.
    const response = await fetch(`${en.baseUrl}${editorPath(en.author.moduleSlug)}?index`, {
      method: 'POST',
      headers: { Origin: en.baseUrl, Cookie: `lms_session=${en.author.token}` },
      body: form,
      redirect: 'manual',
    })
    const location = response.headers.get('location') ?? ''
    if (response.status !== 302 || !location.includes(`published=${publish}`))
      throw new Error(`publishing answered ${response.status} ${location}, not revision ${publish}`)
  }
}

/** Every scenario at the authors' concurrency: the bare route's, which the others are compared with, too. */
function scenarios(writers: DraftWriter[]) {
  const connections = writers.length
  const bare: Scenario = { name: 'bare route', method: 'GET', path: '/healthz', expect: '"db":"ok"', connections }
  const page = (name: string, expect: string): Scenario => ({
    name,
    method: 'GET',
    path: `/ru/courses/${COURSE}/modules/${PUBLISHED_MODULE}`,
    user: READER,
    expect,
    connections,
  })
  const imported = page('module page (ru), imported only', 'CSQU3054383')
  const published: Scenario = {
    ...page(`module page (ru), published ${PUBLISHES}× from the studio`, OUT_OF_DATE_NOTICE),
    baseline: imported.name,
    goal: PAGE_GOAL,
  }
  let connected = 0
  const saves: Scenario = {
    name: `draft save, ${writers.length} authors`,
    method: 'POST',
    path: draftPath(':module'),
    expect: '"version"',
    connections,
    p95GoalMs: SAVE_P95_GOAL_MS,
    // Each run makes one connection per author, in order.
    setupClient: (client) => writers[connected++ % writers.length]!.connect(client),
  }
  return { bare, imported, published, saves }
}

export async function runStudio(context: StudioContext, loadBefore: number) {
  const { log } = context
  if (AUTHORS < 2)
    throw new Error('BENCH_STUDIO_AUTHORS must be at least 2: the published module is written in two languages')
  const database = await createScratchDatabase({ serverUrl: process.env.BENCH_DATABASE_URL, prefix: 'lms_bench' })
  context.defer(database.drop)
  log(`Studio: setting up ${AUTHORS} authors on ${database.label}…`)
  const authors = await withAppModules(
    database,
    () => import('./studio-database'),
    (studio) => studio.setUpStudio({ count: AUTHORS, courseSlug: COURSE, learner: READER }),
  )
  await context.startServer(database)
  const writers = authors.map((author) => new DraftWriter(author, context.baseUrl))
  const writerOf = (locale: Locale) =>
    writers.find((writer) => writer.author.moduleSlug === PUBLISHED_MODULE && writer.author.locale === locale)!
  const run = scenarios(writers)

  const measurements: Measurement[] = []
  measurements.push(await context.measure(run.bare))
  measurements.push(await context.measure(run.imported))
  log(`Studio: publishing ${PUBLISHED_MODULE} ${PUBLISHES} times from the studio…`)
  await publishFromStudio({ en: writerOf('en'), ru: writerOf('ru'), times: PUBLISHES })
  measurements.push(await context.measure(run.published))
  const catchUp = () => Promise.all(writers.map((writer) => writer.catchUp())).then(() => undefined)
  await catchUp() // every author's save goes through before the load…
  measurements.push(await context.load(run.saves, {}, catchUp))
  await catchUp() // …and after it

  const bodies = writers.map((writer) => writer.formKiB).sort((a, b) => a - b)
  const problems = new Map<string, number>()
  for (const writer of writers)
    for (const [problem, count] of writer.problems) problems.set(problem, (problems.get(problem) ?? 0) + count)
  const results = [
    context.report(measurements, serverLabel(database), loadBefore),
    '',
    `Draft saves: ${writers.length} instructors (\`author-01@bench.test\`…), each made an editor of \`${COURSE}\` ` +
      `by the demo instructor and saving one language of one of its modules (${writers.length} texts), ` +
      `\`POST ${draftPath(':module')}\` with \`locale\`, \`version\`, \`title\` and \`markdown\`: the shipped ` +
      `text plus a sentence that changes every save, ${bodies[0]!.toFixed(1)}–${bodies.at(-1)!.toFixed(1)} KiB ` +
      `URL-encoded, sent with the version the previous answer returned, the next save as soon as the answer is ` +
      `in${
        problems.size
          ? `; unexpected answers: ${[...problems].map(([problem, count]) => `${count}× ${problem}`).join(', ')}`
          : '; every one was answered 200 with the next version'
      }.`,
    '',
    `Module page: \`${PUBLISHED_MODULE}\` read in Russian by \`${READER}\` (enrolled), first imported only, then ` +
      `published ${PUBLISHES} times from the studio by its English author (a changed English text saved through ` +
      `the draft endpoint, then the editor's form posted with \`intent=publish\`), so the page reads its revisions ` +
      `and says when the English text was updated.`,
  ].join('\n')
  const title = `${context.engineTitle(database)}: studio`
  process.stdout.write(`\n### ${title}\n\n${results}\n\n`)
  const failed = measurements.filter((m) => m.errors > 0 || m.non2xx > 0)
  if (failed.length > 0) {
    for (const m of failed) log(`FAILED ${m.scenario.name}: ${m.errors} errors, status codes ${m.statusCodes}`)
    throw new Error('requests failed during the studio run; BENCHMARKS.md not updated')
  }
  writeResults(`${database.engine}-studio`, title, results)
  log('BENCHMARKS.md updated.')
}
