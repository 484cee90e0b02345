import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'
import { jobAidSchema } from '~/modules/content/job-aid.schema'
import { renderJobAidPdf, jobAidPages } from '~/modules/job-aids/job-aid-pdf.server'
const [file, out, locale = 'ru'] = process.argv.slice(2)
const aid = jobAidSchema.parse(parse(readFileSync(file!, 'utf8')))
console.log('pages', jobAidPages(aid, locale as 'ru'))
const pdf = await renderJobAidPdf({ aid, locale: locale as 'ru', frame: { courseTitle: 'Контроль грузов и контейнеров', sourcesLabel: 'Источники', footer: 'Таможенное электронное обучение · распечатайте на A4' }, date: new Date('2026-12-01') })
writeFileSync(out!, pdf)
