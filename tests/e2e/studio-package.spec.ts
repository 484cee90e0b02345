// Downloading a course as a package (issue 15, ADR 026): the link on the studio's course page gives the
// browser a zip named after the course, holding the package's files.
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { waitForHydration } from './helpers'

test('an instructor downloads a shipped course as <slug>.zip from its studio page', async ({ page, signIn }) => {
  await signIn('instructor@demo.test')
  await page.goto('/ru/studio/courses/single-window')
  const link = page.getByRole('link', { name: 'Скачать пакет (.zip)' })
  await waitForHydration(link)
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe('single-window.zip')
  const zip = await readFile(await download.path())
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK')
  // Names are stored as they are in a zip.
  expect(zip.includes('modules/01-what-is-single-window/quiz.yaml')).toBe(true)
})
