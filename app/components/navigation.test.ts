import { describe, expect, it } from 'vitest'
import { navigationFor } from './navigation'

const paths = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((item) => item.path)

describe('navigationFor', () => {
  it('shows visitors the home page and the catalogue', () => {
    expect(paths(null)).toEqual(['/', '/courses'])
  })

  it('shows administrators the user and certificate management', () => {
    expect(paths('ADMIN')).toEqual([
      '/',
      '/courses',
      '/me',
      '/manage',
      '/studio',
      '/admin/users',
      '/admin/certificates',
      '/account',
    ])
  })

  it('never shows learners an admin page', () => {
    expect(paths('LEARNER')).toEqual(['/', '/courses', '/me', '/account'])
  })

  it('shows instructors the studio, and learners and coordinators never', () => {
    expect(paths('INSTRUCTOR')).toEqual(['/', '/courses', '/me', '/studio', '/account'])
    for (const role of ['LEARNER', 'MANAGER', null] as const) expect(paths(role)).not.toContain('/studio')
  })

  it('shows training coordinators their officers', () => {
    expect(paths('MANAGER')).toEqual(['/', '/courses', '/me', '/manage', '/account'])
  })
})
