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
