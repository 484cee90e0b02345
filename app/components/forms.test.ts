import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { resources } from '~/i18n/resources'
import { CreateUserSchema } from '~/modules/admin/users.schema'
import { ChangePasswordSchema, LoginSchema } from '~/modules/auth/auth.schema'
import { RevokeSchema } from '~/modules/certificates/revoke.schema'
import { AcceptInvitationSchema, AssignSchema, InviteSchema, OfficerFileSchema } from '~/modules/manage/manage.schema'

/**
 * Each form's schema, what its page sends besides what a person types, and the fields typed into.
 * FieldErrors translates a message as a key of `ns`; anything else (Zod's own English default) would
 * reach the reader untranslated, with JavaScript and without.
 */
const FORMS: { name: string; ns: string; schema: z.ZodType; sent: Record<string, string>; typed: string[] }[] = [
  { name: 'login', ns: 'auth', schema: LoginSchema, sent: { redirectTo: '' }, typed: ['email', 'password'] },
  {
    name: 'password change',
    ns: 'auth',
    schema: ChangePasswordSchema,
    sent: { intent: 'password' },
    typed: ['currentPassword', 'newPassword', 'confirmPassword'],
  },
  {
    name: 'invitation',
    ns: 'manage',
    schema: AcceptInvitationSchema,
    sent: {},
    typed: ['password', 'confirmPassword'],
  },
  {
    name: 'invite',
    ns: 'manage',
    schema: InviteSchema,
    sent: { intent: 'invite', unitId: '', preferredLocale: 'ru' },
    typed: ['email', 'displayName'],
  },
  { name: 'assign', ns: 'manage', schema: AssignSchema, sent: { intent: 'assign', unitId: '' }, typed: ['dueAt'] },
  {
    name: 'create user',
    ns: 'admin',
    schema: CreateUserSchema,
    sent: { intent: 'create', role: 'LEARNER', administrationId: '', preferredLocale: 'en' },
    typed: ['email', 'displayName', 'password'],
  },
  {
    name: 'revoke',
    ns: 'certificates',
    schema: RevokeSchema,
    sent: { intent: 'revoke', certificateId: 'c1' },
    typed: ['reason'],
  },
]

/** Left empty, too short, too long: what a person can type into a field. */
const TYPED_VALUES = ['', 'x', 'x'.repeat(400)]

function isKey(ns: string, key: string) {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], resources.en?.[ns])
  return typeof value === 'string'
}

function messagesFor(schema: z.ZodType, fields: Record<string, string | File>) {
  const formData = new FormData()
  for (const [name, value] of Object.entries(fields)) formData.set(name, value)
  const submission = parseWithZod(formData, { schema })
  return Object.values(submission.status === 'error' ? (submission.error ?? {}) : {}).flatMap((errors) => errors ?? [])
}

describe('form schemas answer with keys of their namespace', () => {
  it.each(FORMS)('$name', ({ ns, schema, sent, typed }) => {
    const messages = TYPED_VALUES.flatMap((value) =>
      messagesFor(schema, { ...sent, ...Object.fromEntries(typed.map((name) => [name, value])) }),
    )
    expect(messages.length).toBeGreaterThan(0)
    expect(messages.filter((message) => !isKey(ns, message))).toEqual([])
  })

  it('officer import: no file chosen', () => {
    // A file input left empty sends a nameless empty file.
    const messages = messagesFor(OfficerFileSchema, { file: new File([], '') })
    expect(messages).toEqual(['import.fileMissing'])
  })
})
