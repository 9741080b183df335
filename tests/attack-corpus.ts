/**
 * Hostile input for every text field and URL parameter. `marker` is what must never come back
 * unescaped: the executable part of the payload, or what a successful attack would reveal.
 */
export type Payload = { name: string; value: string; marker?: string };

export const textPayloads: Payload[] = [
	{ name: 'script element', value: '<script>alert("angriff")</script>', marker: '<script>alert("angriff")' },
	{ name: 'attribute break-out with event handler', value: '"><img src=x onerror=alert(1)>', marker: '<img src=x onerror=alert(1)>' },
	{ name: 'svg onload in single quotes', value: "'><svg/onload=alert(1)>", marker: '<svg/onload=alert(1)>' },
	{ name: 'javascript: link in markdown', value: '[Klick](javascript:alert(1))', marker: 'href="javascript:' },
	{ name: 'template expression', value: '{{constructor.constructor("alert(1)")()}}${alert(1)}' },
	{ name: 'SQL quote', value: "' OR '1'='1' --" },
	{ name: 'SQL statement', value: '1; DROP TABLE users; --' },
	{ name: 'path traversal', value: '../../../../../../etc/passwd', marker: 'root:x:0:0' },
	{ name: 'right-to-left override', value: 'Rechnung\u202Egpj.exe' },
	{ name: 'emoji and combining marks', value: 'Z̷̧a̸l̶g̵o 😀👨‍👩‍👧' }
];

/** Payloads that must be refused outright: nothing of them may be stored. */
export const refusedPayloads: Payload[] = [
	{ name: 'NUL character', value: 'Hallo\u0000Welt' },
	{ name: 'oversized text (300 000 characters)', value: 'x'.repeat(300_000) }
];

/** Already percent-encoded for URLs: broken UTF-8 (lone surrogate, overlong), NUL and traversal tricks. */
export const rawUrlPayloads: string[] = [
	'%ED%A0%80',
	'%C0%AF',
	'%00',
	'%FF%FE',
	'..%2F..%2F..%2Fetc%2Fpasswd',
	'%2e%2e%2f%2e%2e%2fetc%2fpasswd',
	'x'.repeat(4000)
];
