import { describe, expect, it } from 'vitest'
import { DraftSaver, SAVE_PAUSE_MS, type SaveState, type SaverEnvironment } from './draft-saver'

// The saver against a scripted network and a hand-wound clock: no real waits.

interface Post {
  body: URLSearchParams
  answer: (status: number, json: unknown) => void
  fail: () => void
}

function harness() {
  let now = 0
  let timers: { at: number; run: () => void; id: number }[] = []
  let nextId = 1
  const posts: Post[] = []
  const states: SaveState['kind'][] = []
  const env: SaverEnvironment = {
    fetch: ((_url: string, init: { body: URLSearchParams }) =>
      new Promise<Response>((resolve, reject) => {
        posts.push({
          body: init.body,
          answer: (status, json) => resolve(new Response(JSON.stringify(json), { status })),
          fail: () => reject(new TypeError('Failed to fetch')),
        })
      })) as unknown as typeof fetch,
    setTimeout: (run, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, run, id })
      return id
    },
    clearTimeout: (id) => {
      timers = timers.filter((timer) => timer.id !== id)
    },
    random: () => 0,
  }
  const saver = new DraftSaver({
    url: '/en/studio/courses/c/modules/m/draft',
    locale: 'en',
    version: 3,
    text: { title: 'T', markdown: 'A' },
    onState: (state) => states.push(state.kind),
    environment: env,
  })
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
  return {
    saver,
    posts,
    states,
    /** Moves the clock on, running what falls due. */
    async wait(ms: number) {
      now += ms
      for (;;) {
        const due = timers.filter((timer) => timer.at <= now)
        if (due.length === 0) break
        timers = timers.filter((timer) => timer.at > now)
        for (const timer of due) timer.run()
        await flush()
      }
      await flush()
    },
    flush,
  }
}

describe('DraftSaver', () => {
  it('saves after a pause in typing, one post for a burst of edits, under the version it holds', async () => {
    const { saver, posts, wait } = harness()
    saver.change({ title: 'T', markdown: 'AB' })
    await wait(SAVE_PAUSE_MS / 2)
    saver.change({ title: 'T', markdown: 'ABC' })
    await wait(SAVE_PAUSE_MS - 1)
    expect(posts).toHaveLength(0)
    await wait(1)
    expect(posts).toHaveLength(1)
    expect(Object.fromEntries(posts[0]!.body)).toEqual({ locale: 'en', version: '3', title: 'T', markdown: 'ABC' })
    posts[0]!.answer(200, { version: 4, savedAt: '2026-12-06T10:00:00.000Z' })
    await wait(0)
    expect(saver.state).toEqual({ kind: 'saved', at: '2026-12-06T10:00:00.000Z' })
    expect(saver.version).toBe(4)
  })

  it('sends an edit made during a save after it, with the new version', async () => {
    const { saver, posts, wait } = harness()
    saver.change({ title: 'T', markdown: 'AB' })
    await wait(SAVE_PAUSE_MS)
    saver.change({ title: 'T', markdown: 'ABC' })
    await wait(SAVE_PAUSE_MS)
    expect(posts).toHaveLength(1) // one at a time
    posts[0]!.answer(200, { version: 4, savedAt: 'x' })
    await wait(0)
    expect(posts).toHaveLength(2)
    expect(posts[1]!.body.get('version')).toBe('4')
    expect(posts[1]!.body.get('markdown')).toBe('ABC')
  })

  it('retries a lost connection and a server away with growing waits, then saves', async () => {
    const { saver, posts, wait } = harness()
    saver.change({ title: 'T', markdown: 'AB' })
    await wait(SAVE_PAUSE_MS)
    posts[0]!.fail()
    await wait(0)
    expect(saver.state.kind).toBe('retrying')
    await wait(999)
    expect(posts).toHaveLength(1)
    await wait(1)
    expect(posts).toHaveLength(2)
    posts[1]!.answer(503, { message: 'away' })
    await wait(0)
    expect(saver.state.kind).toBe('retrying')
    await wait(1999)
    expect(posts).toHaveLength(2)
    await wait(1)
    posts[2]!.answer(200, { version: 4, savedAt: 'x' })
    await wait(0)
    expect(saver.state.kind).toBe('saved')
  })

  it('stops at a conflict until the author chooses; keeping theirs saves nothing, keeping mine overwrites knowingly', async () => {
    const theirs = {
      locale: 'en' as const,
      title: 'T',
      markdown: 'Theirs',
      version: 7,
      updatedBy: 'Oleg',
      updatedAt: 'y',
    }
    const { saver, posts, wait } = harness()
    saver.change({ title: 'T', markdown: 'Mine' })
    await wait(SAVE_PAUSE_MS)
    posts[0]!.answer(409, { conflict: theirs })
    await wait(0)
    expect(saver.state).toEqual({ kind: 'conflict', theirs })
    saver.change({ title: 'T', markdown: 'Mine!' })
    await wait(SAVE_PAUSE_MS * 10)
    expect(posts).toHaveLength(1) // nothing sent over their text without the author's word
    saver.keepMine(theirs)
    await wait(0)
    expect(posts).toHaveLength(2)
    expect(Object.fromEntries(posts[1]!.body)).toMatchObject({ version: '7', markdown: 'Mine!' })

    const other = harness()
    other.saver.change({ title: 'T', markdown: 'Mine' })
    await other.wait(SAVE_PAUSE_MS)
    other.posts[0]!.answer(409, { conflict: theirs })
    await other.wait(0)
    other.saver.takeTheirs(theirs)
    await other.wait(SAVE_PAUSE_MS * 10)
    expect(other.posts).toHaveLength(1)
    expect(other.saver.state.kind).toBe('saved')
    expect(other.saver.version).toBe(7)
  })

  it('a refusal waits for the next edit and shows the server’s messages', async () => {
    const { saver, posts, wait } = harness()
    saver.change({ title: 'T', markdown: '<b>x</b>' })
    await wait(SAVE_PAUSE_MS)
    posts[0]!.answer(400, { problems: [{ field: 'body', text: 'Line 1: HTML is not allowed' }] })
    await wait(0)
    expect(saver.state).toEqual({ kind: 'refused', messages: [{ field: 'body', text: 'Line 1: HTML is not allowed' }] })
    await wait(SAVE_PAUSE_MS * 10)
    expect(posts).toHaveLength(1)
    saver.change({ title: 'T', markdown: 'x' })
    await wait(SAVE_PAUSE_MS)
    expect(posts).toHaveLength(2)
  })

  it('sends nothing once the page’s form takes over, and waits for a save on its way', async () => {
    const { saver, posts, wait } = harness()
    saver.change({ title: 'T', markdown: 'AB' })
    await wait(SAVE_PAUSE_MS)
    saver.change({ title: 'T', markdown: 'ABC' })
    saver.suspend()
    let settled = false
    void saver.settled().then(() => (settled = true))
    await wait(0)
    expect(settled).toBe(false)
    posts[0]!.answer(200, { version: 4, savedAt: 'x' })
    await wait(SAVE_PAUSE_MS * 10)
    expect(settled).toBe(true)
    expect(saver.version).toBe(4) // the form posts with it
    expect(posts).toHaveLength(1)
  })
})
