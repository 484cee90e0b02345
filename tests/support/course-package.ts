import type { CoursePackage, ModulePackage, Question, Quiz } from '~/modules/content/package.schema'

/*
 * Small course packages built in code for importer and progress tests: each test states only what
 * it changes. The text is short but real, so a failure message reads like the product.
 */

export function question(slug: string, overrides: Partial<Question> = {}): Question {
  return {
    slug,
    type: 'true-false',
    points: 1,
    prompt: {
      en: `Is the seal number checked against the transit document? (${slug})`,
      ru: `Сверяется ли номер пломбы с транзитной декларацией? (${slug})`,
    },
    explanation: {
      en: 'Always: a mismatch is a reason to stop the vehicle.',
      ru: 'Всегда: несовпадение — основание для остановки транспортного средства.',
    },
    answer: true,
    ...overrides,
  } as Question
}

export function quiz(slugs: string[], overrides: Partial<Quiz> = {}): Quiz {
  return {
    passMark: 70,
    maxAttempts: null,
    timeLimitMinutes: null,
    questionsPerAttempt: Math.min(2, slugs.length),
    questionsPerModule: null,
    shuffleQuestions: true,
    shuffleOptions: true,
    review: 'after-attempt',
    questions: slugs.map((slug) => question(slug)),
    ...overrides,
  }
}

export function module(slug: string, position: number, overrides: Partial<ModulePackage> = {}): ModulePackage {
  return {
    folder: `${String(position).padStart(2, '0')}-${slug}`,
    meta: { slug, title: { en: `Module ${slug}`, ru: `Модуль ${slug}` }, minutes: 20, references: [] },
    bodies: {
      en: `## Learning objectives\n\nCheck the seal on module ${slug}.\n\n![Seal diagram](../../media/seal.svg)\n`,
      ru: `## Цели обучения\n\nПроверьте пломбу в модуле ${slug}.\n\n![Схема пломбы](../../media/seal.svg)\n`,
    },
    quiz: quiz([`${slug}-q1`, `${slug}-q2`]),
    ...overrides,
  }
}

export function coursePackage(slug: string, overrides: Partial<CoursePackage> = {}): CoursePackage {
  return {
    dir: `courses/${slug}`,
    course: {
      slug,
      version: 1,
      category: 'border-control',
      title: { en: `Course ${slug}`, ru: `Курс ${slug}` },
      summary: { en: 'Seals and documents at the border.', ru: 'Пломбы и документы на границе.' },
      objectives: { en: ['Check a seal.'], ru: ['Проверять пломбу.'] },
      certificateValidityMonths: null,
      completion: { modules: 'all', finalExam: 'none' },
    },
    finalExam: null,
    modules: [module('alpha', 1), module('beta', 2), module('gamma', 3)],
    media: [
      {
        name: 'seal.svg',
        contentType: 'image/svg+xml',
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      },
    ],
    glossary: [],
    jobAids: [],
    ...overrides,
  }
}
