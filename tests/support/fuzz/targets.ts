// Every route of the app with real addresses to fuzz. The ids come from app/routes (Remix's flat
// routes: the file name is the id) and the extra ids app/routes.ts maps, so a new route without an
// address here fails the fuzz test instead of going unfuzzed.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import type { DemoIds } from './demo-ids'

export function appRouteIds(): string[] {
  const files = readdirSync('app/routes')
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => `routes/${name.replace(/\.tsx?$/, '')}`)
  const mapped = [...readFileSync('app/routes.ts', 'utf8').matchAll(/id: '(routes\/[^']+)'/g)].map((m) => m[1]!)
  return [...files, ...mapped]
}

/** Addresses per route id; `{lang}` is filled in with a language (or a wrong one) by the fuzzer. */
export function routeAddresses(ids: DemoIds): Record<string, string[]> {
  const course = `/{lang}/courses/${ids.course}`
  const modules = ids.modules.map((module) => `${course}/modules/${module}`)
  const officer = `/{lang}/manage/officers/${ids.officer}`
  const administration = `?administration=${ids.administration}`
  return {
    'routes/_index': ['/'],
    'routes/healthz': ['/healthz'],
    'routes/media.courses.$course.$name': [`/media/courses/${ids.course}/${ids.media}`],
    'routes/$lang': ['/{lang}'],
    'routes/$lang._index': ['/{lang}/'],
    'routes/$lang.$': ['/{lang}/no/such/page'],
    'routes/$lang.login': ['/{lang}/login', '/{lang}/login?redirectTo=/{lang}/me'],
    'routes/$lang.logout': ['/{lang}/logout'],
    'routes/$lang.account': ['/{lang}/account'],
    'routes/$lang.me': ['/{lang}/me'],
    'routes/$lang.courses._index': ['/{lang}/courses'],
    'routes/$lang.courses.$course._index': [course],
    'routes/$lang.courses.$course.glossary': [`${course}/glossary`, '/{lang}/courses/no-such-course/glossary'],
    'routes/$lang.courses.$course.job-aids.$aid': [
      '/{lang}/courses/cargo-container-control/job-aids/seal-check-and-log',
      `${course}/job-aids/no-such-sheet`,
    ],
    'routes/$lang.courses.$course.modules.$module': modules,
    'routes/$lang.courses.$course.modules.$module_.quiz': modules.map((module) => `${module}/quiz`),
    'routes/$lang.courses.$course.exam': [`${course}/exam`],
    'routes/$lang.attempts.$attempt._index': [`/{lang}/attempts/${ids.openAttempt}`],
    'routes/$lang.attempts.$attempt.answers': [`/{lang}/attempts/${ids.openAttempt}/answers`],
    'routes/$lang.attempts.$attempt.review': [`/{lang}/attempts/${ids.closedAttempt}/review`],
    'routes/$lang.certificates.$certificate.pdf': [`/{lang}/certificates/${ids.certificate}/pdf`],
    'routes/$lang.verify.$code': [`/{lang}/verify/${ids.verificationCode}`],
    'routes/verify.$code': [`/verify/${ids.verificationCode}`, `/verify/${ids.verificationCode}.json`],
    'routes/$lang.invitations.$token': ['/{lang}/invitations/not-a-real-token'],
    'routes/$lang.forgot-password': ['/{lang}/forgot-password'],
    'routes/$lang.reset-password.$token': ['/{lang}/reset-password/not-a-real-token'],
    'routes/$lang.admin.users': [
      '/{lang}/admin/users',
      '/{lang}/admin/users?q=demo&role=LEARNER&administration=none&status=invited&page=2',
    ],
    'routes/$lang.admin.users_.new': ['/{lang}/admin/users/new'],
    'routes/$lang.admin.certificates': [
      '/{lang}/admin/certificates',
      '/{lang}/admin/certificates?q=demo',
      '/{lang}/admin/certificates?q=0k4t-&course=no-such&page=2',
      `/{lang}/admin/certificates?revoke=${ids.certificate}`,
      '/{lang}/admin/certificates?revoke=no-such&revoked=no-such',
    ],
    'routes/$lang.verify._index': [
      '/{lang}/verify',
      '/{lang}/verify?code=',
      `/{lang}/verify?code=${ids.verificationCode.toLowerCase()}`,
    ],
    'routes/$lang.manage._index': ['/{lang}/manage', `/{lang}/manage${administration}`],
    'routes/$lang.manage.officers._index': [
      '/{lang}/manage/officers',
      `/{lang}/manage/officers${administration}&q=a&status=active`,
    ],
    'routes/$lang.manage.import': ['/{lang}/manage/import', `/{lang}/manage/import${administration}`],
    'routes/$lang.manage.import_.template[.]csv': [
      '/{lang}/manage/import/template.csv',
      `/{lang}/manage/import/template.csv${administration}`,
    ],
    'routes/$lang.manage.matrix': ['/{lang}/manage/matrix', `/{lang}/manage/matrix${administration}&sort=x`],
    'routes/$lang.manage.matrix_.export': [`/{lang}/manage/matrix/export${administration}&format=csv`],
    'routes/$lang.manage.reminders': [
      '/{lang}/manage/reminders',
      `/{lang}/manage/reminders${administration}&within=30`,
    ],
    'routes/$lang.manage.officers.$officer': [`${officer}${administration}`],
    'routes/$lang.manage.officers.$officer_.export': [`${officer}/export${administration}&format=xlsx`],
    'routes/$lang.studio._index': ['/{lang}/studio'],
    'routes/$lang.studio.courses.$course._index': [
      `/{lang}/studio/courses/${ids.course}`,
      '/{lang}/studio/courses/no-such',
    ],
    'routes/$lang.studio.courses.$course.modules.$module._index': [
      ...ids.modules.map((module) => `/{lang}/studio/courses/${ids.course}/modules/${module}`),
      `/{lang}/studio/courses/${ids.course}/modules/${ids.modules[0] ?? ''}?compare=no-such`,
      `/{lang}/studio/courses/${ids.course}/modules/no-such`,
    ],
    'routes/$lang.studio.courses.$course.modules.$module.draft': ids.modules.map(
      (module) => `/{lang}/studio/courses/${ids.course}/modules/${module}/draft`,
    ),
    'routes/$lang.studio.courses.$course.modules.$module.preview': [
      ...ids.modules.map((module) => `/{lang}/studio/courses/${ids.course}/modules/${module}/preview`),
      `/{lang}/studio/courses/${ids.course}/modules/no-such/preview`,
    ],
    'routes/$lang.studio.upload': ['/{lang}/studio/upload'],
    'routes/$lang.studio.courses.$course.media': [
      `/{lang}/studio/courses/${ids.course}/media`,
      '/{lang}/studio/courses/no-such/media',
    ],
    'routes/$lang.studio.courses.$course.modules.$module.quiz._index': [
      ...ids.modules.map((module) => `/{lang}/studio/courses/${ids.course}/modules/${module}/quiz`),
      `/{lang}/studio/courses/${ids.course}/modules/no-such/quiz`,
    ],
    'routes/$lang.studio.courses.$course.modules.$module.quiz.questions.$question': [
      `/{lang}/studio/courses/${ids.course}/modules/${ids.modules[0] ?? ''}/quiz/questions/new?type=matching`,
      `/{lang}/studio/courses/${ids.course}/modules/${ids.modules[0] ?? ''}/quiz/questions/new?type=no-such`,
      `/{lang}/studio/courses/${ids.course}/modules/${ids.modules[0] ?? ''}/quiz/questions/no-such`,
    ],
    'routes/$lang.studio.courses.$course.modules.$module.quiz.questions.$question_.preview': [
      `/{lang}/studio/courses/${ids.course}/modules/${ids.modules[0] ?? ''}/quiz/questions/no-such/preview`,
      // A shipped question of the fuzzed course (aeo), so the scoring of a previewed answer is fuzzed too.
      `/{lang}/studio/courses/${ids.course}/modules/${ids.modules[0] ?? ''}/quiz/questions/safe-pillars-partners/preview`,
    ],
    'routes/$lang.studio.courses.$course.exam.questions.$question_.preview': [
      `/{lang}/studio/courses/${ids.course}/exam/questions/no-such/preview`,
    ],
    'routes/$lang.studio.courses.$course.exam._index': [
      `/{lang}/studio/courses/${ids.course}/exam`,
      '/{lang}/studio/courses/no-such/exam',
    ],
    'routes/$lang.studio.courses.$course.exam.questions.$question': [
      `/{lang}/studio/courses/${ids.course}/exam/questions/new?type=single`,
      `/{lang}/studio/courses/${ids.course}/exam/questions/no-such`,
    ],
    'routes/$lang.studio.courses.$course.package[.]zip': [
      `/{lang}/studio/courses/${ids.course}/package.zip`,
      '/{lang}/studio/courses/no-such/package.zip',
    ],
    ...quizAnalysisAddresses(ids),
  }
}

