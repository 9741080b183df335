// Filtering in place keeps the reader's focus and lets the result count (a polite live region) be
// announced; without script the filter form is a plain GET form and the page reloads.
export const csr = true;
