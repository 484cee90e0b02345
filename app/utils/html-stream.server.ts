import { Transform } from 'node:stream'

/**
 * The page's bytes as React writes them, less the NUL bytes React 18.3 puts in by mistake
 * (facebook/react#31134): it encodes text into 2 KiB buffers, and when a character of two or more
 * bytes does not fit at a buffer's end it sends the whole buffer, unused bytes included. In a
 * Russian page a browser then reads "Вы\0ше", and shows U+FFFD inside a button's accessible name.
 * HTML never needs a NUL (the parser turns one into U+FFFD or drops it), so removing every one is
 * exact. React 19 writes only the bytes it filled; html-stream.server.test.ts fails once React stops
 * doing this, and this can go then.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk)
    },
  })
}
