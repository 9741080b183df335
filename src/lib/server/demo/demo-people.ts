// The demo at the scale of the reference story: Münster's 4th edition reached 400+ people from about a
// hundred organisations in 17 events and working-group meetings, with a few hundred ideas. Everything
// is generated from word lists (fictional names of many origins, example.org addresses) and written
// in bulk, a handful of statements per table, so that an empty install still starts within seconds.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import * as t from '../db/schema';

const firstNames = [
	'Abena', 'Adrian', 'Aleksandra', 'Ali', 'Anouk', 'Arjun', 'Ayaan', 'Bahar', 'Bashir', 'Carmen', 'Chidi', 'Clara', 'Dalia', 'Dawit', 'Dilara', 'Elena',
	'Enzo', 'Esra', 'Farid', 'Fenja', 'Gabriel', 'Gülay', 'Hamza', 'Helga', 'Hoang', 'Ibrahim', 'Ilse', 'Jamal', 'Jelena', 'Joris', 'Kaan', 'Katarzyna',
	'Kofi', 'Lara', 'Laszlo', 'Lina', 'Luca', 'Mahsa', 'Malik', 'Marta', 'Mateo', 'Merve', 'Milan', 'Nadia', 'Nia', 'Omar', 'Oksana', 'Pedro',
	'Rahel', 'Ravi', 'Rosa', 'Said', 'Selin', 'Simon', 'Tamara', 'Theo', 'Tigist', 'Valentina', 'Viktor', 'Wei', 'Yara', 'Yusuf', 'Zofia', 'Zoran'
];
const lastNames = [
	'Abebe', 'Acar', 'Ahmadi', 'Alvarez', 'Amrani', 'Bakker', 'Balogun', 'Bergmann', 'Bozkurt', 'Chen', 'Costa', 'Czerny', 'Dahl', 'Diallo', 'Dogan', 'Eberhardt',
	'Esposito', 'Farah', 'Fischer', 'Georgiou', 'Gashi', 'Hakimi', 'Hartmann', 'Horvat', 'Ibrahimović', 'Jansen', 'Jovanović', 'Kamara', 'Karimi', 'Keller', 'Kılıç', 'Kowalczyk',
	'Lehmann', 'Li', 'Mahmoud', 'Meier', 'Mendes', 'Morozova', 'Nowak', 'Okafor', 'Öztürk', 'Pereira', 'Popescu', 'Quaye', 'Rossi', 'Saleh', 'Santos', 'Schäfer',
	'Şahin', 'Sokolov', 'Tadesse', 'Tran', 'Uçar', 'Varga', 'Weber', 'Wiśniewska', 'Yıldız', 'Zapata', 'Zeller', 'Zimmermann'
];

// Online ideas per field of action of the 4th edition, in the order of its fields.
const topics: string[][] = [
	['Sprachpaten im Betrieb', 'Anerkennungslotsen in den Kammern', 'Praktika für Frauen mit Kindern', 'Berufsorientierung in Herkunftssprachen', 'Netzwerk migrantischer Unternehmen', 'Teilzeitausbildung bekannter machen'],
	['Einbürgerungsfeier im Rathaus', 'Sprechstunde des Integrationsrats im Stadtteil', 'Vereinsgründung leicht gemacht', 'Beteiligung junger Geflüchteter', 'Ehrenamtskarte auch für Neuzugezogene', 'Übersetzte Ratsinformationen'],
	['Wartezeiten in der Ausländerbehörde verkürzen', 'Online-Termine in mehreren Sprachen', 'Vielfalt im Personal sichtbar machen', 'Leichte Sprache in Bescheiden', 'Beschwerdestelle für Diskriminierung', 'Kultursensible Pflegeberatung'],
	['Mehrsprachige Vorlesestunden', 'Elterncafé an Grundschulen', 'Brückenkurse vor dem Studium', 'Sprachförderung in den Ferien', 'Herkunftssprachen als Schulfach', 'Lernorte in Stadtteilbibliotheken'],
	['Interkultureller Garten', 'Straßenfest der Nachbarschaften', 'Treffpunkt für ältere Migrantinnen und Migranten', 'Bolzplatz mit Betreuung', 'Mehrsprachige Willkommensschilder', 'Nachbarschaftshilfe per Aushang']
];
const places = ['in Coerde', 'in Kinderhaus', 'in Berg Fidel', 'in Hiltrup', 'in Gievenbeck', 'in der Innenstadt', 'in Angelmodde', 'in allen Stadtteilen'];
const openings = [
	'Aus meiner eigenen Erfahrung weiß ich, wie schwer der Anfang ist.',
	'In unserer Gemeinde sprechen wir oft darüber.',
	'Mir ist aufgefallen, dass viele Angebote nur auf Deutsch beworben werden.',
	'Wir haben im Workshop lange darüber diskutiert.',
	'Meine Nachbarin hat mich auf diese Idee gebracht.',
	'Als Mutter von drei Kindern erlebe ich das jeden Tag.',
	'Ich bin vor vier Jahren nach Münster gekommen und hätte mir das gewünscht.'
];
const proposals = [
	'Ein kleiner Anfang mit zwei Terminen im Monat würde schon viel helfen.',
	'Man könnte mit bestehenden Vereinen zusammenarbeiten, statt etwas Neues aufzubauen.',
	'Wichtig ist, dass es kostenlos ist und ohne Anmeldung geht.',
	'Die Stadt könnte Räume stellen, die Vereine bringen die Menschen mit.',
	'Nach einem Jahr sollte man gemeinsam schauen, was es gebracht hat.',
	'Es wäre gut, wenn Menschen mit eigener Migrationsgeschichte das Angebot leiten.'
];
const comments = [
	'Genau das habe ich auch erlebt.',
	'Unser Verein macht gern mit.',
	'Wer soll das bezahlen? Trotzdem eine gute Idee.',
	'Bitte auch an Menschen mit Behinderung denken.',
	'Das gibt es in Osnabrück schon, dort klappt es gut.',
	'Ich kann beim Übersetzen helfen.',
	'Das sollte unbedingt ins Leitbild.'
];

