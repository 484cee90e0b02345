import { availableParallelism } from 'node:os'
import { z } from '~/utils/zod'
import { singleton } from './singleton.server'

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1')

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number({ error: 'must be a port number (1-65535)' }).int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    BASE_URL: z
      .url({ error: 'must be an absolute URL such as https://training.example.org' })
      .default('http://localhost:3000'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
      .optional(),
    PGLITE_DIR: z.string().min(1).default('./data/pglite'),
    SEED_DEMO: booleanFlag.default(true),
    /** Folders of course packages imported on the first start (no course in the database yet), `:`-separated. */
    COURSES_DIR: z.string().min(1).default('./courses'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: booleanFlag.default(false),
    SESSION_IDLE_HOURS: z.coerce.number().positive().default(72),
    /** PostgreSQL connections per app process. Default: 25, fewer with many processes (see poolSize). */
    DATABASE_POOL_SIZE: z.coerce
      .number({ error: 'must be a whole number of connections' })
      .int()
      .min(1)
      .max(500)
      .optional(),
    /** App processes serving requests; PostgreSQL only (PGlite lives inside its one process). Default: one per core. */
    WEB_CONCURRENCY: z.coerce.number({ error: 'must be a whole number of processes' }).int().min(1).max(64).optional(),
    /** The mail server invitations go out through. Unset: no e-mail; the manager copies each link. */
    SMTP_URL: z
      .url({
        protocol: /^smtps?$/,
        hostname: /./,
        error: 'must be a URL such as smtp://user:password@mail.example.org:587 or smtps://…:465',
      })
      .optional(),
    /** The sender of those e-mails, as an address or `Name <address>`. */
    MAIL_FROM: z
      .string()
      .regex(/@/, { error: 'must be an e-mail address, optionally as Name <address>' })
      .default('Customs e-Training <no-reply@localhost>'),
    /** Seconds before a failed e-mail job is tried again; doubled after each failure (ADR 033). */
    JOB_RETRY_DELAY_SECONDS: z.coerce
      .number({ error: 'must be a whole number of seconds' })
      .int()
      .min(1)
      .max(3600)
      .default(30),
    /**
     * Tests only: `fail-after-claim-once` makes the first attempt of every e-mail job fail after it has
     * claimed its row, so a test sees the retry send the message exactly once (ADR 033).
     */
    REMINDER_FAULT: z.enum(['fail-after-claim-once'], { error: 'must be fail-after-claim-once or unset' }).optional(),
  })
  .refine((env) => env.DATABASE_URL !== undefined || (env.WEB_CONCURRENCY ?? 1) === 1, {
    path: ['WEB_CONCURRENCY'],
    error: 'must be 1 with the embedded database (set DATABASE_URL to run several processes)',
  })

export type Env = z.infer<typeof EnvSchema>

export class InvalidEnvironment extends Error {}

/** Parses the environment; the error message names the first offending variable in one line. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const result = EnvSchema.safeParse(cleaned)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const name = String(issue?.path[0] ?? 'environment')
  throw new InvalidEnvironment(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`)
}

/** Read once per process. */
export function getEnv(): Env {
  return singleton('env', () => parseEnv(process.env))
}

/** How many app processes serve requests: one with PGlite, else WEB_CONCURRENCY or one per core. */
export function appProcessCount(env: Env, cores = availableParallelism()): number {
  if (env.DATABASE_URL === undefined) return 1
  return env.WEB_CONCURRENCY ?? cores
}

/**
 * PostgreSQL connections per app process. Under an exam-start burst, requests wait for a connection
 * before anything else, so one process wants a couple of dozen; all processes together stay within 80,
 * below PostgreSQL's default limit of 100 connections.
 */
export function poolSize(env: Env, processes = appProcessCount(env)): number {
  return env.DATABASE_POOL_SIZE ?? Math.max(2, Math.min(25, Math.floor(80 / processes)))
}
