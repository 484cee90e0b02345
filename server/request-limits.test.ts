import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES } from '~/modules/manage/manage.schema'
import { MAX_MEDIA_BYTES } from '~/modules/studio/media.schema'
import { BODY_LIMIT_BYTES, MAX_PACKAGE_BYTES } from '~/modules/studio/limits'
import {
  bodyLimitFor,
  FORM_BODY_LIMIT,
  LARGER_BODIES,
  MEDIA_BODY_LIMIT,
  MODULE_EDITOR_BODY_LIMIT,
  PACKAGE_BODY_LIMIT,
  UPLOAD_BODY_LIMIT,
} from './request-limits'

describe('the body limit of a path', () => {
  it('is larger only on the pages of the named list, in both languages and for their .data twins', () => {
    expect(LARGER_BODIES.map((route) => route.name)).toEqual([
      'officer import',
      'course media upload',
      'course package upload',
      'module editor',
    ])
    for (const lang of ['en', 'ru']) {
      expect(bodyLimitFor(`/${lang}/manage/import`)).toBe(UPLOAD_BODY_LIMIT)
      expect(bodyLimitFor(`/${lang}/manage/import.data`)).toBe(UPLOAD_BODY_LIMIT)
      expect(bodyLimitFor(`/${lang}/studio/courses/aeo/media`)).toBe(MEDIA_BODY_LIMIT)
      expect(bodyLimitFor(`/${lang}/studio/courses/aeo/media.data`)).toBe(MEDIA_BODY_LIMIT)
      expect(bodyLimitFor(`/${lang}/studio/upload`)).toBe(PACKAGE_BODY_LIMIT)
      expect(bodyLimitFor(`/${lang}/studio/upload.data`)).toBe(PACKAGE_BODY_LIMIT)
      expect(bodyLimitFor(`/${lang}/studio/courses/aeo/modules/seals`)).toBe(MODULE_EDITOR_BODY_LIMIT)
      expect(bodyLimitFor(`/${lang}/studio/courses/aeo/modules/seals.data`)).toBe(MODULE_EDITOR_BODY_LIMIT)
      expect(bodyLimitFor(`/${lang}/studio/courses/aeo/modules/seals/draft`)).toBe(MODULE_EDITOR_BODY_LIMIT)
    }
    // Both languages' bodies at the limit, URL-encoded Cyrillic (six bytes a letter).
    expect(MODULE_EDITOR_BODY_LIMIT).toBeGreaterThan(2 * 3 * BODY_LIMIT_BYTES)
    expect(UPLOAD_BODY_LIMIT).toBeGreaterThan(3 * MAX_IMPORT_BYTES)
    expect(MEDIA_BODY_LIMIT).toBeGreaterThan(MAX_MEDIA_BYTES)
    expect(PACKAGE_BODY_LIMIT).toBeGreaterThan(MAX_PACKAGE_BYTES)
  })

  it.each([
    '/en/login',
    '/en/studio/courses/aeo',
    '/en/studio/courses/aeo/media/extra',
    '/en/studio/courses/a/b/media',
    '/de/studio/courses/aeo/media',
    '/en/manage/import/more',
    '/media/courses/aeo/x.svg',
    '/en/manage/importx',
    '/en/studio/upload/x',
    '/en/studio/courses/aeo/modules/seals/preview',
    '/en/studio/courses/aeo/modules/seals/draft/x',
  ])('is a form’s elsewhere: %s', (path) => {
    expect(bodyLimitFor(path)).toBe(FORM_BODY_LIMIT)
  })
})
