import type { DataDescription } from '../db/data-description';

// Fictional demo content modelled on a real, long-running process: a city renewing its strategy on
// migration and integration every five years. People, offices' addresses and texts are invented.

const integrationOffice = {
	office: 'Kommunales Integrationszentrum (Demo)',
	street: 'Beispielstraße 12',
	postalCode: '48143',
	city: 'Münster',
	phone: '+49 251 0000-100',
	fax: '+49 251 0000-199',
	email: 'integration@muenster.example.org',
	web: 'https://muenster.example.org/integration'
};

export const demoPasswords = {
	admin: 'demo-admin-muenster',
	facilitator: 'demo-facilitator-muenster',
	participant: 'demo-participant',
	grevenAdmin: 'demo-admin-greven',
	platformAdmin: 'demo-platform-admin',
	editor: 'demo-editor-muenster',
	moderator: 'demo-moderator-muenster',
	member: 'demo-member-muenster'
} as const;

export const demoData: DataDescription = {
	regions: [{ slug: 'muensterland', name: 'Münsterland' }],
	municipalities: [
		{
			slug: 'muenster',
			name: 'Münster',
			region: 'muensterland',
			isDemo: true,
			description:
				'Die Stadt schreibt ihr Leitbild Migration und Integration seit 2008 gemeinsam mit Verwaltung, Vereinen, Migrantenselbstorganisationen, Hochschulen und Bürgerinnen und Bürgern fort.',
			contact: {
				office: 'Stadtverwaltung Münster (Demo)',
				street: 'Musterplatz 1',
				postalCode: '48143',
				city: 'Münster',
				phone: '+49 251 0000-0',
				fax: '+49 251 0000-999',
				email: 'stadtverwaltung@muenster.example.org',
				web: 'https://muenster.example.org'
			},
			districts: ['Mitte', 'Nord', 'Ost', 'West', 'Süd-Ost', 'Hiltrup'],
			strategies: [
				{
					slug: 'migration-und-integration',
					title: 'Leitbild Migration und Integration',
					summary:
						'Der gemeinsame Kompass der Stadtgesellschaft für Teilhabe und Zusammenleben. Er wird etwa alle fünf Jahre in einem offenen Verfahren erneuert und vom Rat beschlossen.',
					editions: [
						{
							number: 1,
							periodStart: 2008,
							periodEnd: 2013,
							stage: 'superseded',
							summary:
								'Die erste Auflage legte Begriffe, Grundsätze und ein gemeinsames Verständnis von Integration als Querschnittsaufgabe der Stadt fest.',
							stages: [
								{ stage: 'drafting', startsOn: '2007-09-01', endsOn: '2008-03-31' },
								{ stage: 'in_council', startsOn: '2008-04-15', endsOn: '2008-06-18' },
								{ stage: 'adopted', startsOn: '2008-06-18', endsOn: '2008-06-30' },
								{ stage: 'implementing', startsOn: '2008-07-01', endsOn: '2014-03-31' },
								{ stage: 'superseded', startsOn: '2014-04-01' }
							],
							fields: [
								{
									title: 'Integrationsmanagement als Querschnittsaufgabe',
									goals: [
										{
											title: 'Integration wird von der Stadtspitze aus gesteuert',
											measures: [{ title: 'Jährlicher Integrationsbericht an den Rat' }]
										},
										{ title: 'Die Verwaltung öffnet sich interkulturell' }
									]
								},
								{
									title: 'Bildung und Sprache',
									goals: [{ title: 'Sprachförderung von der Kita bis zum Beruf' }]
								}
							]
						},
						{
							number: 2,
							periodStart: 2014,
							periodEnd: 2018,
							stage: 'superseded',
							summary: 'Die zweite Auflage schrieb die Ziele fort und führte eine regelmäßige Berichterstattung ein.',
							stages: [
								{ stage: 'drafting', startsOn: '2013-06-01', endsOn: '2014-02-28' },
								{ stage: 'adopted', startsOn: '2014-03-26', endsOn: '2014-03-31' },
								{ stage: 'implementing', startsOn: '2014-04-01', endsOn: '2019-04-09' },
								{ stage: 'superseded', startsOn: '2019-04-10' }
							],
							fields: [
								{
									title: 'Bildung und Sprachen',
									goals: [{ title: 'Übergänge von der Schule in den Beruf begleiten' }]
								},
								{
									title: 'Arbeit und Ausbildung',
									goals: [{ title: 'Ausländische Berufsabschlüsse schneller anerkennen' }]
								}
							]
						},
						{
							number: 3,
							periodStart: 2019,
							periodEnd: 2024,
							stage: 'superseded',
							summary:
								'In fünf großen Werkstätten mit rund 200 Beteiligten entstand die dritte Auflage. Die Überwindung von Rassismus und Diskriminierung wurde allen Handlungsfeldern vorangestellt; Teilhabe wurde erstmals ein eigenes Handlungsfeld.',
							stages: [
								{ stage: 'participating', startsOn: '2018-10-01', endsOn: '2019-01-31' },
								{ stage: 'drafting', startsOn: '2019-02-01', endsOn: '2019-03-15' },
								{ stage: 'in_council', startsOn: '2019-03-16', endsOn: '2019-04-10' },
								{ stage: 'adopted', startsOn: '2019-04-10', endsOn: '2019-04-30' },
								{ stage: 'implementing', startsOn: '2019-05-01', endsOn: '2025-02-25' },
								{ stage: 'superseded', startsOn: '2025-02-26' }
							],
							fields: [
								{
									title: 'Rassismus und Diskriminierung überwinden (Querschnittsaufgabe)',
									goals: [{ title: 'Beratung für Betroffene von Diskriminierung stärken' }]
								},
								{
									title: 'Bildung, Mehrsprachigkeit und Herkunftssprachen',
									goals: [{ title: 'Herkunftssprachlichen Unterricht an mehr Schulen anbieten' }]
								},
								{
									title: 'Teilhabe',
									goals: [{ title: 'Migrantenselbstorganisationen in Gremien einbinden' }]
								}
							]
						},
						{
							number: 4,
							periodStart: 2025,
							periodEnd: 2030,
							stage: 'implementing',
							summary:
								'Mehr als 400 Menschen aus rund 100 Organisationen haben in 17 Workshops und Fachgruppen über anderthalb Jahre an dieser Auflage gearbeitet. Die Struktur wurde neu aufgebaut, die Arbeit in den Stadtbezirken gestärkt, und junge Menschen wurden gezielt eingeladen.',
							contact: integrationOffice,
							stages: [
								{ stage: 'preparing', startsOn: '2023-05-02', endsOn: '2023-08-31' },
								{ stage: 'participating', startsOn: '2023-09-01', endsOn: '2024-10-31' },
								{ stage: 'drafting', startsOn: '2024-11-01', endsOn: '2025-01-24' },
								{ stage: 'in_council', startsOn: '2025-01-27', endsOn: '2025-02-26' },
								{ stage: 'adopted', startsOn: '2025-02-26', endsOn: '2025-02-28' },
								{ stage: 'implementing', startsOn: '2025-03-01' }
							],
							fields: [
								{
									title: 'Wirtschaft und Arbeit',
									isFocus: true,
									description:
										'Zugewanderte Menschen finden Arbeit, die zu ihren Fähigkeiten passt, und gründen Unternehmen mit Unterstützung.',
									goals: [
										{
											title: 'Berufliche Qualifikationen aus dem Ausland werden schneller anerkannt',
											description: 'Die Wartezeit zwischen Antrag und Bescheid soll sich halbieren.',
											measures: [
												{
													title: 'Lotsendienst für Anerkennungsverfahren',
													description: 'Ehrenamtliche Lotsinnen und Lotsen begleiten durch Antrag und Nachqualifizierung.'
												},
												{ title: 'Sprechstunde der Kammern im Integrationszentrum' }
											]
										},
										{
											title: 'Gründerinnen und Gründer mit Migrationsgeschichte werden gezielt beraten',
											measures: [{ title: 'Mehrsprachige Gründungsberatung in zwei Stadtbezirken' }]
										}
									]
								},
								{
									title: 'Politische Partizipation und zivilgesellschaftliches Engagement',
									isFocus: true,
									description:
										'Alle, die hier leben, können mitreden und mitentscheiden – auch ohne deutschen Pass.',
									goals: [
										{
											title: 'Mehr Menschen mit internationaler Geschichte engagieren sich in Gremien',
											measures: [
												{ title: 'Mentoring für neue Mitglieder im Integrationsrat' },
												{ title: 'Wahlinformationen in acht Sprachen' }
											]
										},
										{
											title: 'Migrantenselbstorganisationen sind dauerhaft gefördert',
											measures: [{ title: 'Mehrjährige Strukturförderung statt Projektmitteln' }]
										},
										{
											title: 'Junge Menschen gestalten die Integrationspolitik mit',
											measures: [{ title: 'Jugendforum Vielfalt zweimal im Jahr' }]
										}
									]
								},
								{
									title: 'Interkulturelle Öffnung der Verwaltung',
									isFocus: true,
									description:
										'Die Stadtverwaltung spiegelt die Vielfalt der Stadtgesellschaft wider und ist für alle gut erreichbar.',
									goals: [
										{
											title:
												'Der Anteil der Beschäftigten mit internationaler Geschichte entspricht langfristig dem Anteil in der Bevölkerung',
											measures: [
												{ title: 'Ausbildungskampagne in Migrantenselbstorganisationen' },
												{ title: 'Anonymisierte Bewerbungsverfahren in drei Ämtern erproben' }
											]
										},
										{
											title: 'Bürgerdienste sind mehrsprachig zugänglich',
											measures: [{ title: 'Dolmetschpool für Beratungsgespräche' }]
										}
									]
								},
								{
									title: 'Bildung und Mehrsprachigkeit',
									goals: [
										{
											title: 'Mehrsprachigkeit wird in Kitas und Schulen als Stärke gefördert',
											measures: [{ title: 'Fortbildungsreihe für Fachkräfte in Kitas' }]
										}
									]
								},
								{
									title: 'Zusammenleben im Quartier',
									description: 'Die Arbeit wird stärker an den Stadtbezirken und ihren Sozialräumen ausgerichtet.',
									goals: [
										{
											title: 'In jedem Stadtbezirk gibt es einen Ort der Begegnung',
											measures: [
												{
													title: 'Quartiersbüro im Stadtbezirk Nord mit dem integrierten Stadtentwicklungskonzept verzahnen'
												}
											]
										}
									]
								}
							]
						}
					]
				}
			]
		},
		{
			slug: 'greven',
			name: 'Greven',
			region: 'muensterland',
			isDemo: true,
			description: 'Eine Nachbarstadt, die ihr erstes Integrationskonzept gerade gemeinsam mit ihren Vereinen erarbeitet.',
			contact: {
				office: 'Fachstelle Integration (Demo)',
				street: 'Am Beispielmarkt 3',
				postalCode: '48268',
				city: 'Greven',
				phone: '+49 2571 0000-0',
				email: 'integration@greven.example.org'
			},
			districts: ['Innenstadt', 'Reckenfeld', 'Gimbte'],
			strategies: [
				{
					slug: 'integrationskonzept',
					title: 'Integrationskonzept',
					summary: 'Das erste gemeinsame Konzept der Stadt für Zusammenhalt und Teilhabe.',
					editions: [
						{
							number: 1,
							periodStart: 2026,
							periodEnd: 2031,
							stage: 'participating',
							stages: [
								{ stage: 'preparing', startsOn: '2026-01-15', endsOn: '2026-04-30' },
								{ stage: 'participating', startsOn: '2026-05-01' }
							],
							fields: [
								{
									title: 'Ankommen und Orientierung',
									goals: [{ title: 'Neu Zugezogene finden in den ersten Wochen eine Anlaufstelle' }]
								}
							]
						}
					]
				}
			]
		}
	],
	accounts: [
		{
			email: 'plattform@example.org',
			name: 'Robin Betrieb (Demo-Plattform)',
			password: demoPasswords.platformAdmin,
			isPlatformAdmin: true
		},
		{
			email: 'admin@muenster.example.org',
			name: 'Alex Beispiel (Demo-Admin)',
			password: demoPasswords.admin,
			roles: [{ municipality: 'muenster', role: 'admin' }]
		},
		{
			email: 'moderation@muenster.example.org',
			name: 'Deniz Muster (Demo-Moderation)',
			password: demoPasswords.facilitator,
			roles: [{ municipality: 'muenster', role: 'facilitator' }]
		},
		{
			email: 'teilnahme@example.org',
			name: 'Sam Probe (Demo-Teilnahme)',
			password: demoPasswords.participant,
			roles: [{ municipality: 'muenster', role: 'participant' }]
		},
		{
			email: 'admin@greven.example.org',
			name: 'Kim Vorlage (Demo-Admin)',
			password: demoPasswords.grevenAdmin,
			roles: [{ municipality: 'greven', role: 'admin' }]
		},
		{
			email: 'redaktion@muenster.example.org',
			name: 'Mika Feder (Demo-Redaktion)',
			password: demoPasswords.editor,
			roles: [{ municipality: 'muenster', role: 'editor' }]
		},
		{
			email: 'moderation-ideen@muenster.example.org',
			name: 'Jule Wacht (Demo-Moderation Ideen)',
			password: demoPasswords.moderator,
			roles: [{ municipality: 'muenster', role: 'moderator' }]
		},
		{
			email: 'mitglied@muenster.example.org',
			name: 'Toni Verein (Demo-Mitglied)',
			password: demoPasswords.member,
			roles: [{ municipality: 'muenster', role: 'member' }]
		}
	]
};

export const demoAccounts = (demoData.accounts ?? []).map((account) => ({
	email: account.email,
	password: account.password,
	roles: account.roles ?? []
}));
