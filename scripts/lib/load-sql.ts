// The set-based SQL of `npm run seed:load`, run once per administration inside one transaction. Random
// draws are stored in temporary tables first (random() in a query's select list, once per row), so the
// enrolment, its module progress, attempts, answers and certificate all derive from the same draw.
// Times are UTC timestamps, as Prisma stores them; $now is an ISO string.

const NOW = `($now::timestamptz AT TIME ZONE 'UTC')`

/** Shares a reader may want to tune; each is of the rows it applies to. */
export const MIX = {
  /** Of the enrolled but not completed: in progress; the rest have not started. */
  inProgressShare: 0.6,
  assignedShare: 0.75,
  invitedShare: 0.03,
  deactivatedShare: 0.02,
  withoutUnitShare: 0.04,
  maleShare: 0.62,
  otherLocaleShare: 0.2,
  /** A failed try at a module quiz before passing it, and at some opened modules not completed yet. */
  moduleQuizRetryShare: 0.15,
  moduleQuizFailedShare: 0.3,
  examRetryShare: 0.2,
  /** In progress with every module done: a failed final exam attempt. */
  examFailedShare: 0.6,
} as const

/** Replaces `$name` placeholders with `$1`, `$2`… and lists the values of those the statement uses. */
export function bind(sql: string, params: Record<string, unknown>): [string, unknown[]] {
  const used: string[] = []
  const text = sql.replace(/\$([a-zA-Z]+)/g, (match, name: string) => {
    if (!(name in params)) throw new Error(`no value for ${match}`)
    if (!used.includes(name)) used.push(name)
    return `$${used.indexOf(name) + 1}`
  })
  return [text, used.map((name) => params[name])]
}

/** Quizzes' draws and answer sets ($draws, from load-attempts.ts); courses and their current modules. */
export const SETUP = [
  `CREATE TEMP TABLE load_draw ("quizId" text, "draw" int, "questions" jsonb) ON COMMIT DROP`,
  `INSERT INTO load_draw SELECT d->>'quizId', (d->>'draw')::int, d->'questions' FROM jsonb_array_elements($draws::jsonb) d`,
  `CREATE TEMP TABLE load_set ON COMMIT DROP AS
   SELECT d->>'quizId' AS "quizId", (d->>'draw')::int AS "draw", k."kind" = 'pass' AS "passed",
          (s."ord" - 1)::int AS "idx", jsonb_array_length(d->k."kind")::int AS "n",
          s."value"->'answers' AS "answers", (s."value"->>'score')::float8 AS "score"
   FROM jsonb_array_elements($draws::jsonb) d
   CROSS JOIN (VALUES ('pass'), ('fail')) k("kind")
   CROSS JOIN LATERAL jsonb_array_elements(d->k."kind") WITH ORDINALITY s("value", "ord")`,
  `CREATE TEMP TABLE load_course ON COMMIT DROP AS
   SELECT c."id" AS "courseId", row_number() OVER (ORDER BY c."slug")::int AS "rank",
          (SELECT count(*) FROM "Module" m WHERE m."courseId" = c."id" AND m."archivedAt" IS NULL)::int AS "modules",
          x."id" AS "examId", x."timeLimitMinutes" AS "examMinutes"
   FROM "Course" c
   LEFT JOIN "Quiz" x ON x."courseId" = c."id" AND x."kind" = 'FINAL_EXAM'
   WHERE c."status" = 'PUBLISHED'`,
  `DELETE FROM load_course WHERE "modules" = 0`,
  `CREATE TEMP TABLE load_module ON COMMIT DROP AS
   SELECT m."id" AS "moduleId", m."courseId", q."id" AS "quizId", q."timeLimitMinutes" AS "minutes",
          row_number() OVER (PARTITION BY m."courseId" ORDER BY m."position", m."id")::int AS "k"
   FROM "Module" m
   JOIN load_course c ON c."courseId" = m."courseId"
   LEFT JOIN "Quiz" q ON q."moduleId" = m."id"
   WHERE m."archivedAt" IS NULL`,
]

