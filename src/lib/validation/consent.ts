import { z } from 'zod';

// German spreadsheets and map tools write a decimal comma; both separators are accepted.
const coordinate = (limit: number) =>
	z.preprocess(
		(value) => value ?? '',
		z
			.string()
			.trim()
			.transform((value, context) => {
				if (value === '') return null;
				if (!/^-?\d{1,3}([.,]\d{1,8})?$/.test(value)) {
					context.addIssue({ code: 'custom', message: 'validation_consent_coordinate' });
					return z.NEVER;
				}
				const number = Number(value.replace(',', '.'));
				if (Math.abs(number) > limit) {
					context.addIssue({ code: 'custom', message: 'validation_consent_coordinate_range' });
					return z.NEVER;
				}
				return number;
			})
	);

/** Latitude and longitude of a place, both or neither; empty means "no map". */
export const coordinatesShape = {
	latitude: coordinate(90),
	longitude: coordinate(180)
};

export const bothOrNeither = (input: { latitude: number | null; longitude: number | null }) => (input.latitude === null) === (input.longitude === null);
