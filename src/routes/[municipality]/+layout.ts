// Public reading pages ship no JavaScript: they are complete as HTML, load faster on old phones, and
// carry no serialised page data. Pages that need enhancement can switch it back on for themselves.
export const csr = false;