const pick = <T>(list: readonly T[], index: number) => list[index % list.length];
// A prime stride visits every index of a list once before repeating, so neighbours differ.
const stride = (index: number, stepPrime: number, length: number) => (index * stepPrime) % length;

function asciiPart(text: string): string {
	return text
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFD')
		.replace(/[^a-z]/g, '');
}

export const DEMO_PEOPLE = 420;
// Of every eight people one gave no e-mail address (a name on a list only).
const hasEmail = (index: number) => index % 8 !== 7;
// About one in ten of those with an address also has an account and takes part online.
const hasAccount = (index: number) => hasEmail(index) && index % 10 === 3;
const ATTENDING_POOL = 340;

function demoPerson(index: number) {
	const first = pick(firstNames, index);
	const last = pick(lastNames, stride(index, 7, lastNames.length) + Math.floor(index / firstNames.length));
	const email = hasEmail(index) ? `${asciiPart(first)}.${asciiPart(last)}.${index + 1}@example.org` : null;
	return { name: `${first} ${last}`, email };
}

async function muensterEdition(db: Executor) {
	const [row] = await db
		.select({ municipalityId: t.municipalities.id, editionId: t.editions.id })
		.from(t.editions)
		.innerJoin(t.strategies, eq(t.strategies.id, t.editions.strategyId))
		.innerJoin(t.municipalities, eq(t.municipalities.id, t.editions.municipalityId))
		.where(and(eq(t.municipalities.slug, 'muenster'), eq(t.strategies.slug, 'migration-und-integration'), eq(t.editions.number, 4)));
	return row;
}

