import { getPrisma } from '~/utils/db.server'
import { localizedName } from '~/i18n/localized'

export async function getAdministrationName({ id, locale }: { id: string; locale: string }) {
  const administration = await getPrisma().administration.findUnique({ where: { id }, select: { name: true } })
  return administration ? localizedName(administration.name, locale) : null
}
