import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { titleMeta } from '~/utils/meta'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StudioQuestionPage } from '~/components/studio-quiz/question-editor'
import { loadStudioQuestion, runStudioQuestionAction } from '~/edge/studio-question.server'

// The course's final exam in the studio (ADR 025); a module's quiz is the same page, under the module.
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
