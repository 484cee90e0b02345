import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { QuizOverviewPage } from '~/components/quiz-overview'
import { quizOverviewLoader, startQuizAction } from '~/modules/quiz/quiz-routes.server'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['learning'] }

export const loader = (args: LoaderFunctionArgs) => quizOverviewLoader(args, args.params.module ?? '')
export const action = (args: ActionFunctionArgs) => startQuizAction(args, args.params.module ?? '')

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default QuizOverviewPage
