// The chart's keyboard layer (focusable points, arrow keys) and the series choice that redraws in place
// need script; without it the page stays complete: the chart as a picture, its table, a plain form.
export const csr = true;
