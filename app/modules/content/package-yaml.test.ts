import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { canonicalJson } from './package-hash'
import { courseSchema, quizSchema, type Quiz } from './package.schema'
import { courseYaml, moduleYaml, quizYaml } from './package-yaml'

const t = <T>(en: T, ru: T) => ({ en, ru })
const LONG = `${'The seal number is compared with the transit document, '.repeat(6)}then recorded.`

const quiz: Quiz = {
  passMark: 70,
  maxAttempts: 3,
  timeLimitMinutes: 30,
  questionsPerAttempt: 2,
  questionsPerModule: 1,
  shuffleQuestions: true,
  shuffleOptions: false,
  review: 'after-pass',
  questions: [
    {
      slug: '2005',
      type: 'single',
      points: 1,
      module: 'seals',
      prompt: t('Which seal?', 'Какая пломба?'),
      options: [
        { id: 'a', text: t('Bolt "H"', 'Болтовая «H»'), correct: true },
        { id: 'b', text: t('Cable', 'Тросовая'), correct: false },
      ],
      explanation: t(LONG, 'Первая строка.\nВторая строка.'),
    },
    {
      slug: 'pairs',
      type: 'matching',
      points: 2,
      module: 'doors',
      prompt: t('Match.', 'Сопоставьте.'),
      pairs: ['p1', 'p2', 'p3'].map((id) => ({ id, left: t(id, id), right: t(`${id}!`, `${id}!`) })),
      explanation: t('Because.', 'Потому что.'),
    },
    {
      slug: 'digit',
      type: 'container-check-digit',
      task: 'spot-wrong',
      choices: 4,
      points: 1,
      module: 'doors',
      prompt: t('Which one?', 'Какой?'),
      explanation: t('Compute it.', 'Вычислите.'),
    },
  ],
}

describe('quizYaml', () => {
  const written = quizYaml(quiz)

  it('reads back as the same quiz', () => {
    expect(canonicalJson(quizSchema.parse(parse(written)))).toBe(canonicalJson(quiz))
  })

  it('writes in the shipped files’ layout: texts quoted, an option on one line, a blank line between questions', () => {
    expect(written).toMatch(/^passMark: 70\nmaxAttempts: 3\ntimeLimitMinutes: 30\nquestionsPerAttempt: 2\n/)
    expect(written).toContain('questionsPerModule: 1\n')
    expect(written).toContain('      - { id: a, text: { en: "Bolt \\"H\\"", ru: "Болтовая «H»" }, correct: true }\n')
    // A wrong option does not say so: `correct` defaults to false.
    expect(written).toContain('      - { id: b, text: { en: "Cable", ru: "Тросовая" } }\n')
    expect(written).toContain(
      '      - id: p1\n        left: { en: "p1", ru: "p1" }\n        right: { en: "p1!", ru: "p1!" }\n',
    )
    expect(written).toContain('\n\n  - slug: pairs\n    type: matching\n    module: doors\n    points: 2\n')
    expect(written).toContain('  - slug: "2005"\n')
    // Never folded, however long; a line break is an escape in the quoted text.
    expect(written).toContain(`      en: "${LONG}"\n`)
    expect(written).toContain('      ru: "Первая строка.\\nВторая строка."\n')
    expect(written).toContain('    task: spot-wrong\n    choices: 4\n')
  })

  it('leaves out a final exam’s per-module fields when they are not set', () => {
    const plain = quizYaml({
      ...quiz,
      questionsPerModule: null,
      questions: [{ ...quiz.questions[2]!, module: undefined }],
    })
    expect(plain).not.toContain('questionsPerModule')
    expect(plain).not.toContain('module:')
  })
})

describe('courseYaml and moduleYaml', () => {
  it('write the course in the documented order, the completion rule on one line', () => {
    const course = courseSchema.parse({
      slug: 'seals',
      version: 2,
      category: 'border-control',
      summary: t('Seals.', 'Пломбы.'),
      title: { ru: 'Пломбы', en: 'Seals' },
      objectives: t(['Check a seal.'], ['Проверять пломбу.']),
      completion: { finalExam: 'none', modules: 'all' },
    })
    expect(courseYaml(course)).toBe(
      [
        'slug: seals',
        'version: 2',
        'category: border-control',
        'title:\n  en: "Seals"\n  ru: "Пломбы"',
        'summary:\n  en: "Seals."\n  ru: "Пломбы."',
        'objectives:\n  en:\n    - "Check a seal."\n  ru:\n    - "Проверять пломбу."',
        'completion: { modules: all, finalExam: none }\n',
      ].join('\n'),
    )
    expect(courseYaml({ ...course, certificateValidityMonths: 36 })).toContain('\ncertificateValidityMonths: 36\n')
  })

  it('writes a module with a missing translation as a map without it', () => {
    expect(moduleYaml({ minutes: 20, title: { ru: 'Пломбы' }, slug: 'seals' })).toBe(
      'slug: seals\ntitle:\n  ru: "Пломбы"\nminutes: 20\n',
    )
  })
})
