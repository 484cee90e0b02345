import { getPrisma } from '~/utils/db.server'
import { packageFiles, type QuizSnapshot } from './package-export'
import { publishedQuizSelect } from './published-quiz'

export interface ExportedPackage {
  slug: string
  /** Every file by its path inside the package (`course.yaml`, `modules/01-seals/en.md`, `media/x.svg`), sorted. */
  files: Map<string, Uint8Array>
}

/**
 * The course as a package (docs/content-format.md, ADR 026): what learners see now — the course row, its
 * current modules in their order with the published Markdown, quizzes with their current questions, the
 * final exam unless the course has none, every figure — never a draft. Null when no course has the slug.
 * One query (relation joins), so a publish landing meanwhile is either wholly in the package or not at all.
 */
export async function exportCoursePackage({ courseSlug }: { courseSlug: string }): Promise<ExportedPackage | null> {
  const course = await getPrisma().course.findUnique({
    where: { slug: courseSlug },
    relationLoadStrategy: 'join',
    select: {
      slug: true,
      version: true,
      category: true,
      title: true,
      summary: true,
      objectives: true,
      certificateValidityMonths: true,
      finalExamRule: true,
      glossary: true,
      jobAids: true,
      packageFiles: { select: { path: true, text: true } },
      media: { orderBy: { name: 'asc' }, select: { name: true, bytes: true } },
      modules: {
        where: { archivedAt: null },
        // The order the studio's module list and the reader use.
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { slug: 'asc' }],
        select: {
          slug: true,
          title: true,
          minutes: true,
          references: true,
          contents: { select: { locale: true, markdown: true } },
          quiz: { select: publishedQuizSelect },
        },
      },
      quizzes: { where: { kind: 'FINAL_EXAM' }, take: 1, select: publishedQuizSelect },
    },
  })
  if (!course) return null
  const { packageFiles: kept, media, modules, quizzes, ...row } = course
  const exam = quizzes[0]
  const files = packageFiles({
    course: row,
    // A course whose rule is `none` has no final-exam.yaml (the validator refuses one); otherwise the exam is
    // written even with no question yet, so its settings travel and the validator names what it lacks.
    finalExam: row.finalExamRule !== 'none' && exam ? exam : null,
    modules: modules.map(({ contents, quiz, ...module }) => ({
      ...module,
      bodies: Object.fromEntries(contents.map((content) => [content.locale, content.markdown])),
      // A quiz left without questions came from a package without quiz.yaml (the import archives them).
      quiz: quiz && quiz.questions.length > 0 ? (quiz satisfies QuizSnapshot) : null,
    })),
    media,
    kept: new Map(kept.map((file) => [file.path, file.text])),
  })
  return { slug: course.slug, files }
}
