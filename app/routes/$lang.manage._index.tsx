import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, TextField } from '~/components/forms'
import { AdministrationOverview } from '~/components/administration-overview'
import { OfficerFilters } from '~/components/officer-filters'
import { OfficerTable } from '~/components/officer-table'
import { LOCALES } from '~/i18n/config'
import { getServerT } from '~/i18n/i18n.server'
import { getEnv } from '~/utils/env.server'
import { EmailTaken, UnknownUnit, inviteOfficer } from '~/modules/manage/invitations.server'
import { AssignSchema, InviteSchema, OfficerFilterSchema, OfficerStatusSchema } from '~/modules/manage/manage.schema'
import { AssignmentTargetNotFound, assignCourse, listAssignableCourses } from '~/modules/manage/assignments.server'
import { requireManagedAdministration } from '~/modules/manage/manage-page.server'
import { getAdministrationOverview } from '~/modules/manage/overview.server'
import { listOfficers, listUnits, setOfficerActive } from '~/modules/manage/officers.server'
import { localizedName } from '~/modules/platform/localized'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['manage'] }

export async function loader(args: LoaderFunctionArgs) {
  const { locale, administration } = await requireManagedAdministration(args)
  const t = await getServerT(args.request, 'manage')
  if (!administration) {
    const administrations = (await getAdministrationOverview()).map(({ name, ...row }) => ({
      ...row,
      name: localizedName(name, locale),
    }))
    return { title: t('chooseAdministration'), administration: null, administrations } as const
  }
  const filters = OfficerFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const units = await listUnits({ administrationId: administration.id })
  const unitId = units.some((unit) => unit.id === filters.unit) ? filters.unit : null
  const courses = (await listAssignableCourses()).map((course) => ({
    slug: course.slug,
    title: localizedName(course.title, locale),
  }))
  const page = await listOfficers({
    administrationId: administration.id,
    query: filters.q,
    unitId,
    status: filters.status,
    page: filters.page,
  })
  return {
    title: t('titleFor', { administration: administration.name }),
    administration,
    units,
    courses,
    filters,
    ...page,
  } as const
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const { user, administration } = await requireManagedAdministration(args)
  invariantResponse(administration, 'common:errors.notFoundText', { status: 404 })
  const formData = await args.request.formData()
  if (formData.get('intent') === 'invite') {
    const submission = parseWithZod(formData, { schema: InviteSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), invited: null }, { status: 400 })
    const { email, displayName, unitId, preferredLocale } = submission.value
    try {
      const { token } = await inviteOfficer({
        administrationId: administration.id,
        email,
        displayName,
        unitId: unitId || null,
        preferredLocale,
        actorId: user.id,
      })
      const link = new URL(`/${preferredLocale}/invitations/${token}`, getEnv().BASE_URL).href
      // Shown once, now: only the token's hash is kept.
      return data({ result: submission.reply({ resetForm: true }), invited: { name: displayName, link } })
    } catch (error) {
      const field: Record<string, string[]> | null =
        error instanceof EmailTaken
          ? { email: ['invite.emailTaken'] }
          : error instanceof UnknownUnit
            ? { unitId: ['invite.unitUnknown'] }
            : null
      if (!field) throw error
      return data({ result: submission.reply({ fieldErrors: field }), invited: null }, { status: 400 })
    }
  }
  if (formData.get('intent') === 'assign') {
    const submission = parseWithZod(formData, { schema: AssignSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), invited: null }, { status: 400 })
    const { courseSlug, dueAt, unitId, officerIds } = submission.value
    try {
      const count = await assignCourse({
        administrationId: administration.id,
        courseSlug,
        dueAt,
        unitId: unitId || null,
        officerIds: officerIds ?? [],
        actorId: user.id,
      })
      return redirect(backToList(args.request.url, args.params.lang, { assigned: String(count) }))
    } catch (error) {
      invariantResponse(!(error instanceof AssignmentTargetNotFound), 'manage:assign.notFound', { status: 404 })
      throw error
    }
  }
  const change = OfficerStatusSchema.safeParse(Object.fromEntries(formData))
  invariantResponse(change.success, 'common:errors.unknownForm', { status: 400 })
  const changed = await setOfficerActive({
    administrationId: administration.id,
    officerId: change.data.officerId,
    active: change.data.intent === 'reactivate',
    actorId: user.id,
  })
  invariantResponse(changed, 'common:errors.notFoundText', { status: 404 })
  return redirect(backToList(args.request.url, args.params.lang, { changed: '1' }))
}

