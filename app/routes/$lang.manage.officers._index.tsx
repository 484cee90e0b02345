import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, SelectField, TextField, useValidatedForm } from '~/components/forms'
import { ChooseAdministration } from '~/components/administration-overview'
import { InvitationOutcome, InviteOfficerForm } from '~/components/invite-officer-form'
import { OfficerFilters } from '~/components/officer-filters'
import { OfficerTable } from '~/components/officer-table'
import { getServerT } from '~/i18n/i18n.server'
import { listAssignableCourses } from '~/modules/manage/assignments.server'
import { runManageAction } from '~/edge/manage-actions.server'
import { AssignSchema, OfficerFilterSchema } from '~/modules/manage/manage.schema'
import { requireManagedAdministration } from '~/edge/manage-scope.server'
import { getAdministrationOverview } from '~/modules/manage/overview.server'
import { listOfficers, listUnits } from '~/modules/manage/officers.server'
import { localizedName } from '~/i18n/localized'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { readForm } from '~/edge/request-form.server'
import { SubmitButton } from '~/components/submit-button'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['manage'] }

export async function loader(args: LoaderFunctionArgs) {
  const { locale, administration } = await requireManagedAdministration(args)
  const t = getServerT(locale, 'manage')
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
  return runManageAction({
    formData: await readForm(args.request),
    administrationId: administration.id,
    actorId: user.id,
    url: args.request.url,
    locale: args.context.locale,
  })
}

export default function ManageOfficers() {
  const loaded = useLoaderData<typeof loader>()
  if (!loaded.administration) return <ChooseAdministration rows={loaded.administrations} />
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
  const locale = useLocale()
  const [searchParams] = useSearchParams()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('titleFor', { administration: administration.name })}</h1>
      <p className="lead">{t('intro')}</p>
      <p>
        <Link
          className="button button--secondary"
          to={href(locale, '/manage/matrix', { query: { administration: administration.code } })}
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
      {actionData?.resent === 'too-soon' ? (
        <p className="alert" role="alert">
          {t('resend.tooSoon')}
        </p>
      ) : actionData?.resent ? (
        <InvitationOutcome notice={actionData.resent} keys="resend" />
      ) : null}
      <OfficerFilters administrationCode={administration.code} filters={filters} units={units} withStatus />
      <OfficerTable
        officers={officers}
        total={total}
        page={filters.page}
        pages={pages}
        selectForm={ASSIGN_FORM}
        administrationCode={administration.code}
      />
      <AssignForm units={units} courses={courses} />
      <InviteOfficerForm
        units={units}
        lastResult={actionData?.intent === 'invite' ? actionData.result : undefined}
        invited={actionData?.invited}
      />
      <p>
        <Link
          className="button button--secondary"
          to={href(locale, '/manage/import', { query: { administration: administration.code } })}
        >
          {t('bulk.link')}
        </Link>
      </p>
    </>
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
  const [form, fields] = useValidatedForm(AssignSchema, {
    id: ASSIGN_FORM,
    lastResult: actionData?.intent === 'assign' ? actionData.result : undefined,
  })
  return (
    <section className="card" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assign.title')}</h2>
      <p className="hint">{t('assign.hint')}</p>
      <ConformForm form={form} method="post" className="form">
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
        <SubmitButton className="button">{t('assign.submit')}</SubmitButton>
      </ConformForm>
    </section>
  )
}
