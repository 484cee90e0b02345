import type { LoaderFunctionArgs } from '@remix-run/node'
import { CertificateVerification, verificationMeta } from '~/components/certificate-verification'
import { verificationHeaders, verificationLoader } from '~/modules/certificates/verify-page.server'

// The verification page in a chosen language; /verify/:code (the printed address) explains the pair.
export const handle = { i18n: ['certificates'] }
export const loader = (args: LoaderFunctionArgs) => verificationLoader(args)
export const headers = verificationHeaders
export const meta = verificationMeta
export default CertificateVerification
