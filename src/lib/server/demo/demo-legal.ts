// Demo imprint, privacy notice and accessibility statement for Münster and Greven. Every name,
// address and number is fictional; the texts are examples of structure, not legal advice.
import type { Database } from '../db/client';
import { upsertLegalPage } from '../tenancy/legal.queries';
import type { LegalPageKind } from '../tenancy/legal.schema';
import { selectMunicipalityBySlug } from '../tenancy/tenancy.queries';

const texts: Record<string, { name: string; office: string; street: string; city: string; email: string; phone: string }> = {
	muenster: { name: 'Münster', office: 'Amt für Vielfalt und Integration (Demo)', street: 'Beispielweg 12', city: '48143 Münster', email: 'integration@muenster.example.org', phone: '0251 000 1234' },
	greven: { name: 'Greven', office: 'Fachdienst Integration (Demo)', street: 'Musterplatz 3', city: '48268 Greven', email: 'integration@greven.example.org', phone: '02571 000 567' }
};

function pagesOf(t: (typeof texts)[string]): Record<LegalPageKind, string> {
	return {
		imprint: `## Anbieterin

Stadt ${t.name} – ${t.office}
${t.street}, ${t.city}

Telefon: ${t.phone}
E-Mail: ${t.email}

## Verantwortlich für den Inhalt

Die Leitung des ${t.office}, Anschrift wie oben.

## Hinweis

Diese Seite gehört zu einer Demonstration der Plattform Leitbild. Alle Namen, Anschriften und Nummern sind erfunden.`,
		privacy: `## Wer ist verantwortlich?

Stadt ${t.name}, ${t.office}, ${t.street}, ${t.city}, ${t.email}.

## Was speichern wir?

- Beim bloßen Lesen speichern wir keine Angaben zu Ihrer Person. Der Server hält Zugriffe nur kurz für die Sicherheit fest.
- Wenn Sie sich anmelden, eine Idee einreichen oder sich für eine Veranstaltung anmelden, speichern wir, was Sie dafür eingeben.
- Meldungen zu Barrieren gehen an unsere Kontaktstelle und werden nach Erledigung gelöscht.

## Karten und andere externe Inhalte

Karten von OpenStreetMap laden erst, wenn Sie zustimmen. Ihre Entscheidung liegt nur in einem Cookie in Ihrem Browser; unten können Sie sie jederzeit ändern.

## Ihre Rechte

Sie können Auskunft, Berichtigung und Löschung verlangen und sich bei der Landesbeauftragten für Datenschutz beschweren.`,
		accessibility: `## Wie barrierefrei ist diese Website?

Die Stadt ${t.name} möchte, dass alle Menschen diese Seiten nutzen können. Sie werden nach den Anforderungen der WCAG 2.2 in der Stufe AA gebaut und regelmäßig automatisch geprüft.

## Was noch nicht barrierefrei ist

- Ältere PDF-Dokumente aus Ratssitzungen sind zum Teil nicht ausgezeichnet. Auf Wunsch schicken wir den Inhalt in einer anderen Form.
- Die Karten von OpenStreetMap stammen von einem anderen Anbieter; die Adresse steht immer zusätzlich als Text auf der Seite.

## Barriere melden

Ist Ihnen etwas aufgefallen? Nutzen Sie das Formular unten oder schreiben Sie an ${t.email}. Wir antworten innerhalb von zwei Wochen.

## Schlichtungsverfahren

Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Schlichtungsstelle nach dem Behindertengleichstellungsgesetz des Landes wenden.`
	};
}

export async function loadDemoLegalPages(db: Database) {
	for (const [slug, t] of Object.entries(texts)) {
		const municipality = await selectMunicipalityBySlug(db, slug);
		if (!municipality) continue;
		for (const [kind, body] of Object.entries(pagesOf(t)) as [LegalPageKind, string][]) {
			await upsertLegalPage(db, municipality.municipality.id, kind, body);
		}
	}
}