/** $administrationId, $officers, $domain, $names (given/surnames), $locale, $otherLocale, $passwordHash, $now. */
export const OFFICERS = [
  `CREATE TEMP TABLE load_officer ON COMMIT DROP AS
   SELECT g AS "n", random() < ${MIX.maleShare} AS "male", random() AS "rGiven", random() AS "rSurname",
          random() AS "rUnit", random() AS "rStatus", random() AS "rTime", random() AS "rLocale"
   FROM generate_series(1, $officers::int) g`,
  // Most accounts were created when the platform was rolled out 18–20 months ago, the rest since;
  // invited officers in the last two weeks. Bigger posts first: units are drawn with a skew.
  `INSERT INTO "User" ("id", "email", "displayName", "role", "administrationId", "unitId", "preferredLocale",
     "passwordHash", "passwordChangedAt", "disabledAt", "createdAt", "updatedAt")
   SELECT gen_random_uuid()::text, 'officer-' || lpad(o."n"::text, 5, '0') || '@' || $domain::text,
          CASE WHEN ($names::jsonb->>'familyFirst')::boolean THEN n."surname" || ' ' || n."given"
               ELSE n."given" || ' ' || n."surname" END,
          'LEARNER', $administrationId::text,
          CASE WHEN o."rUnit" < ${MIX.withoutUnitShare} THEN NULL
               ELSE u."ids"[1 + floor(power((o."rUnit" - ${MIX.withoutUnitShare}) / ${1 - MIX.withoutUnitShare}, 1.5)
                                        * cardinality(u."ids"))::int] END,
          CASE WHEN o."rLocale" < ${MIX.otherLocaleShare} THEN $otherLocale::text ELSE $locale::text END,
          CASE WHEN o."invited" THEN NULL ELSE $passwordHash::text END, t."createdAt",
          CASE WHEN NOT o."invited" AND o."rStatus" < ${MIX.invitedShare + MIX.deactivatedShare}
               THEN t."createdAt" + (${NOW} - t."createdAt") * o."rTime" END,
          t."createdAt", t."createdAt"
   FROM (SELECT *, "rStatus" < ${MIX.invitedShare} AS "invited" FROM load_officer) o
   CROSS JOIN (SELECT array_agg("id" ORDER BY "name") AS "ids" FROM "Unit"
               WHERE "administrationId" = $administrationId::text) u
   CROSS JOIN LATERAL (
     SELECT $names::jsonb->(CASE WHEN o."male" THEN 'male' ELSE 'female' END)
              ->>floor(o."rGiven" * jsonb_array_length($names::jsonb->'male'))::int AS "given",
            $names::jsonb->'surnames'->floor(o."rSurname" * jsonb_array_length($names::jsonb->'surnames'))::int
              ->>(CASE WHEN o."male" THEN 0 ELSE 1 END) AS "surname") n
   CROSS JOIN LATERAL (
     SELECT ${NOW} - CASE WHEN o."invited" THEN interval '14 days' * o."rTime"
                          WHEN o."rTime" < 0.85 THEN interval '540 days' + interval '70 days' * o."rTime"
                          ELSE interval '20 days' + interval '3000 days' * (1 - o."rTime") END AS "createdAt") t`,
]

/**
 * One row per officer and course: its state and times. $administrationId, $completion (share of
 * enrolments completed in this administration), $draws (final exam draws per quiz), $now.
 */
export const ENROLMENT_PLAN = `
  CREATE TEMP TABLE load_enrolment ON COMMIT DROP AS
  WITH base AS (
    SELECT u."id" AS "userId", u."passwordHash" IS NULL AS "invited", c.*,
           greatest(u."createdAt", ${NOW} - interval '540 days') AS "windowStart",
           random() AS "rEnrol", random() AS "rAssign", random() AS "rState", random() AS "rStart",
           random() AS "rSpan", random() AS "rOpen", random() AS "rDone", random() AS "rDue",
           random() AS "rExamDraw", random() AS "rExamSet", random() AS "rExamRetry", random() AS "rFail"
    FROM "User" u CROSS JOIN load_course c
    WHERE u."administrationId" = $administrationId::text AND u."role" = 'LEARNER'
  ), states AS (
    -- Never enrolled: 20 %, 8 %, 25 % of the officers in the first, second and third course by slug.
    SELECT b.*, CASE WHEN b."rEnrol" >= CASE b."rank" WHEN 1 THEN 0.80 WHEN 2 THEN 0.92 ELSE 0.75 END THEN NULL
                     WHEN b."invited" THEN 'not-started'
                     WHEN b."rState" < $completion::float8 THEN 'completed'
                     WHEN b."rState" < $completion::float8 + (1 - $completion::float8) * ${MIX.inProgressShare}
                       THEN 'in-progress'
                     ELSE 'not-started' END AS "state"
    FROM base b
  )
  SELECT s.*, e."enrolledAt", e."completedAt",
         s."state" IS NOT NULL AND s."rAssign" < ${MIX.assignedShare} AS "assigned",
         date_trunc('day', e."enrolledAt" + interval '30 days' * (1 + floor(s."rDue" * 3)))
           + interval '1 day' - interval '1 millisecond' AS "dueAt",
         (coalesce(e."completedAt", ${NOW}) - e."enrolledAt") / (s."modules" + 1) AS "step",
         CASE s."state" WHEN 'completed' THEN s."modules" WHEN 'in-progress' THEN o."opened" ELSE 0 END AS "opened",
         CASE s."state" WHEN 'completed' THEN s."modules"
                        WHEN 'in-progress' THEN least(o."done", CASE WHEN s."examId" IS NULL THEN s."modules" - 1
                                                                      ELSE s."modules" END)
                        ELSE 0 END AS "done",
         floor(s."rExamDraw" * $drawCount::int)::int AS "examDraw"
  FROM states s
  -- Completions spread over the window (the last 18 months, or since the account exists), each taking
  -- 2 to 90 days; open enrolments are more recent.
  CROSS JOIN LATERAL (
    SELECT s."windowStart" + (${NOW} - s."windowStart") * CASE WHEN s."state" = 'completed' THEN 0.85 * s."rStart"
                                                               WHEN s."invited" THEN 0.9 * s."rStart"
                                                               ELSE 0.4 + 0.6 * s."rStart" END AS "enrolledAt") t
  CROSS JOIN LATERAL (
    SELECT t."enrolledAt",
           CASE WHEN s."state" = 'completed'
                THEN least(t."enrolledAt" + interval '2 days' + interval '88 days' * s."rSpan", ${NOW} - interval '1 hour')
           END AS "completedAt") e
  CROSS JOIN LATERAL (SELECT 1 + floor(s."rOpen" * s."modules")::int AS "opened") o0
  CROSS JOIN LATERAL (SELECT o0."opened", least(o0."opened", floor(s."rDone" * (o0."opened" + 1))::int) AS "done") o
  WHERE s."state" IS NOT NULL`