/** Adds the reference-scale participation to Münster's 4th edition; does nothing if it is missing or already there. */
export async function loadDemoPeople(db: Database): Promise<void> {
	await db.transaction(async (tx) => {
		const scope = await muensterEdition(tx);
		if (!scope) return;
		const { municipalityId, editionId } = scope;
		const [marker] = await tx.select({ id: t.people.id }).from(t.people).where(and(eq(t.people.municipalityId, municipalityId), eq(t.people.email, demoPerson(0).email!)));
		if (marker) return;

		const organisations = await tx.select({ id: t.organisations.id }).from(t.organisations).where(eq(t.organisations.municipalityId, municipalityId)).orderBy(asc(t.organisations.name));
		const fields = await tx.select({ id: t.fields.id }).from(t.fields).where(eq(t.fields.editionId, editionId)).orderBy(asc(t.fields.position));
		const districts = await tx.select({ id: t.districts.id }).from(t.districts).where(eq(t.districts.municipalityId, municipalityId)).orderBy(asc(t.districts.position));

		// People, and accounts for the few who also take part online (no password: they only populate the story).
		const generated = Array.from({ length: DEMO_PEOPLE }, (_, index) => ({ index, ...demoPerson(index), userId: hasAccount(index) ? randomUUID() : null }));
		const accounts = generated.filter((person) => person.userId);
		await tx.insert(t.authUsers).values(accounts.map((person) => ({ id: person.userId!, name: person.name, email: person.email!, emailVerified: true })));
		await tx.insert(t.roleAssignments).values(accounts.map((person) => ({ municipalityId, userId: person.userId!, role: 'participant' as const })));
		const people = await tx
			.insert(t.people)
			.values(generated.map((person) => ({ municipalityId, name: person.name, email: person.email, userId: person.userId })))
			.returning({ id: t.people.id });

		// Four in five belong to an organisation, some to two; spread so that every organisation has members.
		if (organisations.length > 0) {
			const memberships = generated.flatMap((person, i) => {
				if (i % 5 === 4) return [];
				const first = pick(organisations, stride(i, 13, organisations.length) + Math.floor(i / organisations.length));
				const rows = [{ municipalityId, organisationId: first.id, personId: people[i].id, role: i % 17 === 0 ? ('board' as const) : ('member' as const) }];
				const second = pick(organisations, stride(i, 13, organisations.length) + 37);
				if (i % 9 === 0 && second.id !== first.id) rows.push({ municipalityId, organisationId: second.id, personId: people[i].id, role: 'member' as const });
				return rows;
			});
			await tx.insert(t.organisationMemberships).values(memberships).onConflictDoNothing();
		}

		// Attendance: the names recorded at the edition's events become these people, many of them at
		// several events; walk-ins stay as they were written down at the door, without an address.
		const registrations = await tx
			.select({ id: t.eventRegistrations.id })
			.from(t.eventRegistrations)
			.innerJoin(t.events, eq(t.events.id, t.eventRegistrations.eventId))
			.where(and(eq(t.events.municipalityId, municipalityId), eq(t.events.editionId, editionId), eq(t.eventRegistrations.walkIn, false)))
			.orderBy(asc(t.events.startsAt), asc(t.eventRegistrations.name), asc(t.eventRegistrations.id));
		const attending = generated.filter((person) => person.email).slice(0, ATTENDING_POOL);
		if (registrations.length > 0 && attending.length > 0) {
			const values = registrations.map((registration, j) => {
				const person = attending[stride(j, 7, attending.length)];
				return sql`(${registration.id}::uuid, ${person.name}, ${person.email}, ${person.userId})`;
			});
			await tx.execute(sql`
				update event_registrations r set name = v.name, email = v.email, user_id = v.user_id
				from (values ${sql.join(values, sql`, `)}) as v(id, name, email, user_id)
				where r.id = v.id`);
		}

		// Ideas written online during the participation phase by the people with accounts.
		if (fields.length === 0 || accounts.length === 0) return;
		const authors = accounts.map((person) => person.userId!);
		// Some fields draw far more ideas online than others, as in the reference story.
		const fieldWeights = [0, 0, 3, 3, 3, 4, 0, 3, 1, 4, 3, 2];
		const ideas = Array.from({ length: 120 }, (_, n) => {
			const fieldIndex = pick(fieldWeights, n) % fields.length;
			const createdAt = new Date(Date.UTC(2023, 8 + Math.floor(n / 9), 1 + ((n * 11) % 27), 8 + (n % 12)));
			return {
				id: randomUUID(),
				municipalityId,
				editionId,
				fieldId: fields[fieldIndex].id,
				districtId: n % 4 === 1 && districts.length > 0 ? pick(districts, n).id : null,
				organisationId: n % 6 === 2 && organisations.length > 0 ? pick(organisations, stride(n, 11, organisations.length)).id : null,
				authorUserId: pick(authors, stride(n, 5, authors.length)),
				title: `${pick(pick(topics, fieldIndex), Math.floor(n / fields.length))} ${pick(places, n + fieldIndex)}`,
				body: `${pick(openings, n)} ${pick(proposals, n * 3 + fieldIndex)}`,
				status: n % 4 === 0 ? ('adopted' as const) : n % 4 === 1 ? ('considered' as const) : ('new' as const),
				statusExplanation: n % 4 === 0 ? 'Die Idee ist in eine Maßnahme des Leitbilds eingeflossen.' : n % 4 === 1 ? 'Die Fachgruppe prüft die Idee bei der Umsetzungsplanung.' : '',
				// One idea was hidden by moderation and must not show in any figure.
				hiddenReason: n === 57 ? 'Enthielt persönliche Daten Dritter.' : null,
				createdAt,
				updatedAt: createdAt
			};
		});
		await tx.insert(t.ideas).values(ideas);
		const ideaComments = ideas.flatMap((idea, n) =>
			Array.from({ length: n % 5 }, (_, k) => ({
				municipalityId,
				ideaId: idea.id,
				authorUserId: pick(authors, stride(n + k * 3, 7, authors.length)),
				body: pick(comments, n + k),
				hiddenReason: (n + k) % 53 === 0 ? 'Beleidigend gegenüber anderen.' : null,
				createdAt: new Date(idea.createdAt.getTime() + (k + 1) * 86_400_000)
			}))
		);
		await tx.insert(t.ideaComments).values(ideaComments);
		const supports = ideas.flatMap((idea, n) =>
			Array.from({ length: (n * 3) % 9 }, (_, k) => ({ municipalityId, ideaId: idea.id, userId: pick(authors, stride(n, 3, authors.length) + k) }))
		);
		await tx.insert(t.ideaSupports).values(supports).onConflictDoNothing();
	});
}
