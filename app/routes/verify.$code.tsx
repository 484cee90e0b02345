import type { LoaderFunctionArgs } from '@remix-run/node'
import { CertificateVerification, verificationMeta } from '~/components/certificate-verification'
import { verificationHeaders, verificationLoader } from '~/modules/certificates/verify-page.server'

// The address printed on certificates (QR code): shown in the visitor's language (cookie, then the
// browser's). The same page under /:lang/verify/:code is what the language switch leads to.
export const handle = { i18n: ['certificates'] }
export const loader = (args: LoaderFunctionArgs) => verificationLoader(args)
export const headers = verificationHeaders
export const meta = verificationMeta
export default CertificateVerification
