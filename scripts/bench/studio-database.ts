// The studio benchmark's set-up, run in the benchmark's own process with the app's own services while no
// server has the database open (PGlite allows one process per directory). Import it only through
// `withAppModules`: the app reads its configuration once, on first use.
import { LOCALES, type Locale } from '~/i18n/config'
import { hashPassword } from '~/modules/auth/password.server'
import { createSession } from '~/modules/auth/session.server'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { getModuleDraft } from '~/modules/studio/drafts.server'
import { addCourseEditor } from '~/modules/studio/editors.server'
import { DEMO_COURSE_EDITOR, DEMO_PASSWORD } from '~/setup/demo-data'
import { prepareDatabase } from '~/setup/startup.server'
import { getPrisma } from '~/utils/db.server'

/** One author and the text they write: one language of one module, as its editor first opens it. */
export interface StudioAuthor {
  email: string
  /** The `lms_session` cookie value. */
  token: string
  moduleSlug: string
  locale: Locale
  title: string
  markdown: string
  version: number
}

/**
 * What the server does on its first start (migrations, demo data, shipped courses), so it finds the
 * database ready; then `count` instructors, each made an editor of the course by the demo instructor (as
 * the course page's form does) and signed in, each given a language of a module of their own, and
 * `learner` enrolled in the course.
 */
export async function setUpStudio({
  count,
  courseSlug,
  learner,
}: {
  count: number
  courseSlug: string
  learner: string
}): Promise<StudioAuthor[]> {
  await prepareDatabase()
  const prisma = getPrisma()
  const course = await prisma.course.findUnique({
    where: { slug: courseSlug },
    select: {
      id: true,
      modules: { where: { archivedAt: null }, orderBy: { position: 'asc' }, select: { id: true, slug: true } },
    },
  })
  if (!course) throw new Error(`the shipped course ${courseSlug} was not imported`)
  const texts = course.modules.flatMap((module) => LOCALES.map((locale) => ({ module, locale })))
  if (texts.length < count) throw new Error(`${courseSlug} has ${texts.length} module texts for ${count} authors`)

  const [inviter, reader] = await Promise.all(
    [DEMO_COURSE_EDITOR, learner].map((email) =>
      prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
    ),
  )
  if (!(await enrolInCourse({ userId: reader!.id, courseId: course.id }))) throw new Error(`could not enrol ${learner}`)

  // Nobody signs in with the password: one hash for all.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const authors: StudioAuthor[] = []
  for (const [index, { module, locale }] of texts.slice(0, count).entries()) {
    const number = String(index + 1).padStart(2, '0')
    const email = `author-${number}@bench.test`
    const user = await prisma.user.create({
      data: { email, displayName: `Bench Author ${number}`, role: 'INSTRUCTOR', passwordHash },
      select: { id: true },
    })
    const added = await addCourseEditor({ actorId: inviter!.id, courseSlug, email })
    if (added !== 'added') throw new Error(`could not make ${email} an editor of ${courseSlug}: ${added}`)
    // The draft as the editor page's first opening creates it from the published text.
    const { title, markdown, version } = (await getModuleDraft({ moduleId: module.id })).texts[locale]
    const { token } = await createSession({ userId: user.id })
    authors.push({ email, token, moduleSlug: module.slug, locale, title, markdown, version })
  }
  return authors
}
