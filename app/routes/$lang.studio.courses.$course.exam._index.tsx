import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { titleMeta } from '~/utils/meta'
import { StudioQuizErrorBoundary, StudioQuizPage } from '~/components/studio-quiz/quiz-page'
import { loadStudioQuiz, runStudioQuizAction } from '~/edge/studio-quiz.server'

// The course's final exam in the studio (ADR 025); a module's quiz is the same page, under the module.
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
