// Progressive enhancement of the consent placeholder (src/lib/components/consent/external-embed.svelte).
// Public pages ship no framework JavaScript, so this small file does one thing: after the visitor's
// click it swaps the placeholder for the embed without a reload. Without it the same buttons post the
// form and the page comes back with the embed.
document.addEventListener('submit', async (event) => {
	const form = event.target;
	if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-consent-form')) return;
	const container = form.closest('[data-embed-src]');
	const choice = event.submitter && event.submitter.value;
	if (!container || (choice !== 'once' && choice !== 'always')) return;
	event.preventDefault();
	if (choice === 'always') {
		const body = new FormData(form);
		body.set('choice', 'always');
		const response = await fetch(form.action, { method: 'POST', body, headers: { accept: 'application/json' } }).catch(() => null);
		if (!response || !response.ok) {
			const fallback = document.createElement('input');
			fallback.type = 'hidden';
			fallback.name = 'choice';
			fallback.value = 'always';
			form.append(fallback);
			form.submit();
			return;
		}
	}
	const frame = document.createElement('iframe');
	frame.src = container.getAttribute('data-embed-src');
	frame.title = container.getAttribute('data-embed-title');
	frame.height = container.getAttribute('data-embed-height') || '300';
	frame.loading = 'lazy';
	frame.referrerPolicy = 'strict-origin-when-cross-origin';
	container.replaceChildren(frame);
	// The button that had focus is gone; focus moves to what replaced it, not to the top of the page.
	frame.focus();
});
