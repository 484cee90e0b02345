// One Lighthouse run of one page: the default (mobile) configuration — a Moto G Power-sized screen,
// simulated slow 4G and a 4× slower CPU — in a headless Chromium of its own. A browser shared between
// runs keeps the cookies the pages set (Lighthouse clears storage but not cookies), and a cookie in its
// jar for the origin replaces the session cookie we pass in the extra headers: the signed-in pages
// were then audited as the login page they redirected to.
import lighthouse, { type Result } from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]

/** Issue 16's goals: performance ≥ 98, the other three 100. */
export const GOALS: Record<Category, number> = {
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
}

export interface Scores {
  categories: Record<Category, number>
  /** Total blocking time, ms (Lighthouse's simulated value). */
  tbt: number
  /** Main-thread work, ms, with the 4× CPU slowdown applied. */
  mainThread: number
  /** Bytes of script transferred. */
  scriptBytes: number
  /**
   * Lighthouse's measure of the test machine's CPU (`environment.benchmarkIndex`, higher is faster). The 4×
   * slowdown multiplies what this CPU took, so runs on machines of different speed are not comparable.
   */
  cpuIndex: number
  /** Audits below a full score in the four categories, for the report: id and title. */
  failing: { id: string; title: string; category: Category; detail: string }[]
}

function launchChromium() {
  return chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  })
}

/** Insights that describe the page's load rather than pass or fail it. */
const DIAGRAMS = new Set(['network-dependency-tree-insight', 'lcp-breakdown-insight'])

/** A few words on why an audit failed: its display value, or the first items it lists. */
function describe(audit: Result['audits'][string]): string {
  if (audit.displayValue) return audit.displayValue
  const details = audit.details as { items?: unknown } | undefined
  const first = Array.isArray(details?.items) ? (details.items[0] as Record<string, unknown> | undefined) : undefined
  if (!first) return ''
  const node = first.node as { snippet?: string } | undefined
  const text = node?.snippet ?? first.url ?? first.source ?? first.description ?? ''
  return String(typeof text === 'object' ? JSON.stringify(text) : text).slice(0, 120)
}

async function run(url: string, cookie: string | undefined): Promise<Result> {
  const chrome = await launchChromium()
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    return result.lhr
  } finally {
    chrome.kill()
  }
}

export async function audit(url: string, cookie: string | undefined): Promise<{ scores: Scores; lhr: Result }> {
  const lhr = await run(url, cookie)
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`)
  // A page that redirected elsewhere (an expired session: the login page) must not be scored in its place.
  if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}`)
  const categories = {} as Record<Category, number>
  const failing: Scores['failing'] = []
  for (const category of CATEGORIES) {
    const found = lhr.categories[category]
    if (!found || found.score === null) throw new Error(`${url}: no ${category} score`)
    categories[category] = Math.round(found.score * 100)
    for (const ref of found.auditRefs) {
      const item = lhr.audits[ref.id]
      // Performance metrics are the score itself, and hidden ones (TTI) count for nothing; diagrams such as
      // the network dependency tree "fail" on every page. List the opportunities and checks that failed.
      if (!item || item.score === null || item.score >= 0.9) continue
      if (ref.group === 'metrics' || ref.group === 'hidden' || DIAGRAMS.has(item.id)) continue
      if (item.scoreDisplayMode === 'informative' || item.scoreDisplayMode === 'manual') continue
      failing.push({ id: item.id, title: item.title, category, detail: describe(item) })
    }
  }
  const resourceSummary = lhr.audits['resource-summary']?.details as
    { items?: { resourceType: string; transferSize: number }[] } | undefined
  return {
    lhr,
    scores: {
      categories,
      tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      mainThread: lhr.audits['mainthread-work-breakdown']?.numericValue ?? NaN,
      scriptBytes: resourceSummary?.items?.find((item) => item.resourceType === 'script')?.transferSize ?? NaN,
      cpuIndex: lhr.environment.benchmarkIndex,
      failing,
    },
  }
}

export const meetsGoals = (scores: Scores) =>
  CATEGORIES.every((category) => scores.categories[category] >= GOALS[category])
