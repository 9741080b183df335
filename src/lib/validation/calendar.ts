import { z } from 'zod';
import { eventTypes } from '$lib/server/participation/event.schema';
import { isWallClockTime } from '$lib/server/participation/event.time';
import { hasActiveMarkup } from '$lib/server/shared/markdown';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });
const wallClock = z.string().refine(isWallClockTime, { message: 'validation_date_time' });

const optionalType = z.enum(eventTypes).nullable().catch(null);
const optionalId = z.uuid().nullable().catch(null);

/** Calendar filters come from a GET form or a shared link: anything unknown means "no filter", never an error. */
export function calendarFiltersFrom(params: URLSearchParams) {
	return {
		type: optionalType.parse(params.get('type') || null),
		fieldId: optionalId.parse(params.get('field') || null),
		districtId: optionalId.parse(params.get('district') || null)
	};
}
export type CalendarFilterInput = ReturnType<typeof calendarFiltersFrom>;

/** An event offered by another organiser for the municipality's calendar; staff review it before it is shown. */
export const eventSubmissionSchema = z
	.object({
		organiser: required(200),
		organiserEmail: z.email({ message: 'validation_email' }).max(254, { message: 'validation_too_long' }),
		title: required(200),
		// Shown as markdown on the event page once published: markup that would run is refused, not silently dropped.
		description: text(5000)
			.refine((description) => !hasActiveMarkup(description), { message: 'validation_markdown_active' })
			.default(''),
		startsAt: wallClock,
		endsAt: wallClock,
		place: required(200),
		address: text(300).default('')
	})
	.refine((input) => input.endsAt >= input.startsAt, { path: ['endsAt'], message: 'validation_end_before_start' });
export type EventSubmissionInput = z.infer<typeof eventSubmissionSchema>;

export const eventReviewSchema = z.object({ eventId: z.uuid({ message: 'validation_invalid' }) });

/** ISO weekday a municipality's calendar starts on; empty follows the reader's language. */
export const firstWeekdaySchema = z
	.union([z.literal('').transform(() => null), z.coerce.number({ message: 'validation_invalid' }).int({ message: 'validation_invalid' }).min(1, { message: 'validation_invalid' }).max(7, { message: 'validation_invalid' })])
	.default(null);