/** $managerId: who assigned the assigned ones. */
export const ENROLMENTS = `
  INSERT INTO "Enrolment" ("id", "userId", "courseId", "assignedById", "dueAt", "enrolledAt", "completedAt", "finalScore")
  SELECT gen_random_uuid()::text, e."userId", e."courseId", CASE WHEN e."assigned" THEN $managerId::text END,
         CASE WHEN e."assigned" THEN e."dueAt" END, e."enrolledAt", e."completedAt", x."score"
  FROM load_enrolment e
  LEFT JOIN load_set x ON e."state" = 'completed' AND x."quizId" = e."examId" AND x."draw" = e."examDraw"
    AND x."passed" AND x."idx" = floor(e."rExamSet" * x."n")::int`

/** Module k of an enrolment is opened half a step before `t` and, when done, completed at `t`. $drawCount. */
export const PROGRESS = [
  `CREATE TEMP TABLE load_progress ON COMMIT DROP AS
   SELECT e."userId", m."moduleId", m."quizId", m."minutes", m."k" <= e."done" AS "completed",
          e."enrolledAt" + e."step" * m."k" AS "t", e."step",
          floor(random() * $drawCount::int)::int AS "draw", floor(random() * $drawCount::int)::int AS "retryDraw",
          random() AS "rSet", random() AS "rRetry", random() AS "rFail"
   FROM load_enrolment e
   JOIN load_module m ON m."courseId" = e."courseId" AND m."k" <= e."opened"`,
  `INSERT INTO "ModuleProgress" ("userId", "moduleId", "firstOpenedAt", "lastOpenedAt", "completedAt")
   SELECT "userId", "moduleId", "t" - "step" * 0.5,
          CASE WHEN "completed" THEN "t" ELSE "t" - "step" * (0.5 - 0.4 * "rFail") END,
          CASE WHEN "completed" THEN "t" END
   FROM load_progress`,
]

/**
 * Every attempt, submitted and graded: a module quiz passed when the module was completed (some after
 * a failed try), a failed try at some opened modules, the final exam passed at the course's completion
 * (some after a failed try) and failed by some who finished every module. $now.
 */
