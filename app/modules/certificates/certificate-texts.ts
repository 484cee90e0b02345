// The certificate's own words, in both languages on every certificate (see certificate-pdf.server.ts).
export const TEXTS = {
  en: {
    heading: 'CERTIFICATE OF COMPLETION',
    intro: 'This is to certify that',
    completed: 'has successfully completed the e-learning course',
    finalScore: 'Final exam score',
    completedAt: 'Completed on',
    issuedAt: 'Issued on',
    expiresAt: 'Valid until',
    courseVersion: 'Course version',
    code: 'Certificate code',
    verify: 'Verify: scan the QR code or open the address under it.',
    signatory: 'Head of Training, WCO Europe Regional Training Centre',
  },
  ru: {
    heading: 'СЕРТИФИКАТ О ПРОХОЖДЕНИИ ОБУЧЕНИЯ',
    intro: 'Настоящий сертификат подтверждает, что',
    completed: 'успешно прошёл(-ла) обучение по электронному курсу',
    finalScore: 'Результат итогового экзамена',
    completedAt: 'Дата завершения обучения',
    issuedAt: 'Дата выдачи',
    expiresAt: 'Действителен до',
    courseVersion: 'Версия курса',
    code: 'Код сертификата',
    verify: 'Проверка подлинности: QR-код или адрес под ним.',
    signatory: 'Руководитель Регионального учебного центра ВТамО (Европейский регион)',
  },
} as const
export type Lang = keyof typeof TEXTS

/**
 * The learner's name as each half of a certificate prints it: the English half in Latin script when the
 * certificate has a Latin name (snapshotted at issue, ADR 029), the Russian half as the name is registered.
 */
export function namesOnCertificate({
  learnerName,
  learnerNameLatin,
}: {
  learnerName: string
  learnerNameLatin: string | null
}): Record<Lang, string> {
  return { en: learnerNameLatin || learnerName, ru: learnerName }
}
