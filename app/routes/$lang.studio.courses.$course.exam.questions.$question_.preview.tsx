import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StudioQuestionPreview } from '~/components/studio-quiz/question-preview'
import { loadQuestionPreview, runQuestionPreview } from '~/edge/studio-question-preview.server'
import { titleMeta } from '~/utils/meta'

// A draft question previewed as a learner would meet it, scored without an attempt (ADR 025); for a
// module's quiz too (app/routes.ts).
export const handle = { i18n: ['studio', 'learning'] }

export function loader(args: LoaderFunctionArgs) {
  return loadQuestionPreview(args)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export function action(args: ActionFunctionArgs) {
  return runQuestionPreview(args)
}

export default StudioQuestionPreview

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