export const ATTEMPTS = [
  // A passed attempt ends when its module or course was completed; a failed one ends well before the
  // next try (or now). None lasts longer than 70 % of its time limit, nor than a fraction of the step.
  `CREATE TEMP TABLE load_attempt ON COMMIT DROP AS
   WITH raw AS (
     SELECT p."quizId", p."userId", 1 AS "number", false AS "passed", p."retryDraw" AS "draw", p."rFail" AS "rSet",
            p."t" - p."step" * 0.4 AS "startedAt", least(interval '10 minutes', p."step" * 0.1) AS "duration",
            p."minutes"
     FROM load_progress p
     WHERE p."quizId" IS NOT NULL AND (p."completed" AND p."rRetry" < ${MIX.moduleQuizRetryShare}
                                       OR NOT p."completed" AND p."rRetry" < ${MIX.moduleQuizFailedShare})
     UNION ALL
     SELECT p."quizId", p."userId", CASE WHEN p."rRetry" < ${MIX.moduleQuizRetryShare} THEN 2 ELSE 1 END, true,
            p."draw", p."rSet", p."t" - d."duration", d."duration", p."minutes"
     FROM load_progress p
     CROSS JOIN LATERAL (
       SELECT least(interval '4 minutes' + interval '8 minutes' * p."rSet", p."step" * 0.25) AS "duration") d
     WHERE p."quizId" IS NOT NULL AND p."completed"
     UNION ALL
     SELECT e."examId", e."userId", 1, false, (e."examDraw" + 1) % $drawCount::int, e."rFail",
            e."enrolledAt" + e."step" * (e."modules" + 0.3),
            least(interval '1 minute' * coalesce(e."examMinutes" * 0.7, 20), e."step" * 0.2), e."examMinutes"
     FROM load_enrolment e
     WHERE e."examId" IS NOT NULL AND (e."state" = 'completed' AND e."rExamRetry" < ${MIX.examRetryShare}
       OR e."state" = 'in-progress' AND e."done" = e."modules" AND e."rExamRetry" < ${MIX.examFailedShare})
     UNION ALL
     SELECT e."examId", e."userId", CASE WHEN e."rExamRetry" < ${MIX.examRetryShare} THEN 2 ELSE 1 END, true,
            e."examDraw", e."rExamSet", e."completedAt" - d."duration", d."duration", e."examMinutes"
     FROM load_enrolment e
     CROSS JOIN LATERAL (
       SELECT least(interval '1 minute' * coalesce(e."examMinutes" * 0.7, 20), e."step" * 0.25) AS "duration") d
     WHERE e."examId" IS NOT NULL AND e."state" = 'completed'
   )
   SELECT gen_random_uuid()::text AS "id", r."quizId", r."userId", r."number", r."passed", r."draw", r."rSet",
          r."startedAt", r."startedAt" + r."duration" AS "submittedAt",
          r."startedAt" + interval '1 minute' * r."minutes" AS "deadline"
   FROM raw r`,
  `INSERT INTO "QuizAttempt" ("id", "quizId", "userId", "number", "status", "questions", "startedAt", "deadline",
     "submittedAt", "closedBy", "score", "passed")
   SELECT a."id", a."quizId", a."userId", a."number", 'SUBMITTED', d."questions", a."startedAt", a."deadline",
          a."submittedAt", 'learner', s."score", s."passed"
   FROM load_attempt a
   JOIN load_draw d ON d."quizId" = a."quizId" AND d."draw" = a."draw"
   JOIN load_set s ON s."quizId" = a."quizId" AND s."draw" = a."draw" AND s."passed" = a."passed"
     AND s."idx" = floor(a."rSet" * s."n")::int`,
  // Blank questions have no answer row, as when the learner never saved one.
  `INSERT INTO "AttemptAnswer" ("attemptId", "position", "answer", "seq", "savedAt")
   SELECT a."id", (x."ord" - 1)::int, x."answer", x."ord"::int,
          a."startedAt" + (a."submittedAt" - a."startedAt") * (x."ord"::float8 / (jsonb_array_length(s."answers") + 1))
   FROM load_attempt a
   JOIN load_set s ON s."quizId" = a."quizId" AND s."draw" = a."draw" AND s."passed" = a."passed"
     AND s."idx" = floor(a."rSet" * s."n")::int
   CROSS JOIN LATERAL jsonb_array_elements(s."answers") WITH ORDINALITY x("answer", "ord")
   WHERE jsonb_typeof(x."answer") <> 'null'`,
]

/**
 * A certificate per completed enrolment, as issueCertificate writes it, issued at completion. The code
 * is 28 characters of Crockford's base32, 5 random bits each (a random byte modulo 32), like
 * generateCode's 140 bits. $administrationId.
 */
export const CERTIFICATES = `
  INSERT INTO "Certificate" ("id", "code", "userId", "courseId", "administrationId", "learnerName",
    "administrationName", "courseSlug", "courseTitle", "courseVersion", "finalScore", "completedAt", "issuedAt",
    "expiresAt")
  SELECT gen_random_uuid()::text,
         (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + get_byte(r."bytes", i) % 32, 1), ''
                            ORDER BY i)
          FROM generate_series(0, 27) i),
         u."id", c."id", u."administrationId", u."displayName", a."name", c."slug", c."title", c."version",
         e."finalScore", e."completedAt", e."completedAt",
         e."completedAt" + make_interval(months => c."certificateValidityMonths")
  FROM "Enrolment" e
  JOIN "User" u ON u."id" = e."userId"
  JOIN "Course" c ON c."id" = e."courseId"
  JOIN "Administration" a ON a."id" = u."administrationId"
  CROSS JOIN LATERAL (
    SELECT decode(md5(e."id" || gen_random_uuid()::text) || md5(gen_random_uuid()::text || e."id"), 'hex') AS "bytes"
  ) r
  WHERE u."administrationId" = $administrationId::text AND e."completedAt" IS NOT NULL`
