import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findCoursePackageDirs, loadCoursePackage, loadCoursePackages } from './package-loader.server'
import { formatProblem, type Problem } from './problems'
import {
  BROKEN_COURSE_FIXTURES,
  COURSE_FIXTURES_DIR,
  courseFixture,
  type CourseFixture,
} from '../../../tests/fixtures/course-packages'

const fixtures = COURSE_FIXTURES_DIR
const fixture = courseFixture
const lines = (problems: Problem[]) => problems.map(formatProblem)

describe('the valid fixture', () => {
  it('loads in strict mode with no problems', async () => {
    const { pkg, problems } = await loadCoursePackage({ dir: fixture('valid-minimal'), strict: true })
    expect(lines(problems)).toEqual([])
    expect(pkg).not.toBeNull()
  })

  it('fills the package as declared: modules in folder order, bodies as written, typed media', async () => {
    const { pkg } = await loadCoursePackage({ dir: fixture('valid-minimal'), strict: true })
    if (!pkg) throw new Error('expected a package')
    expect(pkg.dir).toBe(fixture('valid-minimal'))
    expect(pkg.course).toMatchObject({
      slug: 'seal-basics',
      category: 'border-control',
      certificateValidityMonths: null,
    })
    expect(pkg.course.completion).toEqual({ modules: 'all', finalExam: 'optional' })
    expect(pkg.modules.map((module) => [module.folder, module.meta.slug])).toEqual([
      ['01-seal-types', 'seal-types'],
      ['02-seal-verification', 'seal-verification'],
    ])
    const [first, second] = pkg.modules
    expect(Object.keys(first?.bodies ?? {}).sort()).toEqual(['en', 'ru'])
    expect(first?.bodies.en).toBe(await readFile(join(fixture('valid-minimal'), 'modules/01-seal-types/en.md'), 'utf8'))
    expect(first?.quiz?.questions.map((question) => question.slug)).toEqual([
      'bolt-seal-removal',
      'seal-number-unique',
      'digits-in-seal-number',
    ])
    expect(first?.quiz?.maxAttempts).toBeNull()
    expect(second?.quiz).toBeNull()
    expect(pkg.finalExam?.questions).toHaveLength(2)
    expect(pkg.finalExam?.review).toBe('after-pass')
    expect(pkg.media).toHaveLength(1)
    expect(pkg.media[0]).toMatchObject({ name: 'bolt-seal.svg', contentType: 'image/svg+xml' })
    expect(pkg.media[0]?.bytes.toString('utf8')).toContain('<svg')
  })
})

