// What the fuzzer fills fields, query values and path segments with: values that break naive code,
// and values real code expects, so that some requests get past validation to the database.
import fc from 'fast-check'
import { DEMO_EMAILS, type DemoIds } from './demo-ids'

const words = (text: string) => text.trim().split(/\s+/)

export const FIELD_NAMES = words(`
  intent email password redirectTo seq shown confirmed q0 q1 q1.0 text courseSlug dueAt officerIds officerId unitId
  displayName preferredLocale reason currentPassword newPassword confirmPassword certificateId userId role
  status q administrationId administration page course sort dir format autosave slug category title.en
  title.ru summary.en summary.ru objectives.en objectives.ru certificateValidityMonths passMark minutes module en.title en.markdown
  en.version ru.title ru.markdown ru.version note revision locale version markdown name alt.en alt.ru caption.en
  caption.ru field type points truth answer tolerance task choices prompt.en prompt.ru explanation.en
  explanation.ru options[0].text.en options[0].correct pairs[0].left.en items[0].text.ru question
  questionsPerAttempt questionsPerModule maxAttempts timeLimitMinutes review shuffleQuestions __intent__ draw token uploadId mode latinName code revoke revoked
  created changed enrolment within weeklyDigest`)

const INTENTS = words(`
  enrol complete renew start save submit invite resend assign revoke deactivate reactivate create language
  password enable update add-editor remove-editor add-module move-up move-down archive-module restore-module
  publish mark:ru:body mark:en:title discard restore upload delete publish-details discard-details confirm-details
  settings add duplicate up down retire confirm publish-course regrade check cancel latin-name sign-in-link disable send digest`)

const NASTY_WORDS = words(`%00 %zz %E0%A4%A % .. /../.. //evil.example -1 0 1e309 NaN 2026-02-30 <script>x</script>`)
const NASTY = [...NASTY_WORDS, '', '\0', 'a\0b', '\t', '\r\n', "' OR 1=1 --", '\uFFFF', '\uD800']

export function fieldValue(ids: DemoIds) {
  const known = [...INTENTS, ...Object.values(DEMO_EMAILS), ...Object.values(ids).flat()]
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.nat().map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 300, max: 5000 }).map((n) => 'x'.repeat(n)) },
  )
}

/** The app's forms with plausible values (as query strings), each of which the fuzzer may swap for another. */
function templates(ids: DemoIds): [string, string][][] {
  const password = 'a-long-enough-password'
  const forms = [
    `email=${DEMO_EMAILS.learner}&password=wrong-password&redirectTo=/en/me`,
    'intent=save&seq=1000&shown=0,1,2&q0=a&q1=b&q2.0=1&autosave=1',
    'intent=submit&seq=2000&shown=0',
    'intent=enrol',
    'intent=start',
    `intent=assign&courseSlug=${ids.course}&dueAt=2030-01-31&officerIds=${ids.officer}`,
    'intent=invite&email=new.officer@demo.test&displayName=New Officer&preferredLocale=ru',
    `intent=deactivate&officerId=${ids.officer}`,
    `intent=revoke&certificateId=${ids.certificate}&reason=Issued by mistake`,
    'intent=create&email=created@demo.test&displayName=Created&role=LEARNER&preferredLocale=en',
    'intent=language&preferredLocale=ru',
    `intent=password&currentPassword=not-it&newPassword=${password}&confirmPassword=${password}`,
    'text=email,name%0Anew@demo.test,New Officer%0A',
    'intent=create&slug=fuzzed-course&category=border-control&title.en=T&title.ru=Т&summary.en=S&summary.ru=С&passMark=70',
    `intent=add-editor&email=${DEMO_EMAILS.instructor}`,
    'intent=remove-editor&userId=someone',
    'intent=add-module&slug=fuzzed-module&title.en=T&title.ru=Т&minutes=10',
    `intent=move-up&module=${ids.modules[1] ?? ''}`,
    `intent=archive-module&module=${ids.modules[0] ?? ''}`,
    'intent=save&en.title=T&en.markdown=%23%23 M&en.version=1&ru.title=Т&ru.markdown=М&ru.version=1',
    'intent=publish&note=N&en.title=T&en.markdown=M&en.version=2&ru.title=Т&ru.markdown=М&ru.version=2',
    'intent=mark:ru:body&en.title=T&en.markdown=M&en.version=1&ru.title=Т&ru.markdown=М&ru.version=1',
    'intent=discard',
    'intent=restore&revision=no-such-revision',
    'locale=ru&version=1&title=Т&markdown=Текст',
    'intent=upload&name=fuzzed-figure&alt.en=A figure&alt.ru=Рисунок&caption.en=Figure 1',
    `intent=delete&name=${ids.media}`,
    'intent=update&version=0&category=border-control&title.en=T&title.ru=Т&summary.en=S&summary.ru=С&objectives.en=O&objectives.ru=Ц&passMark=70',
    'intent=publish-details&version=1',
    'intent=discard-details&version=1',
    'intent=confirm-details&version=1&locale=ru&field=summary',
    'intent=settings&version=0&passMark=70&questionsPerAttempt=3&review=never&shuffleQuestions=on',
    'intent=add&type=ordering',
    'intent=submit&seq=0&shown=0&q0=0&draw={"order":["a","b"],"generated":null}',
    'intent=retire&question=no-such',
    'type=true-false&version=0&points=1&prompt.en=P&prompt.ru=В&explanation.en=E&truth=true',
    'type=matching&version=0&points=1&pairs[0].left.en=A&__intent__={"type":"insert","payload":{"name":"pairs"}}',
    `intent=regrade&token=${'0'.repeat(64)}`,
    'intent=check',
    'intent=confirm&uploadId=no-such-upload&mode=new',
    'intent=confirm&uploadId=no-such-upload&mode=draft',
    'intent=cancel&uploadId=no-such-upload',
    `email=${DEMO_EMAILS.learner}`,
    `newPassword=${password}&confirmPassword=${password}`,
    "intent=latin-name&latinName=Ivan O'Neil-Petrov Jr.",
    'intent=sign-in-link',
    'intent=send&enrolment=no-such-enrolment&enrolment=another',
    'intent=digest&weeklyDigest=on',
    `intent=disable&userId=${ids.officer}`,
  ]
  return forms.map((form) => [...new URLSearchParams(form)])
}

const keepOrSwap = (text: string, value: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(text) }, { weight: 1, arbitrary: value })

/** A form's fields: random names and values, or one of the app's forms with some values swapped. */
export function formFields(ids: DemoIds): fc.Arbitrary<[string, string][]> {
  const value = fieldValue(ids)
  const random = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), value), value), { maxLength: 8 })
  const known = fc
    .constantFrom(...templates(ids))
    .chain((fields) =>
      fc.tuple(...fields.map(([name, text]) => keepOrSwap(text, value).map((v): [string, string] => [name, v]))),
    )
  return fc.oneof(random, known)
}
