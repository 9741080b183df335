import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitEventRegistrations, limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { mailSetupFor } from '$lib/server/participation/event.http';
import { cancelOwnRegistration, getPublicEvent, registerForEvent } from '$lib/server/participation/event.service';
import { getLocale } from '$lib/paraglide/runtime';
import { guestRegistrationSchema } from '$lib/validation/events';
import { z } from 'zod';
import { listEventPhotos } from '$lib/server/participation/event-photo.service';
import { embedConsent } from '$lib/server/consent/consent.http';
import { openStreetMapEmbedUrl, openStreetMapRouteUrl } from '$lib/server/consent/consent.providers';
import { eventJsonLd, jsonLdScript, plainText } from '$lib/server/seo/json-ld';
import { originOf } from '$lib/server/seo/origin';
import { contactMapOf } from '$lib/server/consent/contact-map';
import { getNextArticleOfEventAt, getPublicArticlesOfEvent } from '$lib/server/news/article-context.service';
import { loadTranslationView, renderTranslatedMarkdown } from '$lib/server/content/content.service';
import { expireCachedPageAt } from '$lib/server/http/page-expiry';
import { pageTurnsAt } from '$lib/server/participation/calendar.expiry';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals, cookies, url }) => {
	const { municipality } = await parent();
	const now = new Date();
	const event = await loadOrError(() => getPublicEvent({ db: getDb(), municipalityId: municipality.id, eventId: params.id, actor: locals.actor, now }));
	// Its registration form goes at the deadline or start; a cached copy must not offer it longer.
	expireCachedPageAt(pageTurnsAt(now, municipality.timeZone, [event.event.registrationDeadline, event.event.startsAt, event.event.endsAt]));
	const [photos, articles, nextArticleAt, translations] = await Promise.all([
		listEventPhotos({ db: getDb(), municipalityId: municipality.id, eventId: params.id }),
		getPublicArticlesOfEvent({ db: getDb(), municipalityId: municipality.id, eventId: params.id, now }),
		getNextArticleOfEventAt({ db: getDb(), municipalityId: municipality.id, eventId: params.id, now }),
		loadTranslationView({ db: getDb(), municipalityId: municipality.id, locale: getLocale(), refs: [{ kind: 'event', ids: [event.event.id] }] })
	]);
	// A scheduled article about the event joins its list without a write.
	expireCachedPageAt(nextArticleAt);
	const { latitude, longitude, address, place } = event.event;
	// The address and a route link need no consent; the map itself does.
	const venue = {
		routeUrl: latitude !== null || address ? openStreetMapRouteUrl({ latitude, longitude, address: [place, address].filter(Boolean).join(', ') }) : null,
		map: latitude !== null && longitude !== null ? { consent: embedConsent(cookies, locals, 'openstreetmap'), src: openStreetMapEmbedUrl(latitude, longitude) } : null
	};
	const origin = originOf(url);
	const canonical = `${origin}/${municipality.slug}/events/${event.event.id}`;
	// Link previews show the German original, like the article's; a long description is cut at a word.
	const words = plainText(event.event.description);
	const summary = words.length <= 200 ? words : `${words.slice(0, 200).replace(/\s+\S*$/, '')}…`;
	const jsonLd = jsonLdScript(
		eventJsonLd({
			url: canonical,
			title: event.event.title,
			description: event.event.description,
			startsAt: event.event.startsAt,
			endsAt: event.event.endsAt,
			timeZone: municipality.timeZone,
			cancelled: event.event.status === 'cancelled',
			place,
			address,
			latitude,
			longitude,
			onlineUrl: event.event.onlineUrl,
			organiser: event.event.organiser,
			municipalityName: municipality.name,
			municipalityUrl: `${origin}/${municipality.slug}`
		})
	);
	// One map per page: where the venue has its own, the office map would only compete with it.
	const contactMap = venue.map ? null : contactMapOf(cookies, locals, municipality.contactPoint);
	const translatedDescriptionHtml = renderTranslatedMarkdown(translations, 'event', event.event.id, 'description');
	return { ...event, photos, articles, translations, translatedDescriptionHtml, venue, jsonLd, canonical, summary, contactMap, registrant: locals.actor ? { name: locals.actor.name, email: locals.actor.email } : null };
};

const municipalityOf = (slug: string) => getMunicipalityBySlug({ db: getDb(), slug });

export const actions: Actions = {
	register: async ({ request, params, locals, url, getClientAddress }) => {
		// Signed-in people register with their account; everyone else gives a name and an address.
		const form = locals.actor ? await parseForm(request, z.object({})) : await parseForm(request, guestRegistrationSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const registrant = locals.actor?.userId ?? `guest:${getClientAddress()}`;
			await limitWrites(registrant);
			await limitEventRegistrations(registrant);
			const municipality = await municipalityOf(params.municipality);
			const { registration } = await registerForEvent({
				db: getDb(),
				municipalityId: municipality.id,
				eventId: params.id,
				actor: locals.actor,
				guest: locals.actor ? undefined : (form.data as z.infer<typeof guestRegistrationSchema>),
				locale: getLocale(),
				now: new Date(),
				mail: mailSetupFor(url)
			});
			// A signed-in person's status and waiting position come back with the reloaded page data.
			return { registered: registration.status };
		});
	},
	cancel: async ({ params, locals, url }) => {
		return actOrFail({}, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await municipalityOf(params.municipality);
			await cancelOwnRegistration({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, eventId: params.id, mail: mailSetupFor(url) });
			return { cancelled: true };
		});
	}
};
