import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { addWalkIn, getEventForStaff, getEventFormChoices, getMunicipalityForStaff, publishMinutes, recordAttendance, updateEvent } from '$lib/server/participation/event.admin';
import { mailSetupFor } from '$lib/server/participation/event.http';
import { attendanceSchema, eventSchema, minutesSchema, walkInSchema } from '$lib/validation/events';
import { actOnPhoto, photoStorage, readPhotoUpload } from '$lib/server/participation/event-photo.http';
import { listEventPhotos, removeEventPhoto, uploadEventPhoto } from '$lib/server/participation/event-photo.service';
import { photoLicences } from '$lib/server/participation/event-photo.schema';
import { removeEventPhotoSchema } from '$lib/validation/event-photo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, params, url }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	const [staffView, choices] = await loadOrError(() => Promise.all([getEventForStaff({ ...scope, eventId: params.id }), getEventFormChoices(scope)]));
	const photos = await listEventPhotos({ db: getDb(), municipalityId: municipality.id, eventId: params.id });
	return { ...staffView, choices, created: url.searchParams.has('created'), photos, licences: photoLicences };
};

const staffScope = async (slug: string, actor: App.Locals['actor']) => {
	await limitWrites(actor?.userId ?? 'anonymous');
	const municipality = await getMunicipalityForStaff({ db: getDb(), actor, slug });
	return { db: getDb(), actor, municipalityId: municipality.id };
};

export const actions: Actions = {
	update: async ({ request, params, locals, url }) => {
		const form = await parseForm(request, eventSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await staffScope(params.municipality, locals.actor);
			await updateEvent({ ...scope, eventId: params.id, input: form.data, mail: mailSetupFor(url) });
			return { saved: 'event' };
		});
	},
	attendance: async ({ request, params, locals }) => {
		const form = await parseForm(request, attendanceSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await staffScope(params.municipality, locals.actor);
			await recordAttendance({ ...scope, eventId: params.id, present: form.data.present });
			return { saved: 'attendance' };
		});
	},
	walkIn: async ({ request, params, locals }) => {
		const form = await parseForm(request, walkInSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await staffScope(params.municipality, locals.actor);
			await addWalkIn({ ...scope, eventId: params.id, name: form.data.name });
			return { saved: 'walkIn', walkInName: form.data.name };
		});
	},
	minutes: async ({ request, params, locals }) => {
		const form = await parseForm(request, minutesSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await staffScope(params.municipality, locals.actor);
			await publishMinutes({ ...scope, eventId: params.id, minutes: form.data.minutes, now: new Date() });
			return { saved: 'minutes' };
		});
	},
	uploadPhoto: async ({ request, params, locals }) => {
		const upload = await readPhotoUpload(request);
		if (!upload.ok) return upload.failure;
		return actOnPhoto(upload.values, async () => {
			const scope = await staffScope(params.municipality, locals.actor);
			await uploadEventPhoto({ ...scope, eventId: params.id, bytes: upload.bytes, input: upload.input, storage: photoStorage() });
			return { saved: 'photo', section: 'photos' };
		});
	},
	removePhoto: async ({ request, params, locals }) => {
		const form = await parseForm(request, removeEventPhotoSchema);
		if (!form.ok) return form.failure;
		return actOnPhoto({}, async () => {
			const scope = await staffScope(params.municipality, locals.actor);
			await removeEventPhoto({ ...scope, eventId: params.id, photoId: form.data.photoId, storage: photoStorage() });
			return { saved: 'photoRemoved', section: 'photos' };
		});
	}
};
