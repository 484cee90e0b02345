/**
 * The attempts that count against the limit and towards a pass now. After a learner renews an
 * expired certificate, the final exam starts afresh: only attempts since the renewal count (the
 * earlier ones stay in the history). Module quizzes are never renewed.
 */
export function countingAttempts<T extends { startedAt: Date }>(
  attempts: T[],
  { kind, renewedAt }: { kind: 'MODULE' | 'FINAL_EXAM'; renewedAt: Date | null | undefined },
): T[] {
  if (kind !== 'FINAL_EXAM' || !renewedAt) return attempts
  return attempts.filter((attempt) => attempt.startedAt.getTime() >= renewedAt.getTime())
}
