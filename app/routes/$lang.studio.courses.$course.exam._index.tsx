import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { titleMeta } from '~/utils/meta'
import { StudioQuizErrorBoundary, StudioQuizPage } from '~/components/studio-quiz/quiz-page'
import { loadStudioQuiz, runStudioQuizAction } from '~/edge/studio-quiz.server'

// A course's final exam in the studio (ADR 025), and a module's quiz: app/routes.ts maps …/modules/:module/quiz here.
export const handle = { i18n: ['studio'] }

export function loader(args: LoaderFunctionArgs) {
  return loadStudioQuiz(args)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export function action(args: ActionFunctionArgs) {
  return runStudioQuizAction(args)
}

export default StudioQuizPage
export const ErrorBoundary = StudioQuizErrorBoundary
