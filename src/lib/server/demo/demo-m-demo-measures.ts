// The second half of the measures of Münster's 4th edition in the demo: with them every goal has
// several measures, as a strategy running for five years does. Titles and descriptions are fictional.

/** [field index, goal index, title, description] in the 4th edition's outline. */
export const moreMeasures: [number, number, string, string][] = [
	[0, 0, 'Anerkennungsberatung in der Ausländerbehörde', 'Wer ohnehin einen Termin hat, wird gleich zur Anerkennung des eigenen Abschlusses beraten.'],
	[0, 0, 'Anpassungsqualifizierung für Erzieherinnen und Erzieher', 'Ein berufsbegleitender Kurs schließt die Lücken bis zur vollen Anerkennung.'],
	[0, 0, 'Zuschuss für die Übersetzung von Zeugnissen', 'Die Stadt übernimmt die Kosten beglaubigter Übersetzungen für Menschen mit geringem Einkommen.'],
	[0, 1, 'Gründungswerkstatt in türkischer und arabischer Sprache', 'Ein Wochenendkurs führt durch Geschäftsplan, Finanzierung und Gewerbeanmeldung.'],
	[0, 1, 'Ladenlokale auf Zeit für junge Unternehmen', 'Leerstehende Geschäftsräume werden für ein Jahr günstig an Gründende vermittelt.'],
	[0, 1, 'Netzwerk migrantischer Unternehmerinnen und Unternehmer', 'Regelmäßige Treffen mit der Wirtschaftsförderung und den Kammern.'],
	[1, 0, 'Kandidierendenschule für die Integrationsratswahl', 'Ein Kurs bereitet auf Kandidatur, Wahlkampf und die Arbeit im Gremium vor.'],
	[1, 0, 'Sachkundige Einwohnerinnen und Einwohner in Fachausschüssen', 'Die Fraktionen benennen gezielt Menschen mit internationaler Geschichte für die Ausschüsse.'],
	[1, 0, 'Informationsabende zur Einbürgerung', 'Abende in mehreren Sprachen erklären Voraussetzungen, Kosten und Ablauf der Einbürgerung.'],
	[1, 0, 'Politische Bildung in Integrationskursen', 'Ein zusätzliches Modul stellt Rat, Bezirksvertretungen und die eigenen Beteiligungsrechte vor.'],
	[1, 1, 'Haus der Vereine mit gemeinsamer Geschäftsstelle', 'Kleine Vereine teilen sich Büro, Räume und eine Verwaltungskraft.'],
	[1, 1, 'Qualifizierung für Vereinsvorstände', 'Kurse zu Finanzen, Datenschutz und der Begleitung von Ehrenamtlichen.'],
	[1, 1, 'Tandems zwischen Wohlfahrtsverbänden und jungen Vereinen', 'Erfahrene Verbände begleiten neu gegründete Vereine ein Jahr lang beim Aufbau.'],
	[1, 2, 'Feste Plätze im Jugendbeirat für junge Geflüchtete', 'Zwei Sitze im Jugendbeirat sind für junge Menschen mit Fluchtgeschichte vorgesehen.'],
	[1, 2, 'Beteiligungsmobil an weiterführenden Schulen', 'Ein Team besucht Schulen und sammelt Vorschläge junger Menschen für ihren Stadtteil.'],
	[1, 2, 'Kurzumfragen für Jugendliche über den Messenger', 'Wenige Fragen erreichen junge Menschen dort, wo sie ohnehin schreiben.'],
	[1, 2, 'Fortbildung der offenen Jugendarbeit zu Rassismus', 'Fachkräfte lernen, Diskriminierung zu erkennen und Betroffene zu unterstützen.'],
	[2, 0, 'Bezahltes Praktikum in der Verwaltung für Zugewanderte', 'Sechs Monate in einem Amt, mit Aussicht auf eine Ausbildung oder Stelle.'],
	[2, 0, 'Anonyme Beschäftigtenbefragung zur Vielfalt', 'Alle zwei Jahre eine freiwillige Befragung als Grundlage der Personalstatistik.'],
	[2, 0, 'Vielfaltskompetenz in der Führungskräfteschulung', 'Ein Pflichtmodul für alle neuen Führungskräfte der Stadtverwaltung.'],
	[2, 0, 'Mehrsprachigkeit als Pluspunkt in Stellenausschreibungen', 'Sprachkenntnisse werden ausdrücklich erwünscht und bei der Auswahl berücksichtigt.'],
	[2, 1, 'Videodolmetschen in allen Bürgerbüros', 'Auf Wunsch wird eine Dolmetscherin oder ein Dolmetscher per Video zugeschaltet.'],
	[2, 1, 'Mehrsprachige Internetseiten zu den häufigsten Anliegen', 'Anmeldung, Wohngeld und Kita-Platz werden in sechs Sprachen erklärt.'],
	[2, 1, 'Schulung für Beschäftigte mit Publikumsverkehr', 'Ein Trainingstag zu verständlicher Sprache und zum Umgang mit Missverständnissen.'],
	[2, 1, 'Lotsinnen und Lotsen im Wartebereich der Ausländerbehörde', 'Ehrenamtliche helfen beim Ausfüllen von Anträgen und erklären den Ablauf.'],
	[3, 0, 'Sprachförderung beim Übergang von der Kita in die Grundschule', 'Kita und Grundschule stimmen für jedes Kind einen gemeinsamen Förderplan ab.'],
	[3, 0, 'Mehrsprachige Bücherkisten für Kitas', 'Jede Kita erhält Bilderbücher in den Familiensprachen ihrer Kinder.'],
	[3, 0, 'Ferienschule Deutsch für neu zugewanderte Schulkinder', 'Zwei Wochen Sprachunterricht mit Ausflügen in den Sommerferien.'],
	[3, 0, 'Herkunftssprachen als Wahlfach in der Sekundarstufe', 'Türkisch und Arabisch werden an zwei Gesamtschulen als Fremdsprache angeboten.'],
	[4, 0, 'Nachbarschaftslotsen für neu zugezogene Familien', 'Menschen aus der Nachbarschaft begleiten die ersten Wochen im Stadtteil.'],
	[4, 0, 'Gemeinsamer Mittagstisch im Stadtteilhaus', 'Einmal in der Woche kochen Nachbarinnen und Nachbarn füreinander.'],
	[4, 0, 'Sportangebote für Frauen in Schulturnhallen', 'Abendkurse in geschützten Räumen, mit Betreuung für die Kinder.']
];
