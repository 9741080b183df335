// Translations of a few of Münster's public texts in its 4th edition, so that the language fallback
// can be seen (some goals read in the visitor's language, the others in German with a note), and the
// edition's summary and invitation in Leichte Sprache.
import type { Database } from '../db/client';
import { upsertEasyReadText, upsertTranslation } from '../content/content.queries';
import type { TranslatableKind, TranslationLocale } from '../content/content.schema';
import { getEditionPage } from '../document/document.service';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';
import { demoEventIds } from './demo-event-ids';
import { demoArticleIds } from './demo-news-ids';

type Texts = Partial<Record<TranslationLocale, string>>;

const editionSummary: Texts = {
	en: 'More than 400 people from around 100 organisations worked on this edition over eighteen months, in 17 workshops and working groups. Its structure was rebuilt, the work in the city districts strengthened, and young people were invited in particular.',
	tr: 'Yaklaşık 100 kuruluştan 400’ü aşkın kişi, on sekiz ay boyunca 17 atölye ve çalışma grubunda bu dönem üzerinde çalıştı. Yapı yeniden kuruldu, semtlerdeki çalışma güçlendirildi ve özellikle gençler davet edildi.',
	ar: 'عمل أكثر من 400 شخص من نحو 100 منظمة على هذا الإصدار خلال ثمانية عشر شهرًا، في 17 ورشة عمل ومجموعة عمل. أُعيد بناء هيكله، وتعزّز العمل في أحياء المدينة، ودُعي الشباب بشكل خاص.',
	uk: 'Понад 400 людей із приблизно 100 організацій півтора року працювали над цією редакцією в 17 воркшопах і робочих групах. Структуру побудовано заново, роботу в районах міста посилено, а молодь запрошено окремо.'
};

/** Goal and measure titles by their German original; those not listed stay German. */
const titles: { kind: Extract<TranslatableKind, 'goal' | 'measure'>; german: string; texts: Texts }[] = [
	{
		kind: 'goal',
		german: 'Berufliche Qualifikationen aus dem Ausland werden schneller anerkannt',
		texts: {
			en: 'Professional qualifications from abroad are recognised faster',
			tr: 'Yurt dışında edinilen mesleki yeterlilikler daha hızlı tanınır',
			ar: 'يتم الاعتراف بالمؤهلات المهنية المكتسبة في الخارج بشكل أسرع',
			uk: 'Професійні кваліфікації, здобуті за кордоном, визнаються швидше',
			ru: 'Профессиональная квалификация, полученная за рубежом, признаётся быстрее'
		}
	},
	{
		kind: 'goal',
		german: 'Bürgerdienste sind mehrsprachig zugänglich',
		texts: {
			en: 'Citizen services are accessible in several languages',
			tr: 'Vatandaş hizmetlerine birden fazla dilde erişilebilir',
			ar: 'الخدمات البلدية متاحة بعدة لغات',
			uk: 'Послуги для мешканців доступні кількома мовами',
			ru: 'Услуги для жителей доступны на нескольких языках'
		}
	},
	{
		kind: 'measure',
		german: 'Lotsendienst für Anerkennungsverfahren',
		texts: {
			en: 'Guidance service for recognition procedures',
			ar: 'خدمة إرشاد في إجراءات الاعتراف بالمؤهلات'
		}
	}
];

/** The council's decision, in English and Arabic: title and lead; the body stays German. */
const councilArticle: Record<'title' | 'lead', Texts> = {
	title: {
		en: 'City council adopts the strategy for migration and integration',
		ar: 'مجلس المدينة يقرّ استراتيجية الهجرة والاندماج'
	},
	lead: {
		en: 'At its meeting on 26 February 2025, the council adopted the fourth edition of the strategy for the years 2025 to 2030.',
		ar: 'أقرّ المجلس في جلسته بتاريخ 26 فبراير 2025 الإصدار الرابع من الاستراتيجية للأعوام 2025 إلى 2030.'
	}
};

