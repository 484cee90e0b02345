import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { i18nServer } from '~/i18n/i18n.server'

/** `/` → `/en` or `/ru`: the remembered language first, then the browser's Accept-Language. */
export async function loader({ request }: LoaderFunctionArgs) {
  return redirect(`/${await i18nServer.getLocale(request)}`)
}
