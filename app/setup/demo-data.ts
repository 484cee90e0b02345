import type { Role } from '~/generated/prisma/enums'

export const DEMO_PASSWORD = 'demo-password-2026'

// Demo tenants, named so nobody mistakes them for the real administrations' own data.
export const DEMO_ADMINISTRATIONS = [
  {
    code: 'DEMO-AM',
    name: {
      en: 'State Revenue Committee of Armenia — Customs (demo)',
      ru: 'Комитет госдоходов Армении — таможня (демо)',
    },
    units: ['Bagratashen road border crossing', 'Zvartnots airport customs post', 'Yerevan customs office'],
  },
  {
    code: 'DEMO-GE',
    name: { en: 'Revenue Service of Georgia — Customs (demo)', ru: 'Служба доходов Грузии — таможня (демо)' },
    units: ['Sarpi border crossing', 'Poti seaport customs'],
  },
  {
    code: 'DEMO-MD',
    name: { en: 'Customs Service of Moldova (demo)', ru: 'Таможенная служба Молдовы (демо)' },
    units: ['Leuseni border crossing', 'Chisinau airport customs post'],
  },
] as const

/** How long ago the demo accounts were made: before the oldest demo record (300 days back). */
export const DEMO_ACCOUNTS_AGE_DAYS = 400

/** The demo account that edits the shipped courses in the studio. */
export const DEMO_COURSE_EDITOR = 'instructor@demo.test'

export interface DemoUser {
  email: string
  displayName: string
  role: Role
  /** Index into DEMO_ADMINISTRATIONS, or null for the regional office. */
  administration: number | null
  preferredLocale: 'en' | 'ru'
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@demo.test',
    displayName: 'Regional Office Administrator',
    role: 'ADMIN',
    administration: null,
    preferredLocale: 'en',
  },
  {
    email: 'instructor@demo.test',
    displayName: 'Elena Marchenko',
    role: 'INSTRUCTOR',
    administration: null,
    preferredLocale: 'en',
  },
  {
    email: 'manager@demo.test',
    displayName: 'Lilit Hakobyan',
    role: 'MANAGER',
    administration: 0,
    preferredLocale: 'en',
  },
  {
    email: 'learner@demo.test',
    displayName: 'Aram Petrosyan',
    role: 'LEARNER',
    administration: 0,
    preferredLocale: 'en',
  },
  {
    email: 'learner.ru@demo.test',
    displayName: 'Анна Григорян',
    role: 'LEARNER',
    administration: 0,
    preferredLocale: 'ru',
  },
]

export type DemoCourseState = 'assigned' | 'opened' | 'halfway' | 'completed'

/** Where a demo officer stands in one course; days are counted back from the first start. */
export interface DemoTraining {
  course: 'aeo' | 'cargo-container-control' | 'single-window'
  state: DemoCourseState
  /** When they began (completed courses: when they finished). */
  daysAgo: number
  /** Assigned by the coordinator with this due date (negative: already past). */
  dueInDays?: number
}

export interface DemoOfficer {
  name: string
  administration: number
  /** Index into the administration's units. */
  unit: number
  training: DemoTraining[]
}

/**
 * Officers with training records, so a coordinator trying the platform sees a matrix, a chart and
 * transcripts with something in them. Their records are made through the real quiz engine.
 */
export const DEMO_OFFICERS: DemoOfficer[] = [
  {
    name: 'Tigran Sargsyan',
    administration: 0,
    unit: 0,
    training: [
      { course: 'cargo-container-control', state: 'completed', daysAgo: 300 },
      { course: 'aeo', state: 'completed', daysAgo: 120 },
      { course: 'single-window', state: 'halfway', daysAgo: 20, dueInDays: 40 },
    ],
  },
  {
    name: 'Ani Hovhannisyan',
    administration: 0,
    unit: 1,
    training: [
      { course: 'single-window', state: 'completed', daysAgo: 250 },
      { course: 'aeo', state: 'completed', daysAgo: 60 },
    ],
  },
  {
    name: 'Hayk Mkrtchyan',
    administration: 0,
    unit: 0,
    training: [
      { course: 'cargo-container-control', state: 'completed', daysAgo: 200 },
      { course: 'aeo', state: 'opened', daysAgo: 45, dueInDays: -5 },
    ],
  },
  {
    name: 'Narine Avetisyan',
    administration: 0,
    unit: 2,
    training: [
      { course: 'single-window', state: 'completed', daysAgo: 150 },
      { course: 'cargo-container-control', state: 'completed', daysAgo: 30 },
    ],
  },
  {
    name: 'Davit Grigoryan',
    administration: 0,
    unit: 0,
    training: [{ course: 'cargo-container-control', state: 'assigned', daysAgo: 40, dueInDays: -10 }],
  },
  {
    name: 'Lusine Karapetyan',
    administration: 0,
    unit: 1,
    training: [
      { course: 'aeo', state: 'completed', daysAgo: 90 },
      { course: 'single-window', state: 'halfway', daysAgo: 15, dueInDays: 30 },
    ],
  },
  {
    name: 'Armen Vardanyan',
    administration: 0,
    unit: 2,
    training: [{ course: 'single-window', state: 'completed', daysAgo: 10 }],
  },
  {
    name: 'Mariam Harutyunyan',
    administration: 0,
    unit: 0,
    training: [{ course: 'cargo-container-control', state: 'assigned', daysAgo: 5, dueInDays: 60 }],
  },
  {
    name: 'Giorgi Beridze',
    administration: 1,
    unit: 0,
    training: [
      { course: 'cargo-container-control', state: 'completed', daysAgo: 180 },
      { course: 'aeo', state: 'halfway', daysAgo: 25, dueInDays: 20 },
    ],
  },
  {
    name: 'Nino Kapanadze',
    administration: 1,
    unit: 1,
    training: [{ course: 'single-window', state: 'completed', daysAgo: 75 }],
  },
  {
    name: 'Ion Rusu',
    administration: 2,
    unit: 0,
    training: [{ course: 'aeo', state: 'completed', daysAgo: 100 }],
  },
  {
    name: 'Elena Ciobanu',
    administration: 2,
    unit: 1,
    training: [{ course: 'cargo-container-control', state: 'opened', daysAgo: 8, dueInDays: 50 }],
  },
]

/** The demo officer's sign-in: "Tigran Sargsyan" → tigran.sargsyan@demo.test. */
export const demoOfficerEmail = (name: string) => `${name.toLowerCase().replace(/\s+/g, '.')}@demo.test`
