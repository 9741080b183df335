// Labels of reviews in the reader's language; the rating keys follow the database's vocabulary.
import { lookupMessage } from '$lib/message-lookup';

export const ratingLabel = (rating: string) => lookupMessage(`review_rating_${rating}`);
export const reviewKindLabel = (kind: string) => lookupMessage(`review_kind_${kind}`);