/** The list as it was (filters, page, administration) with a notice. */
function backToList(url: string, lang: string | undefined, notice: Record<string, string>) {
  const back = new URL(url).searchParams
  for (const name of ['index', 'changed', 'assigned']) back.delete(name)
  for (const [name, value] of Object.entries(notice)) back.set(name, value)
  return `/${lang}/manage?${back}`
}

export default function ManageOfficers() {
  const loaded = useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  if (!loaded.administration) {
    return (
      <>
        <h1>{t('chooseAdministration')}</h1>
        <p className="lead">{t('chooseIntro')}</p>
        <AdministrationOverview rows={loaded.administrations} />
      </>
    )
  }
  return <OfficersPage {...loaded} />
}

function OfficersPage({
  administration,
  units,
  courses,
  filters,
  officers,
  total,
  pages,
}: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { units: unknown }>) {
  const { t } = useTranslation('manage')
  const [searchParams] = useSearchParams()
  return (
    <>
      <h1>{t('titleFor', { administration: administration.name })}</h1>
      <p className="lead">{t('intro')}</p>
      <p>
        <Link
          className="button button--secondary"
          to={`matrix?administration=${encodeURIComponent(administration.code)}`}
        >
          {t('matrix.link')}
        </Link>
      </p>
      {searchParams.get('assigned') ? (
        <p className="notice" role="status">
          {t('assign.done', { count: Number(searchParams.get('assigned')) })}
        </p>
      ) : null}
      {searchParams.get('changed') ? (
        <p className="notice" role="status">
          {t('statusChanged')}
        </p>
      ) : null}
      <OfficerFilters administrationCode={administration.code} filters={filters} units={units} withStatus />
      <OfficerTable officers={officers} total={total} page={filters.page} pages={pages} selectForm={ASSIGN_FORM} />
      <AssignForm units={units} courses={courses} />
      <InviteForm units={units} />
      <p>
        <Link
          className="button button--secondary"
          to={`import?administration=${encodeURIComponent(administration.code)}`}
        >
          {t('bulk.link')}
        </Link>
      </p>
    </>
  )
}

function InviteForm({ units }: { units: { id: string; name: string }[] }) {
  const { t } = useTranslation(['manage', 'common'])
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'invite-officer',
    lastResult: actionData?.result,
    constraint: getZodConstraint(InviteSchema),
    defaultValue: { preferredLocale: 'ru' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="hint">{t('invite.hint')}</p>
      {actionData?.invited ? (
        <div className="notice" role="status">
          <p>{t('invite.created', { name: actionData.invited.name })}</p>
          <p>
            <code className="invitation-link">{actionData.invited.link}</code>
          </p>
        </div>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <TextField meta={fields.email} label={t('invite.email')} type="email" autoComplete="off" ns="manage" />
        <TextField meta={fields.displayName} label={t('invite.displayName')} autoComplete="off" ns="manage" />
        <SelectField meta={fields.unitId} label={t('invite.unit')} ns="manage">
          <option value="">{t('invite.noUnit')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.preferredLocale} label={t('invite.language')} ns="manage">
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`common:language.${locale}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('invite.submit')}
        </button>
      </Form>
    </section>
  )
}

const ASSIGN_FORM = 'assign-course'

/** The officers are ticked in the table above (their checkboxes belong to this form). */
function AssignForm({
  units,
  courses,
}: {
  units: { id: string; name: string }[]
  courses: { slug: string; title: string }[]
}) {
  const { t } = useTranslation('manage')
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: ASSIGN_FORM,
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AssignSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section className="card" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assign.title')}</h2>
      <p className="hint">{t('assign.hint')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="assign" />
        <SelectField meta={fields.courseSlug} label={t('assign.course')} ns="manage">
          <option value="">{t('assign.chooseCourse')}</option>
          {courses.map((course) => (
            <option key={course.slug} value={course.slug}>
              {course.title}
            </option>
          ))}
        </SelectField>
        <TextField meta={fields.dueAt} label={t('assign.due')} type="date" ns="manage" />
        <SelectField meta={fields.unitId} label={t('assign.unit')} ns="manage">
          <option value="">{t('assign.onlyTicked')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </SelectField>
        <FormErrors errors={fields.officerIds.errors} ns="manage" />
        <button type="submit" className="button">
          {t('assign.submit')}
        </button>
      </Form>
    </section>
  )
}
