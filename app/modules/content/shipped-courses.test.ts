import type { Image, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import { beforeAll, describe, expect, it } from 'vitest'
import { LOCALES } from '~/i18n/config'
import { countWords, markdownImages, parseMarkdown } from './markdown'
import { findCoursePackageDirs, loadCoursePackages } from './package-loader.server'
import type { CoursePackage } from './package.schema'

/* The curriculum the platform ships with: enough of it that a pilot administration can train on it. */

const SHIPPED = ['aeo', 'cargo-container-control', 'single-window']

let packages: CoursePackage[] = []
beforeAll(async () => {
  const dirs = await findCoursePackageDirs({ dir: 'courses' })
  packages = (await loadCoursePackages({ dirs, strict: true })).packages
})

const course = (slug: string) => {
  const pkg = packages.find((candidate) => candidate.course.slug === slug)
  if (!pkg) throw new Error(`course ${slug} did not load`)
  return pkg
}

/** Letters a reader reads (prose and alt text), leaving out link targets and image addresses. */
function letters(markdown: string) {
  let text = ''
  visit(parseMarkdown(markdown), ['text', 'image'], (node) => {
    text += node.type === 'image' ? ((node as Image).alt ?? '') : (node as Text).value
  })
  return text.match(/\p{L}/gu) ?? []
}

describe('shipped curriculum', () => {
  it('has the three courses', () => {
    expect(packages.map((pkg) => pkg.course.slug).sort()).toEqual(SHIPPED)
  })

  describe.each(SHIPPED)('%s', (slug) => {
    it('has at least 5 modules, each with a quiz of at least 5 questions', () => {
      const { modules } = course(slug)
      expect(modules.length).toBeGreaterThanOrEqual(5)
      for (const module of modules) {
        expect(module.quiz?.questions.length ?? 0, `${module.folder} quiz`).toBeGreaterThanOrEqual(5)
      }
    })

    it('has bodies of at least 600 words in every language, the Russian one in Russian', () => {
      for (const module of course(slug).modules) {
        for (const locale of LOCALES) {
          expect(countWords(module.bodies[locale] ?? ''), `${module.folder}/${locale}.md words`).toBeGreaterThanOrEqual(
            600,
          )
        }
        const all = letters(module.bodies.ru ?? '')
        const cyrillic = all.filter((letter) => /\p{Script=Cyrillic}/u.test(letter))
        expect(cyrillic.length / all.length, `${module.folder}/ru.md share of Cyrillic letters`).toBeGreaterThan(0.8)
      }
    })

    it('has a final exam with a pool of at least 15 questions', () => {
      expect(course(slug).finalExam?.questions.length ?? 0).toBeGreaterThanOrEqual(15)
    })

    it('shows at least one figure from its media folder', () => {
      const { modules, media } = course(slug)
      const shown = modules.flatMap((module) =>
        Object.values(module.bodies).flatMap((body) => markdownImages(parseMarkdown(body))),
      )
      expect(shown.length).toBeGreaterThan(0)
      expect(media.length).toBeGreaterThan(0)
    })
  })

  it('works through the ISO 6346 check digit in the cargo course, in both languages', () => {
    const bodies = course('cargo-container-control').modules
    const en = bodies.map((module) => module.bodies.en ?? '').join('\n')
    const ru = bodies.map((module) => module.bodies.ru ?? '').join('\n')
    expect(en).toMatch(/ISO 6346/)
    expect(en).toMatch(/check digit/i)
    expect(ru).toMatch(/контрольн/i)
  })
})
