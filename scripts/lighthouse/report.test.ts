import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Scores } from './audit'
import { failingAudits, resultsTable, writeSection } from './report'

const scores = (performance: number, failing: Scores['failing'] = []): Scores => ({
  categories: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
  tbt: 12.4,
  mainThread: 1500,
  scriptBytes: 116_286,
  cpuIndex: 1987.4,
  failing,
})

describe('the Lighthouse section of BENCHMARKS.md', () => {
  it('adds a section, then replaces only the run of the same label', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lighthouse-report-')), 'BENCHMARKS.md')
    writeFileSync(file, '# Benchmarks\n\nOther results.\n')
    writeSection('before', 'first before', file)
    writeSection('after', 'first after', file)
    writeSection('before', 'second before', file)
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('Other results.')
    expect(text.match(/^## Lighthouse$/gm)).toHaveLength(1)
    expect(text).toContain('second before')
    expect(text).not.toContain('first before')
    expect(text).toContain('first after')
    expect(text.indexOf('second before')).toBeLessThan(text.indexOf('first after'))
  })
})

describe('the results table', () => {
  it('marks a page below the goals and lists each failing audit once with its pages', () => {
    const failing = [{ id: 'meta-description', title: 'No description', category: 'seo' as const, detail: '' }]
    const results = [
      { page: 'home', language: 'en', path: '', scores: scores(99) },
      { page: 'module', language: 'ru', path: '/m', scores: scores(97, failing) },
      { page: 'module', language: 'en', path: '/m', scores: scores(98, failing) },
    ]
    const table = resultsTable(results).split('\n')
    expect(table[2]).toMatch(/\| home .* 99 .* 113\.6 +\| 1987 .* met/)
    expect(table[3]).toContain('BELOW GOAL')
    expect(table[4]).toContain('met')
    expect(failingAudits(results)).toEqual(['- seo · `meta-description` No description: module (ru), module (en)'])
  })
})
