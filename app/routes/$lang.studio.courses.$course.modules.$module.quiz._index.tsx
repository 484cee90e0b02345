import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { titleMeta } from '~/utils/meta'
import { StudioQuizErrorBoundary, StudioQuizPage } from '~/components/studio-quiz/quiz-page'
import { loadStudioQuiz, runStudioQuizAction } from '~/edge/studio-quiz.server'

// A module's quiz in the studio (ADR 025); the final exam's page is the same, under the course.
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
