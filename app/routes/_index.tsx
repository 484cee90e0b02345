import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { href } from '~/i18n/href'

/** `/` → `/en` or `/ru`: the remembered language first, then the browser's Accept-Language. */
export async function loader({ context }: LoaderFunctionArgs) {
  return redirect(href(context.locale, '/'))
}
