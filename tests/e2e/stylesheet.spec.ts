// The stylesheet is written into each page under the response's nonce (ADR 036). React makes the
// document's elements anew when hydration fails; the new <style> must still be allowed and applied.
import { expect, test } from './fixtures'

const BAND = 'rgb(11, 79, 108)' // --band, the header's background

test('the page keeps its styles when React renders the document itself instead of hydrating it', async ({
  page,
  cspViolations,
  pageErrors,
}) => {
  // Once the HTML is parsed and before the scripts run: mark the server's <style>, and change a text
  // React will find different from what it renders (hydration then gives up and renders the page).
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return
      Object.assign(document.getElementById('app-stylesheet') ?? {}, { fromServer: true })
      const heading = document.querySelector('h1')
      if (heading) heading.textContent = 'Not what React renders'
    })
  })
  await page.goto('/en/courses')
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Not what React renders')
  // React reports the mismatch (#418, #425) and that it renders the page instead (#423): expected here.
  await expect.poll(() => pageErrors.join(' | ')).toContain('Minified React error #423')
  pageErrors.length = 0

  const style = await page.evaluate(() => {
    const element = document.getElementById('app-stylesheet') as (HTMLStyleElement & { fromServer?: true }) | null
    return {
      madeAgain: Boolean(element && !element.fromServer),
      nonce: element?.nonce ?? '',
      rules: element?.sheet?.cssRules.length ?? 0,
    }
  })
  expect(style.madeAgain, 'React made a new <style>').toBe(true)
  expect(style.nonce).not.toBe('')
  expect(style.rules).toBeGreaterThan(100)
  await expect(page.locator('.site-header')).toHaveCSS('background-color', BAND)
  expect(cspViolations).toEqual([])
})
