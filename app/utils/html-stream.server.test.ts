import { PassThrough, type Writable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { createElement } from 'react'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { withoutNulBytes } from './html-stream.server'

// Russian paragraphs: some two-byte letter falls on the end of one of React's 2 KiB buffers.
const page = createElement(
  'main',
  null,
  Array.from({ length: 12 }, (_, index) => createElement('p', { key: index }, `${index}: ${'Выше'.repeat(75)}`)),
)

/** Streams the page into `destination` and reads what comes out of it. */
async function streamThrough(destination: Writable & NodeJS.ReadableStream) {
  const { pipe } = renderToPipeableStream(page)
  pipe(destination)
  return text(destination)
}

describe('withoutNulBytes', () => {
  it('React 18 alone puts NUL bytes between letters (facebook/react#31134): why the filter exists', async () => {
    expect(await streamThrough(new PassThrough())).toContain('\0')
  })

  it('gives the page exactly as React renders it to a string', async () => {
    const html = await streamThrough(withoutNulBytes())
    expect(html).not.toContain('\0')
    expect(html).toBe(renderToString(page))
  })
})
