import type { CertificateSnapshot } from '~/modules/certificates/certificate-pdf.server'

/** A realistic certificate for the PDF tests and benchmark: a Cyrillic name, both languages, every field set. */
export function sampleCertificate(changes: Partial<CertificateSnapshot> = {}): CertificateSnapshot {
  return {
    code: '7Q2M-0K4T-9XJP-3V8D-M6RW-2ZHC-5T1N',
    learnerName: 'Иван Петрович Сидоров',
    learnerNameLatin: null,
    administrationName: { en: 'State Customs Service (demo)', ru: 'Государственная таможенная служба (демо)' },
    courseTitle: { en: 'Cargo and container control', ru: 'Контроль грузов и контейнеров' },
    courseVersion: 3,
    finalScore: 87.5,
    completedAt: new Date('2026-11-23T09:15:00Z'),
    issuedAt: new Date('2026-11-24T10:00:00Z'),
    expiresAt: new Date('2029-11-23T00:00:00Z'),
    ...changes,
  }
}
