import { LOCALES } from '~/i18n/config'
import { readLocalizedList, readLocalizedText } from '~/i18n/localized'
import { writeAudit } from '~/modules/audit/audit.server'
import { examDrawProblems } from '~/modules/content/exam-draw'
import { getPrisma } from '~/utils/db.server'
import { COURSE_TARGET } from './courses.server'
import type { QuizProblem } from './errors'
import { lockEditableCourse } from './scope.server'

// "Publish the course" (issue 15, ADR 025): a course made in the studio reaches the catalogue once it
// is a course a package could hold (`courses:validate --strict`): its details, learning objectives
// included, in every language, at least one published module with its text in every language, and a
// final exam learners can take.

export type CoursePublishOutcome = 'published' | 'already-published' | 'not-found' | { problems: QuizProblem[] }

const problem = (message: string, params: Record<string, string | number> = {}): QuizProblem => ({
  question: null,
  field: '',
  message,
  params,
})

export async function publishCourse({
  courseSlug,
  userId,
}: {
  courseSlug: string
  userId: string
}): Promise<CoursePublishOutcome> {
  return getPrisma().$transaction(async (tx) => {
    const locked = await lockEditableCourse(tx, { courseSlug, userId })
    if (!locked) return 'not-found'
    const course = await tx.course.findUniqueOrThrow({
      where: { id: locked.id },
      select: {
        status: true,
        title: true,
        summary: true,
        objectives: true,
        finalExamRule: true,
        modules: {
          where: { archivedAt: null },
          orderBy: { position: 'asc' },
          select: { slug: true, title: true, contents: { select: { locale: true } } },
        },
        quizzes: {
          where: { kind: 'FINAL_EXAM' },
          select: {
            questionsPerAttempt: true,
            questionsPerModule: true,
            questions: { where: { archivedAt: null }, select: { definition: true } },
          },
        },
      },
    })
    if (course.status === 'PUBLISHED') return 'already-published'
    const problems = coursePublishProblems(course)
    if (problems.length > 0) return { problems }
    await tx.course.update({ where: { id: locked.id }, data: { status: 'PUBLISHED' } })
    await writeAudit(
      { actorId: userId, action: 'studio.course.published', targetType: COURSE_TARGET, targetId: locked.id },
      tx,
    )
    return 'published'
  })
}

interface CourseForPublish {
  title: unknown
  summary: unknown
  objectives: unknown
  finalExamRule: string
  modules: { slug: string; title: unknown; contents: { locale: string }[] }[]
  quizzes: { questionsPerAttempt: number; questionsPerModule: number | null; questions: { definition: unknown }[] }[]
}

/** What stops a draft course from being published, as the studio's problems (i18n keys of `studio`). */
export function coursePublishProblems(course: CourseForPublish): QuizProblem[] {
  const problems: QuizProblem[] = []
  for (const field of ['title', 'summary'] as const) {
    const texts = readLocalizedText(course[field])
    for (const locale of LOCALES)
      if (!texts[locale]?.trim()) problems.push(problem(`coursePublish.${field}Missing`, { language: locale }))
  }
  const objectives = readLocalizedList(course.objectives)
  for (const locale of LOCALES)
    if (!objectives[locale]?.length) problems.push(problem('coursePublish.objectivesMissing', { language: locale }))
  if (course.modules.length === 0) problems.push(problem('coursePublish.noModules'))
  for (const module of course.modules) {
    const title = readLocalizedText(module.title)
    const missing = LOCALES.filter(
      (locale) => !title[locale] || !module.contents.some((content) => content.locale === locale),
    )
    if (missing.length > 0)
      problems.push(problem('coursePublish.moduleMissing', { module: module.slug, languages: missing.join(', ') }))
  }
  if (course.finalExamRule === 'none') return problems
  const [exam] = course.quizzes
  const count = exam?.questions.length ?? 0
  if (!exam || count < exam.questionsPerAttempt)
    problems.push(problem('coursePublish.examNotReady', { count, needed: exam?.questionsPerAttempt ?? 1 }))
  else {
    const questions = exam.questions.map(({ definition }) => ({ module: (definition as { module?: string }).module }))
    for (const drawProblem of examDrawProblems(
      { ...exam, questions },
      course.modules.map((module) => module.slug),
    ))
      problems.push(problem(`quiz.problems.${drawProblem.code}`, drawProblem.params))
  }
  return problems
}
