import { type SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FileField, FormErrors, TextAreaField, TextField, useValidatedForm } from '~/components/forms'
import { IntentButton } from '~/components/intent-button'
import { LOCALES, type Locale } from '~/i18n/config'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { MEDIA_KINDS } from '~/modules/studio/media-file'
import { ALT_MAX, MAX_MEDIA_BYTES, MediaUploadSchema } from '~/modules/studio/media.schema'
import { formatDate, formatFileSize } from '~/utils/format'

interface MediaFile {
  name: string
  url: string
  contentType: string
  size: number
  updatedAt: Date | string
  texts: Record<Locale, { alt: string; altFrom: 'upload' | 'body' | null; caption: string; snippet: string }>
  uses: { slug: string; title: Record<string, string>; published: Locale[]; draft: Locale[] }[]
  uploadedBy: { name: string | null } | null
}

const ACCEPT = ['.png', '.jpg', '.jpeg', '.webp', '.svg', ...Object.values(MEDIA_KINDS).map((kind) => kind.contentType)]

/** The upload, for a course's editors: the file, an optional name, and per language alt text and caption. */
export function MediaUploadForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const [form, fields] = useValidatedForm(MediaUploadSchema, {
    id: 'media-upload',
    lastResult,
  })
  const alts = fields.alt.getFieldset()
  const captions = fields.caption.getFieldset()
  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('media.uploadTitle')}</h2>
      <p className="hint">{t('media.uploadHint', { size: formatFileSize(MAX_MEDIA_BYTES, locale) })}</p>
      <FormErrors errors={form.errors} ns="studio" />
      <ConformForm form={form} method="post" encType="multipart/form-data" className="form form--wide">
        <input type="hidden" name="intent" value="upload" />
        <FileField meta={fields.file} label={t('media.file')} accept={ACCEPT.join(',')} ns="studio" />
        <TextField
          meta={fields.name}
          label={t('media.name')}
          hint={t('media.nameHint')}
          autoComplete="off"
          ns="studio"
        />
        <div className="grid-2">
          {LOCALES.map((language) => {
            const inLanguage = t(`inLanguage.${language}`)
            return (
              <fieldset key={language} className="language-fields">
                <legend>{t(`languageName.${language}`)}</legend>
                <TextAreaField
                  meta={alts[language]}
                  label={t('media.alt', { inLanguage })}
                  hint={t('media.altHint')}
                  rows={3}
                  maxLength={ALT_MAX}
                  ns="studio"
                />
                <TextField
                  meta={captions[language]}
                  label={t('media.caption', { inLanguage })}
                  hint={t('media.captionHint')}
                  autoComplete="off"
                  ns="studio"
                />
              </fieldset>
            )
          })}
        </div>
        <button type="submit" className="button">
          {t('media.upload')}
        </button>
      </ConformForm>
    </section>
  )
}

/** Every file of the course: a preview, its facts, where it is used, and its Markdown per language. */
export function MediaFiles({
  files,
  canEdit,
  highlight,
}: {
  files: MediaFile[]
  canEdit: boolean
  highlight: string | null
}) {
  const { t } = useTranslation('studio')
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">{t('media.filesTitle')}</h2>
      {files.length === 0 ? (
        <p>{t('media.none')}</p>
      ) : (
        <ul className="media-files">
          {files.map((file) => (
            <MediaFileCard key={file.name} file={file} canEdit={canEdit} highlight={file.name === highlight} />
          ))}
        </ul>
      )}
    </section>
  )
}

function MediaFileCard({ file, canEdit, highlight }: { file: MediaFile; canEdit: boolean; highlight: boolean }) {
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const titleId = `file-${file.name.replace(/\W/g, '-')}`
  const languages = (list: Locale[]) => list.map((language) => t(`languageName.${language}`)).join(', ')
  const added = formatDate(file.updatedAt, locale)
  return (
    <li className={highlight ? 'card media-file media-file--new' : 'card media-file'} aria-labelledby={titleId}>
      <h3 id={titleId}>{file.name}</h3>
      <div className="media-file__summary">
        <img className="media-file__preview" src={file.url} alt={file.texts[locale].alt} loading="lazy" />
        <dl className="facts">
          <div>
            <dt>{t('media.type')}</dt>
            <dd>
              {Object.values(MEDIA_KINDS).find((kind) => kind.contentType === file.contentType)?.label ??
                file.contentType}
            </dd>
          </div>
          <div>
            <dt>{t('media.size')}</dt>
            <dd>{formatFileSize(file.size, locale)}</dd>
          </div>
          <div>
            <dt>{t('media.source')}</dt>
            <dd>
              {file.uploadedBy === null
                ? t('media.fromPackage', { date: added })
                : file.uploadedBy.name
                  ? t('media.uploadedBy', { date: added, name: file.uploadedBy.name })
                  : t('media.uploadedByUnknown', { date: added })}
            </dd>
          </div>
          <div>
            <dt>{t('media.usedIn')}</dt>
            <dd>
              {file.uses.length === 0 ? (
                t('media.notUsed')
              ) : (
                <ul className="plain-list">
                  {file.uses.map((use) => (
                    <li key={use.slug}>
                      {localizedName(use.title, locale) || use.slug} (
                      {[
                        use.published.length > 0
                          ? t('media.usePublished', { languages: languages(use.published) })
                          : '',
                        use.draft.length > 0 ? t('media.useDraft', { languages: languages(use.draft) }) : '',
                      ]
                        .filter(Boolean)
                        .join('; ')}
                      )
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </div>
      <div className="grid-2">
        {LOCALES.map((language) => (
          <MediaLanguage key={language} language={language} texts={file.texts[language]} />
        ))}
      </div>
      {canEdit ? (
        file.uses.length === 0 ? (
          <IntentButton
            field="name"
            id={file.name}
            intent="delete"
            label={t('media.delete')}
            accessibleName={t('media.deleteLabel', { name: file.name })}
          />
        ) : (
          <p className="hint">{t('media.inUseHint')}</p>
        )
      ) : null}
    </li>
  )
}

function MediaLanguage({ language, texts }: { language: Locale; texts: MediaFile['texts'][Locale] }) {
  const { t } = useTranslation('studio')
  return (
    <div className="media-file__language">
      <h4>{t(`languageName.${language}`)}</h4>
      <dl className="facts">
        <div>
          <dt>{t('media.altText')}</dt>
          <dd lang={texts.alt ? language : undefined}>
            {texts.altFrom === 'body' ? t('media.altFromBody', { alt: texts.alt }) : texts.alt || t('media.notWritten')}
          </dd>
        </div>
        <div>
          <dt>{t('media.captionText')}</dt>
          <dd lang={texts.caption ? language : undefined}>{texts.caption || t('media.noCaption')}</dd>
        </div>
      </dl>
      <p className="media-file__snippet-label">{t('media.snippet', { inLanguage: t(`inLanguage.${language}`) })}</p>
      <pre className="snippet" lang={language}>
        <code>{texts.snippet}</code>
      </pre>
    </div>
  )
}
