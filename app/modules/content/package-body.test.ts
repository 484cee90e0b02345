import { describe, expect, it } from 'vitest'
import { checkBody } from './package-body.server'
import { createReport } from './package-report'

function check(markdown: string) {
  const report = createReport({ strict: true, shipped: true })
  checkBody(report, 'courses/x/modules/01-a/en.md', markdown, '01-a', {
    names: new Set(['seal.svg']),
    referenced: new Set(),
  })
  return report.problems
}

describe('checkBody', () => {
  it('refuses a link the sanitiser would empty, with a message for the CLI and a code for the studio', () => {
    expect(check('## Seals\n\nSee [the guide](javascript:alert(1)).\n')).toEqual([
      {
        file: 'courses/x/modules/01-a/en.md',
        path: 'line 3',
        message: 'link javascript:alert(1) must be a web (http, https) or e-mail address',
        severity: 'error',
        code: 'unsafeLink',
        params: { line: 3, url: 'javascript:alert(1)' },
      },
    ])
  })

  it('codes every body problem, so no English text needs to reach an author of another language', () => {
    const problems = check('# Title\n\n<b>x</b>\n\n![](../../media/seal.svg) ![Map](../../media/map.svg)\n')
    expect(problems.map((problem) => [problem.code, problem.params])).toEqual([
      ['levelOneHeading', { line: 1 }],
      ['rawHtml', { line: 3, html: '<b>' }],
      ['imageAltMissing', { line: 5, url: '../../media/seal.svg' }],
      ['imageNotFound', { line: 5, url: '../../media/map.svg' }],
    ])
    expect(check('  \n')).toMatchObject([{ code: 'empty' }])
  })

  it('accepts web, e-mail, relative and in-page links', () => {
    expect(check('## Links\n\n[a](https://wcoomd.org) [b](mailto:a@b.test) [c](#top) [d](../02-b)\n')).toEqual([])
  })
})
