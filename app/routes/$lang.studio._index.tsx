import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CourseMetadataFields } from '~/components/course-metadata-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ConformForm, FormErrors, TextField, useValidatedForm } from '~/components/forms'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { readForm } from '~/edge/request-form.server'
import { LOCALES, type Locale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import type { LanguageState } from '~/modules/studio/completeness'
import { CreateCourseSchema } from '~/modules/studio/course.schema'
import { createCourse, listStudioCourses } from '~/modules/studio/courses.server'
import { formatDate } from '~/utils/format'
import { titleMeta } from '~/utils/meta'
import { ScrollTable } from '~/components/data-table'

export const handle = { i18n: ['studio', 'learning'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const { locale } = args.context
  const courses = await listStudioCourses({ userId: user.id })
  return {
    title: getServerT(locale, 'studio')('title'),
    courses: courses.map(({ title, summary: _summary, ...course }) => ({
      ...course,
      title: localizedName(title, locale),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const submission = parseWithZod(await readForm(args.request), { schema: CreateCourseSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await createCourse({ actorId: user.id, input: submission.value })
  if (outcome.status === 'slug-taken')
    return data({ result: submission.reply({ fieldErrors: { slug: ['course.slugTaken'] } }) }, { status: 400 })
  return redirect(
    href(args.context.locale, '/studio/courses/:course', { course: outcome.slug, query: { created: '1' } }),
  )
}

export default function StudioCourses() {
  const { courses } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation('studio')
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <p>
        <Link className="button button--secondary" to={href(locale, '/studio/upload')}>
          {t('upload.link')}
        </Link>
      </p>
      <ScrollTable
        caption={t('list.caption')}
        columns={[t('list.course'), t('list.state'), t('list.languages'), t('list.access'), t('list.lastChange')]}
      >
        {courses.map((course) => (
          <tr key={course.slug}>
            <th scope="row">
              <Link to={href(locale, '/studio/courses/:course', { course: course.slug })}>{course.title}</Link>
            </th>
            <td>{t(`state.${course.status}`)}</td>
            <td>
              <ul className="language-states">
                {LOCALES.map((language) => (
                  <li key={language}>
                    {t(`languageState.${languageState(course, language)}`, {
                      language: t(`languageName.${language}`),
                      count: course.outOfDate[language],
                    })}
                  </li>
                ))}
              </ul>
            </td>
            <td>{course.canEdit ? t('list.canEdit') : t('list.preview')}</td>
            <td>
              <LastChange change={course.lastChange} />
            </td>
          </tr>
        ))}
      </ScrollTable>
      <CreateCourseForm />
    </>
  )
}

/** Out of date: the course's details (title, summary: ADR 024), its modules, or both, as counted. */
function languageState(
  course: { languages: Record<Locale, LanguageState>; outOfDate: Record<Locale, number>; detailsOutOfDate: Locale[] },
  language: Locale,
) {
  const state = course.languages[language]
  if (state !== 'outOfDate' || !course.detailsOutOfDate.includes(language)) return state
  return course.outOfDate[language] > 0 ? 'detailsAndModulesOutOfDate' : 'detailsOutOfDate'
}

function LastChange({ change }: { change: { at: Date; source: 'studio' | 'import'; by: string | null } }) {
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const date = formatDate(change.at, locale)
  if (change.source === 'import') return t('list.imported', { date })
  return change.by ? t('list.changedBy', { date, name: change.by }) : t('list.changedByUnknown', { date })
}

function CreateCourseForm() {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('studio')
  const [form, fields] = useValidatedForm(CreateCourseSchema, {
    id: 'create-course',
    lastResult: actionData?.result,
    defaultValue: { category: 'trade-facilitation', passMark: '70' },
  })
  return (
    <section className="card" aria-labelledby="create-title">
      <h2 id="create-title">{t('create.title')}</h2>
      <p className="hint">{t('create.hint')}</p>
      <p className="hint">{t('create.objectivesHint')}</p>
      <FormErrors errors={form.errors} ns="studio" />
      <ConformForm form={form} method="post" className="form form--wide">
        <input type="hidden" name="intent" value="create" />
        <TextField
          meta={fields.slug}
          label={t('course.slug')}
          hint={t('course.slugHint')}
          autoComplete="off"
          ns="studio"
        />
        <CourseMetadataFields fields={fields} />
        <button type="submit" className="button">
          {t('create.submit')}
        </button>
      </ConformForm>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