describe('broken fixtures', () => {
  it('are all listed, and each is refused in strict mode', async () => {
    const broken = BROKEN_COURSE_FIXTURES.map(({ name }) => name)
    const listed = [fixture('valid-minimal'), ...broken.map(fixture)].sort()
    expect(await findCoursePackageDirs({ dir: fixtures })).toEqual(listed)
    for (const name of broken) {
      expect((await loadCoursePackage({ dir: fixture(name), strict: true })).pkg, name).toBeNull()
    }
  })

  it('name every problem by a code the studio translates, never the catch-all', async () => {
    for (const { name } of BROKEN_COURSE_FIXTURES) {
      const { problems } = await loadCoursePackage({ dir: fixture(name), strict: true })
      for (const problem of problems) expect(problem.code, formatProblem(problem)).toBeDefined()
      for (const problem of problems) expect(problem.code, formatProblem(problem)).not.toBe('invalid')
    }
  })

  it.each<[CourseFixture, string]>([
    [
      'broken-quiz',
      'tests/fixtures/courses/broken-quiz/modules/01-seal-types/quiz.yaml: questions[1].options: at least one option must be correct',
    ],
    [
      'bad-yaml',
      'tests/fixtures/courses/bad-yaml/modules/01-seal-types/module.yaml: YAML syntax error at line 5, column 1: Implicit map keys need to be followed by map values',
    ],
    [
      'missing-image',
      'tests/fixtures/courses/missing-image/modules/02-seal-verification/en.md: line 10: image ../../media/declaration-seal-box.svg not found',
    ],
    [
      'raw-html',
      "tests/fixtures/courses/raw-html/modules/02-seal-verification/en.md: line 10: raw HTML is not allowed (Markdown only): <script>alert('Seal checked')</script>",
    ],
  ])('%s is refused with exactly its one problem', async (name, expected) => {
    const { pkg, problems } = await loadCoursePackage({ dir: fixture(name), strict: false })
    expect(lines(problems)).toEqual([expected])
    expect(problems[0]?.severity).toBe('error')
    expect(pkg).toBeNull()
  })

  it('duplicate-slug names the later module and the later question, and where each was first used', async () => {
    const { pkg, problems } = await loadCoursePackage({ dir: fixture('duplicate-slug'), strict: false })
    expect(lines(problems)).toEqual([
      'tests/fixtures/courses/duplicate-slug/modules/02-seal-types/module.yaml: slug: duplicate module slug "seal-types" (first used in tests/fixtures/courses/duplicate-slug/modules/01-seal-types/module.yaml)',
      'tests/fixtures/courses/duplicate-slug/final-exam.yaml: questions[1].slug: duplicate question slug "seal-number-unique" (first used in tests/fixtures/courses/duplicate-slug/modules/01-seal-types/quiz.yaml)',
    ])
    expect(pkg).toBeNull()
  })

  const missingTranslations = [
    'tests/fixtures/courses/missing-translation/modules/02-seal-verification/module.yaml: title: missing translation: ru',
    'tests/fixtures/courses/missing-translation/modules/02-seal-verification/ru.md: missing translation: ru',
  ]

  it('missing-translation loads with warnings when not strict', async () => {
    const { pkg, problems } = await loadCoursePackage({ dir: fixture('missing-translation'), strict: false })
    expect(lines(problems)).toEqual(missingTranslations)
    expect(problems.every((problem) => problem.severity === 'warning')).toBe(true)
    expect(pkg?.modules[1]?.meta.title).toEqual({ en: 'Verifying a seal at the border' })
    expect(Object.keys(pkg?.modules[1]?.bodies ?? {})).toEqual(['en'])
  })

  it('missing-translation is refused in strict mode', async () => {
    const { pkg, problems } = await loadCoursePackage({ dir: fixture('missing-translation'), strict: true })
    expect(lines(problems)).toEqual(missingTranslations)
    expect(problems.every((problem) => problem.severity === 'error')).toBe(true)
    expect(pkg).toBeNull()
  })
})

describe('loadCoursePackages', () => {
  it('refuses a second package with a course slug already taken', async () => {
    const { packages, problems } = await loadCoursePackages({
      dirs: [fixture('valid-minimal'), fixture('missing-translation')],
      strict: false,
    })
    expect(lines(problems)).toContain(
      'tests/fixtures/courses/missing-translation/course.yaml: slug: course slug "seal-basics" is also used by tests/fixtures/courses/valid-minimal/course.yaml',
    )
    expect(problems.find((problem) => problem.path === 'slug')?.severity).toBe('error')
    expect(packages.map((pkg) => pkg.dir)).toEqual([fixture('valid-minimal')])
  })

  // Parses every Markdown body and quiz of the three courses: seconds on a busy two-core machine.
  it('loads every shipped package in strict mode without a problem', async () => {
    const dirs = await findCoursePackageDirs({ dir: 'courses' })
    expect(dirs.length).toBeGreaterThan(0)
    const { packages, problems } = await loadCoursePackages({ dirs, strict: true })
    expect(lines(problems)).toEqual([])
    expect(packages).toHaveLength(dirs.length)
  }, 30_000)
})

describe('findCoursePackageDirs', () => {
  it('takes a package folder as it is, and a folder of packages by its subfolders', async () => {
    expect(await findCoursePackageDirs({ dir: fixture('valid-minimal') })).toEqual([fixture('valid-minimal')])
    expect(await findCoursePackageDirs({ dir: fixtures })).toContain(fixture('raw-html'))
    expect(await findCoursePackageDirs({ dir: `${fixture('valid-minimal')}/media` })).toEqual([])
  })
})

