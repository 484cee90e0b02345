/** Where a learner goes after passing a module's quiz: the final exam once it is open, else a module. */
export type NextStep = { kind: 'exam' } | { kind: 'module'; slug: string; title: unknown } | null

/**
 * The step after passing the quiz of module `current`: the final exam when every module is done and
 * the course has one; otherwise the next unfinished module after this one, or the first unfinished
 * one before it; null when nothing is left (a course without an exam, completed).
 */
export function nextStepAfterPass({
  modules,
  current,
  hasExam,
}: {
  modules: { slug: string; title: unknown; done: boolean }[]
  current: string
  hasExam: boolean
}): NextStep {
  const open = modules.filter((module) => !module.done && module.slug !== current)
  if (open.length === 0) return hasExam ? { kind: 'exam' } : null
  const here = modules.findIndex((module) => module.slug === current)
  const next = open.find((module) => modules.indexOf(module) > here) ?? open[0]!
  return { kind: 'module', slug: next.slug, title: next.title }
}
