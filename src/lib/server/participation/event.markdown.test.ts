import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './event.markdown';

describe('minutes written in markdown render inert', () => {
	it('keeps headings, lists, emphasis and ordinary links', () => {
		const html = renderMarkdown('# Ergebnisse\n\n- **Sprache** zuerst\n- [Stadt](https://example.org/a)');
		expect(html).toContain('<h2>Ergebnisse</h2>');
		expect(html).toContain('<strong>Sprache</strong>');
		expect(html).toContain('<a href="https://example.org/a">Stadt</a>');
	});

	it('drops script elements together with their content', () => {
		const html = renderMarkdown('Vorher\n\n<script>alert("x")</script>\n\nNachher');
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toContain('alert');
	});

	it('drops iframes and their content', () => {
		const html = renderMarkdown('<iframe src="https://evil.example.org"></iframe>');
		expect(html).not.toMatch(/<iframe/i);
	});

	it('turns javascript: links into links that go nowhere', () => {
		for (const source of ['[klick](javascript:alert(1))', '<a href="JaVaScRiPt:alert(1)">klick</a>', '<a href=" javascript:alert(1)">x</a>']) {
			const html = renderMarkdown(source);
			expect(html.toLowerCase()).not.toContain('javascript:');
		}
	});

	it('removes event handler attributes and images with handlers', () => {
		const html = renderMarkdown('<p onclick="steal()">Text</p><img src=x onerror="steal()">');
		expect(html).not.toContain('onclick');
		expect(html).not.toContain('onerror');
		expect(html).not.toContain('steal');
	});

	it('cannot break out of an attribute with quotes', () => {
		const html = renderMarkdown('[a](https://example.org/"onmouseover="x)');
		expect(html).not.toMatch(/"\s*onmouseover=/);
	});
});