describe('package rules', () => {
  let root = ''
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true })
    root = ''
  })

  /** A copy of valid-minimal changed by `edit`; problems come back with the copy's folder as `<pkg>`. */
  async function loadEdited(edit: (path: (file: string) => string) => Promise<unknown>, strict = true) {
    root = await mkdtemp(join(tmpdir(), 'course-package-'))
    const dir = join(root, 'pkg')
    await cp(fixture('valid-minimal'), dir, { recursive: true })
    await edit((file) => join(dir, file))
    const { pkg, problems } = await loadCoursePackage({ dir, strict })
    const shown = relative(process.cwd(), dir)
    return { pkg, problems, lines: lines(problems).map((line) => line.replaceAll(shown, '<pkg>')) }
  }

  async function replaceIn(file: string, from: string, to: string) {
    const text = await readFile(file, 'utf8')
    if (!text.includes(from)) throw new Error(`${from} not in ${file}`)
    await writeFile(file, text.replace(from, to))
  }

  const module1 = 'modules/01-seal-types'
  const module2 = 'modules/02-seal-verification'
  const bodyImage =
    '![A steel bolt seal: a grey pin locked into a red barrel with the number 0012345](../../media/bolt-seal.svg "Figure 1. A bolt seal")'

  it.each<[string, (path: (file: string) => string) => Promise<unknown>, string[]]>([
    [
      'missing course.yaml',
      (p) => rm(p('course.yaml')),
      ['<pkg>/course.yaml: missing file: every package needs a course.yaml'],
    ],
    [
      'a schema error in course.yaml',
      (p) => replaceIn(p('course.yaml'), 'category: border-control', 'category: customs'),
      [
        '<pkg>/course.yaml: category: Invalid option: expected one of "trade-facilitation"|"border-control"|"digital-customs"',
      ],
    ],
    [
      'missing module.yaml',
      (p) => rm(p(`${module2}/module.yaml`)),
      [`<pkg>/${module2}/module.yaml: missing file: every module folder needs a module.yaml`],
    ],
    [
      'no modules',
      (p) => rm(p('modules'), { recursive: true }),
      [
        '<pkg>/modules: a package needs at least one module folder (modules/01-slug/)',
        '<pkg>/media/bolt-seal.svg: not referenced from any module body',
      ],
    ],
    [
      'a folder without a number',
      (p) => rename(p(module2), p('modules/seal-verification')),
      ['<pkg>/modules/seal-verification: a module folder is named NN-slug, e.g. 01-safe-framework'],
    ],
    [
      'a one-digit folder number',
      (p) => rename(p(module2), p('modules/2-seal-verification')),
      ['<pkg>/modules/2-seal-verification: a module folder is named NN-slug, e.g. 01-safe-framework'],
    ],
    [
      'a folder slug that differs from module.yaml',
      (p) => rename(p(module2), p('modules/02-seal-check')),
      [
        '<pkg>/modules/02-seal-check/module.yaml: slug: "seal-verification" must match the folder name 02-seal-check (expected "seal-check")',
      ],
    ],
    [
      'a folder number used twice',
      (p) => rename(p(module2), p('modules/01-seal-verification')),
      ['<pkg>/modules/01-seal-verification: folder number 01 is also used by modules/01-seal-types'],
    ],
    [
      'a body for an unsupported locale',
      (p) => cp(p(`${module2}/en.md`), p(`${module2}/de.md`)),
      [`<pkg>/${module2}/de.md: "de" is not a supported locale: bodies are en.md, ru.md`],
    ],
    [
      'a module without a body',
      async (p) => Promise.all([rm(p(`${module2}/en.md`)), rm(p(`${module2}/ru.md`))]),
      [`<pkg>/${module2}: a module needs a body: en.md, ru.md`],
    ],
    [
      'a level-1 heading first',
      (p) => replaceIn(p(`${module2}/en.md`), '## Learning objectives', '# Verifying a seal\n\n## Learning objectives'),
      [`<pkg>/${module2}/en.md: line 1: must not start with a level-1 heading: the page shows the module title`],
    ],
    [
      'a footnote',
      (p) =>
        replaceIn(p(`${module2}/en.md`), '## Learning objectives', '## Learning objectives[^1]\n\n[^1]: ISO 17712.'),
      [`<pkg>/${module2}/en.md: line 3: footnotes are not supported: put the note in the text`],
    ],
    [
      'an image from the web',
      (p) => replaceIn(p(`${module1}/en.md`), '../../media/bolt-seal.svg', 'https://example.org/seal.svg'),
      [
        `<pkg>/${module1}/en.md: line 10: image https://example.org/seal.svg must be a file in the package's media/ folder, not a web address`,
      ],
    ],
    [
      'an absolute image path',
      (p) => replaceIn(p(`${module1}/en.md`), '../../media/bolt-seal.svg', '/media/bolt-seal.svg'),
      [`<pkg>/${module1}/en.md: line 10: image /media/bolt-seal.svg must be a relative path like ../../media/x.svg`],
    ],
    [
      'an image outside the package',
      (p) => replaceIn(p(`${module1}/en.md`), '../../media/bolt-seal.svg', '../../../other/media/bolt-seal.svg'),
      [`<pkg>/${module1}/en.md: line 10: image ../../../other/media/bolt-seal.svg points outside the package`],
    ],
    [
      'an image outside media/',
      (p) => replaceIn(p(`${module1}/en.md`), '../../media/bolt-seal.svg', '../../course.yaml'),
      [`<pkg>/${module1}/en.md: line 10: image ../../course.yaml must be in the package's media/ folder`],
    ],
    [
      'an image without alt text',
      (p) => replaceIn(p(`${module1}/en.md`), bodyImage, '![](../../media/bolt-seal.svg "Figure. Bolt seal")'),
      [`<pkg>/${module1}/en.md: line 10: image ../../media/bolt-seal.svg needs alt text that describes it`],
    ],
    [
      'a media file of another type, and one nobody shows',
      (p) =>
        Promise.all([writeFile(p('media/notes.txt'), 'seal log'), cp(p('media/bolt-seal.svg'), p('media/spare.svg'))]),
      [
        '<pkg>/media/notes.txt: only .svg .png .jpg .jpeg .webp files are allowed in media/',
        '<pkg>/media/spare.svg: not referenced from any module body',
      ],
    ],
    [
      'a final exam the course does not want',
      (p) => replaceIn(p('course.yaml'), 'finalExam: optional', 'finalExam: none'),
      ['<pkg>/final-exam.yaml: must not exist: course.yaml sets completion.finalExam to "none"'],
    ],
    [
      'a final exam the course requires but lacks',
      async (p) => {
        await replaceIn(p('course.yaml'), 'finalExam: optional', 'finalExam: required')
        await rm(p('final-exam.yaml'))
      },
      ['<pkg>/final-exam.yaml: missing file: course.yaml sets completion.finalExam to "required"'],
    ],
    [
      'a glossary link to a term the course does not define',
      (p) => replaceIn(p(`${module1}/en.md`), bodyImage, `${bodyImage}\n\nSee [bolt seal](glossary:bolt-seal).`),
      [`<pkg>/${module1}/en.md: line 12: glossary link "bolt-seal" names no term of glossary.yaml`],
    ],
  ])('reports %s', async (_name, edit, expected) => {
    const { pkg, lines } = await loadEdited(edit)
    expect(lines).toEqual(expected)
    expect(pkg === null).toBe(expected.some((line) => !line.endsWith('not referenced from any module body')))
  })

  it('holds shipped packages to the second edition, and advises an author: references, captions, an even draw', async () => {
    const edit = async (p: (file: string) => string) => {
      await writeFile(
        p(`${module2}/module.yaml`),
        (await readFile(p(`${module2}/module.yaml`), 'utf8')).split('references:')[0]!,
      )
      await replaceIn(p(`${module1}/en.md`), bodyImage, bodyImage.replace(' "Figure 1. A bolt seal"', ''))
      await replaceIn(p('final-exam.yaml'), 'questionsPerModule: 1\n', '')
    }
    const expected = [
      `<pkg>/${module1}/en.md: line 10: figure ../../media/bolt-seal.svg needs a caption: ![alt](../../media/bolt-seal.svg "Figure 1. …")`,
      `<pkg>/${module2}/module.yaml: references: needs references: the dated legal and standard texts the module teaches`,
      "<pkg>/final-exam.yaml: questionsPerModule: must draw evenly from the modules: set questionsPerModule and each question's module",
    ]
    const advised = await loadEdited(edit, false)
    expect(advised.lines).toEqual(expected)
    expect(advised.problems.map((problem) => problem.severity)).toEqual(['warning', 'warning', 'warning'])
    const shipped = await loadEdited(edit, true)
    expect(shipped.problems.map((problem) => problem.severity)).toEqual(['error', 'error', 'error'])
    expect(shipped.pkg).toBeNull()
  })

  it('loads a package whose only problem is an unreferenced figure, and without a final exam when none is asked', async () => {
    const { pkg, problems } = await loadEdited(async (p) => {
      await cp(p('media/bolt-seal.svg'), p('media/spare.svg'))
      await replaceIn(p('course.yaml'), 'finalExam: optional', 'finalExam: none')
      await rm(p('final-exam.yaml'))
    })
    expect(problems.map((problem) => problem.severity)).toEqual(['warning'])
    expect(pkg?.finalExam).toBeNull()
    expect(pkg?.media.map((media) => media.name)).toEqual(['bolt-seal.svg', 'spare.svg'])
  })
})