/** The first question's slug in a quiz file of the shipped course; the studio's regrade pages name questions. */
function firstQuestion(file: string): string {
  return existsSync(file) ? (/slug:\s*(\S+)/.exec(readFileSync(file, 'utf8'))?.[1] ?? 'none') : 'none'
}

/** Statistics and regrading below a module's quiz and below the final exam (ADR 028). */
function quizAnalysisAddresses(ids: DemoIds): Record<string, string[]> {
  const module = ids.modules[0] ?? ''
  const folder = readdirSync(`courses/${ids.course}/modules`).find((name) => name.endsWith(`-${module}`)) ?? ''
  const moduleQuiz = `/{lang}/studio/courses/${ids.course}/modules/${module}/quiz`
  const exam = `/{lang}/studio/courses/${ids.course}/exam`
  const moduleQuestion = firstQuestion(`courses/${ids.course}/modules/${folder}/quiz.yaml`)
  const examQuestion = firstQuestion(`courses/${ids.course}/final-exam.yaml`)
  return {
    'routes/$lang.studio.courses.$course.exam_.statistics': [
      `${exam}/statistics`,
      '/{lang}/studio/courses/no-such/exam/statistics',
    ],
    'routes/$lang.studio.courses.$course.modules.$module.quiz_.statistics': [
      `${moduleQuiz}/statistics`,
      `/{lang}/studio/courses/${ids.course}/modules/no-such/quiz/statistics`,
    ],
    'routes/$lang.studio.courses.$course.exam_.questions.$question.regrade': [
      `${exam}/questions/${examQuestion}/regrade`,
      `${exam}/questions/${examQuestion}/regrade?done=no-such`,
      `${exam}/questions/no-such/regrade`,
    ],
    'routes/$lang.studio.courses.$course.modules.$module.quiz_.questions.$question.regrade': [
      `${moduleQuiz}/questions/${moduleQuestion}/regrade`,
      `${moduleQuiz}/questions/no-such/regrade`,
    ],
  }
}