const reportEvent: Record<'title' | 'description', Texts> = {
	title: {
		en: 'One year of implementation: what has become of the strategy',
		tr: 'Uygulamanın birinci yılı: Stratejiden neler çıktı',
		ar: 'عام من التنفيذ: ماذا تحقّق من الاستراتيجية',
		uk: 'Рік реалізації: що вийшло зі стратегії',
		ru: 'Год реализации: что получилось из стратегии'
	},
	description: {
		en: 'The city reports which measures have begun, and listens.',
		tr: 'Belediye hangi önlemlerin başladığını anlatıyor ve sizi dinliyor.',
		ar: 'تعرض المدينة الإجراءات التي بدأ تنفيذها، وتستمع إلى آرائكم.',
		uk: 'Місто розповідає, які заходи вже розпочато, і вислуховує вас.',
		ru: 'Город рассказывает, какие меры уже начаты, и выслушивает вас.'
	}
};

const easyRead = {
	summary: `Die Stadt Münster hat einen Plan.
Der Plan heißt: **Leitbild Migration und Integration**.

In dem Plan steht:
So wollen wir in Münster gut zusammen leben.
Das gilt für alle Menschen in Münster.
Auch für Menschen, die aus einem anderen Land gekommen sind.

Das ist die 4. Auflage von dem Plan.
Auflage bedeutet hier: Der Plan wurde neu geschrieben.
Der Plan gilt von 2025 bis 2030.

Viele Menschen haben an dem Plan mitgearbeitet.
Es waren mehr als 400 Menschen.

In dem Plan stehen Ziele.
Zum Beispiel:

- Menschen aus anderen Ländern haben oft einen Beruf gelernt.
  Dieser Beruf soll in Deutschland schneller gelten.
- Die Ämter in der Stadt sollen Menschen in vielen Sprachen helfen.
- Mehr Menschen aus anderen Ländern sollen in der Politik mitreden.

Auf dieser Internet-Seite sehen Sie:
Was hat die Stadt schon gemacht?
Was muss die Stadt noch machen?`,
	invitation: `Ihre Meinung ist wichtig.

Sie wohnen in Münster?
Dann können Sie bei dem Plan mitmachen.
Es ist egal, woher Sie kommen.
Es ist egal, wie gut Sie Deutsch sprechen.

So können Sie mitmachen:

- Sie kommen zu einem Treffen.
  Die Treffen heißen **Werkstatt**.
  Dort sprechen wir zusammen über die Ziele.
- Sie schreiben eine Idee auf dieser Internet-Seite.
  Zum Beispiel: Was ist schwer für Sie in Münster?
  Was soll besser werden?

Mitmachen kostet kein Geld.

Sie haben Fragen?
Dann rufen Sie im Integrations-Zentrum der Stadt an.
Oder schreiben Sie eine E-Mail.
Wir helfen Ihnen gerne.`
};

export async function loadDemoContentTranslations(db: Database): Promise<void> {
	const municipality = await getMunicipalityBySlug({ db, slug: 'muenster' });
	const page = await getEditionPage({ db, municipalityId: municipality.id, strategySlug: 'migration-und-integration', number: 4 });
	const goals = page.outline.flatMap((field) => field.goals);
	const idOf = (kind: 'goal' | 'measure', german: string) =>
		kind === 'goal' ? goals.find((goal) => goal.title === german)?.id : goals.flatMap((goal) => goal.measures).find((measure) => measure.title === german)?.id;

	await db.transaction(async (tx) => {
		const write = async (kind: TranslatableKind, entityId: string, field: string, texts: Texts) => {
			for (const [locale, text] of Object.entries(texts) as [TranslationLocale, string][]) {
				await upsertTranslation(tx, { municipalityId: municipality.id, entityKind: kind, entityId, field, locale, text, updatedByUserId: null });
			}
		};
		await write('edition', page.edition.id, 'summary', editionSummary);
		await write('article', demoArticleIds.muenster, 'title', councilArticle.title);
		await write('article', demoArticleIds.muenster, 'lead', councilArticle.lead);
		await write('event', demoEventIds.muenster, 'title', reportEvent.title);
		await write('event', demoEventIds.muenster, 'description', reportEvent.description);
		await upsertEasyReadText(tx, { municipalityId: municipality.id, editionId: page.edition.id, ...easyRead, updatedByUserId: null });
		for (const entry of titles) {
			const id = idOf(entry.kind, entry.german);
			if (!id) throw new Error(`demo content: no ${entry.kind} “${entry.german}” in Münster’s 4th edition`);
			await write(entry.kind, id, 'title', entry.texts);
		}
	});
}
