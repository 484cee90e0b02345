import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { titleMeta } from '~/utils/meta'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StudioQuestionPage } from '~/components/studio-quiz/question-editor'
import { loadStudioQuestion, runStudioQuestionAction } from '~/edge/studio-question.server'

// A course's final exam in the studio (ADR 025), and a module's quiz: app/routes.ts maps …/modules/:module/quiz here.
export const handle = { i18n: ['studio', 'learning'] }

export function loader(args: LoaderFunctionArgs) {
  return loadStudioQuestion(args)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export function action(args: ActionFunctionArgs) {
  return runStudioQuestionAction(args)
}

export default StudioQuestionPage

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
