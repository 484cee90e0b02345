// Issue 15 and ADR 037: a course made in the studio from nothing — details with objectives, a module written
// in both languages, a final exam — publishes and downloads as a package the validator accepts, with advice
// on what only the shipped courses must have (references: the studio does not edit them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { createCourse } from '~/modules/studio/courses.server'
import { saveCourseDetails } from '~/modules/studio/course-details.server'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import { addModule } from '~/modules/studio/modules.server'
import { publishModule } from '~/modules/studio/revisions.server'
import * as coursePage from '~/routes/$lang.studio.courses.$course._index'
import * as examPage from '~/routes/$lang.studio.courses.$course.exam._index'
import * as examQuestion from '~/routes/$lang.studio.courses.$course.exam.questions.$question'
import { getPrisma } from '~/utils/db.server'
import { asAuthorsPackage, errors, exported, removeWrittenPackages } from '../support/exported-package'
import { callRoute } from '../support/studio-route'
import { createStudioUsers } from '../support/studio-users'

let users: Record<'editor', SessionUser>
beforeAll(async () => {
  users = await createStudioUsers('made', { editor: 'INSTRUCTOR' })
})
afterAll(removeWrittenPackages)

describe('a course made in the studio, complete', () => {
  const SLUG = 'made-complete'
  const OBJECTIVES = {
    en: ['Check a seal against the transit declaration.', 'Record a broken seal.'],
    ru: ['Сверять пломбу с транзитной декларацией.', 'Оформлять акт о нарушении пломбы.'],
  }

  /** The module's text in both languages, published. */
  async function writeModule(editor: string, moduleSlug: string) {
    const { id } = await getPrisma().module.findFirstOrThrow({ where: { slug: moduleSlug, course: { slug: SLUG } } })
    const draft = await getModuleDraft({ moduleId: id })
    for (const [locale, text] of [
      ['en', '## Learning objectives\n\nCheck a seal.\n'],
      ['ru', '## Цели обучения\n\nПроверять пломбу.\n'],
    ] as const)
      await saveModuleDraft({
        moduleId: id,
        locale,
        fields: { markdown: text },
        baseVersion: draft.texts[locale].version,
        userId: editor,
      })
    await publishModule({ moduleId: id, userId: editor })
  }

  it('with objectives, a module and an exam, publishes and downloads as a package the validator accepts', async () => {
    const editor = users.editor
    const details = {
      category: 'border-control' as const,
      title: { en: 'Seals in transit', ru: 'Пломбы при транзите' },
      summary: { en: 'Checking seals on transit cargo.', ru: 'Проверка пломб на транзитных грузах.' },
    }
    await createCourse({ actorId: editor.id, input: { intent: 'create', slug: SLUG, ...details, passMark: 70 } })
    const saved = await saveCourseDetails({
      userId: editor.id,
      courseSlug: SLUG,
      version: 0,
      input: { ...details, objectives: OBJECTIVES, passMark: 70 },
    })
    expect(saved).toBe('applied')
    const title = { en: 'Seals', ru: 'Пломбы' }
    const input = { intent: 'add-module' as const, slug: 'seals', title, minutes: 20 }
    expect(await addModule({ actorId: editor.id, courseSlug: SLUG, input })).toBe('added')
    await writeModule(editor.id, 'seals')

    const exam = `/en/studio/courses/${SLUG}/exam`
    const question = {
      intent: 'save',
      type: 'true-false',
      version: '0',
      slug: 'seal-number',
      points: '1',
      'prompt.en': 'The seal number must match the transit declaration.',
      'prompt.ru': 'Номер пломбы должен совпадать с указанным в транзитной декларации.',
      'explanation.en': 'A mismatch is a sign of tampering.',
      'explanation.ru': 'Несовпадение — признак вскрытия.',
      truth: 'true',
    }
    const added = await callRoute(examQuestion.action, editor, `${exam}/questions/new`, question)
    expect(added.status, added.body).toBe(302)
    const settings = { intent: 'settings', version: '0', questionsPerAttempt: '1', review: 'after-pass' }
    expect((await callRoute(examPage.action, editor, exam, settings)).status).toBe(302)
    const examPublished = await callRoute(examPage.action, editor, exam, { intent: 'publish' })
    expect(examPublished.status, examPublished.body).toBe(302)
    const coursePublished = await callRoute(coursePage.action, editor, `/en/studio/courses/${SLUG}`, {
      intent: 'publish-course',
    })
    expect(coursePublished.location, coursePublished.body).toContain('coursePublished=1')

    const result = await asAuthorsPackage(await exported(SLUG))
    expect(errors(result)).toEqual([])
    // What a shipped course needs besides is advice here: the studio does not edit references (ADR 037).
    expect(result.problems.map((problem) => problem.code)).toContain('referencesMissing')
    expect(result.pkg?.course.objectives).toEqual(OBJECTIVES)
    expect(result.pkg?.modules.map((m) => m.folder)).toEqual(['01-seals'])
    expect(result.pkg?.finalExam?.questions.map((q) => q.slug)).toEqual(['seal-number'])
  })
})
