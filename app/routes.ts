import { flatRoutes } from '@remix-run/fs-routes'
import { route, type RouteConfig, type RouteConfigEntry } from '@remix-run/route-config'

/*
 * Routes come from the files in app/routes (Remix's flat-route convention), plus the pages that are
 * served at two addresses: one route module each, mapped here under a second route id.
 */
const LANGUAGE_LAYOUT = 'routes/$lang'

const samePageElsewhere = {
  // The address printed on certificates (QR code) has no language: shown in the visitor's language
  // (cookie, then browser). The same page under /:lang/verify/:code is what the language switch leads to.
  root: [route('verify/:code', 'routes/$lang.verify.$code.tsx', { id: 'routes/verify.$code' })],
  // A module's quiz and a course's final exam differ only in where the quiz hangs.
  [LANGUAGE_LAYOUT]: [
    route('courses/:course/modules/:module/quiz', 'routes/$lang.courses.$course.exam.tsx', {
      id: 'routes/$lang.courses.$course.modules.$module_.quiz',
    }),
    // The studio's quiz pages (ADR 025) and those below a quiz (ADR 028): a module's quiz as the final exam.
    route('studio/courses/:course/modules/:module/quiz', 'routes/$lang.studio.courses.$course.exam._index.tsx', {
      id: 'routes/$lang.studio.courses.$course.modules.$module.quiz._index',
    }),
    route(
      'studio/courses/:course/modules/:module/quiz/questions/:question',
      'routes/$lang.studio.courses.$course.exam.questions.$question.tsx',
      { id: 'routes/$lang.studio.courses.$course.modules.$module.quiz.questions.$question' },
    ),
    route(
      'studio/courses/:course/modules/:module/quiz/questions/:question/preview',
      'routes/$lang.studio.courses.$course.exam.questions.$question_.preview.tsx',
      { id: 'routes/$lang.studio.courses.$course.modules.$module.quiz.questions.$question_.preview' },
    ),
    route(
      'studio/courses/:course/modules/:module/quiz/statistics',
      'routes/$lang.studio.courses.$course.exam_.statistics.tsx',
      {
        id: 'routes/$lang.studio.courses.$course.modules.$module.quiz_.statistics',
      },
    ),
    route(
      'studio/courses/:course/modules/:module/quiz/questions/:question/regrade',
      'routes/$lang.studio.courses.$course.exam_.questions.$question.regrade.tsx',
      { id: 'routes/$lang.studio.courses.$course.modules.$module.quiz_.questions.$question.regrade' },
    ),
  ],
}

function withChildren(entries: RouteConfigEntry[], parentId: string, children: RouteConfigEntry[]) {
  const parent = entries.find((entry) => entry.id === parentId)
  if (!parent) throw new Error(`app/routes.ts: no route ${parentId} to add ${children.length} routes to`)
  parent.children = [...(parent.children ?? []), ...children]
  return entries
}

const fileRoutes = await flatRoutes()

export default [
  ...withChildren(fileRoutes, LANGUAGE_LAYOUT, samePageElsewhere[LANGUAGE_LAYOUT]),
  ...samePageElsewhere.root,
] satisfies RouteConfig
