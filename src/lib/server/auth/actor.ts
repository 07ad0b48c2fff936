import { eq } from 'drizzle-orm';
import type {
	Actor,
	OrganisatieLidmaatschap,
	TafelLidmaatschap
} from '$lib/domain/autorisatie/rollen';
import type { Executor } from '../db';
import { memberships, organisaties, regietafelLeden, regietafels } from '../db/schema';

/** Loads what the authorization decision needs about a user: organisation roles and tables. */
export async function loadActor(
	ex: Executor,
	userId: number
): Promise<Extract<Actor, { soort: 'gebruiker' }>> {
	const [rollen, tafels] = await Promise.all([
		ex
			.select({
				rol: memberships.rol,
				organisatieId: organisaties.id,
				organisatieType: organisaties.type,
				provincieCode: organisaties.provincieCode,
				gemeenteCode: organisaties.gemeenteCode
			})
			.from(memberships)
			.innerJoin(organisaties, eq(memberships.organisatieId, organisaties.id))
			.where(eq(memberships.userId, userId)),
		ex
			.select({
				regietafelId: regietafelLeden.regietafelId,
				rol: regietafelLeden.rol,
				provincieCode: regietafels.provincieCode
			})
			.from(regietafelLeden)
			.innerJoin(regietafels, eq(regietafelLeden.regietafelId, regietafels.id))
			.where(eq(regietafelLeden.userId, userId))
	]);
	return {
		soort: 'gebruiker',
		userId,
		rollen: rollen satisfies OrganisatieLidmaatschap[],
		tafels: tafels satisfies TafelLidmaatschap[]
	};
}
