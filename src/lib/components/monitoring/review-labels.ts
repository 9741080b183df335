// Labels of reviews in the reader's language; the rating keys follow the database's vocabulary.
import { translate } from '$lib/i18n';

export const ratingLabel = (rating: string) => translate(`review_rating_${rating}`);
export const reviewKindLabel = (kind: string) => translate(`review_kind_${kind}`);
