// A cookie-keeping HTTP client on Node's fetch, for the specs that send thousands of requests and need no
// browser (the authorisation matrix, the attack corpus). Playwright's request context cost the test worker
// about 3 ms of CPU per request against 1 ms for fetch (600 requests each, measured in a spec), and it records
// every request as a step of the test. With this client the two specs' test workers used 18 s of CPU instead
// of 30 s (one run each, read from /proc while they ran on the two story servers).

export type RequestOptions = {
	method?: string;
	headers?: Record<string, string>;
	/** Sent as application/x-www-form-urlencoded, as a browser sends a plain form. */
	form?: Record<string, string>;
	/** Sent as multipart/form-data, as a browser sends a form with a file. */
	multipart?: FormData;
	/** Redirects followed before the answer is returned; 0 returns the redirect itself. */
	maxRedirects?: number;
};

/** An answer whose body has been read, so that it can be read as often as a test needs. */
export class HttpResponse {
	constructor(
		private readonly response: Response,
		private readonly body: Buffer
	) {}

	status(): number {
		return this.response.status;
	}

	ok(): boolean {
		return this.response.ok;
	}

	/** Lower-case names; repeated headers joined by commas, Set-Cookie lines by newlines. */
	headers(): Record<string, string> {
		const headers = Object.fromEntries(this.response.headers);
		const cookies = this.response.headers.getSetCookie();
		if (cookies.length > 0) headers['set-cookie'] = cookies.join('\n');
		return headers;
	}

	async text(): Promise<string> {
		return this.body.toString('utf8');
	}

	async json(): Promise<unknown> {
		return JSON.parse(this.body.toString('utf8'));
	}
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export class HttpClient {
	private readonly cookies = new Map<string, string>();

	constructor(private readonly origin: string) {}

	get(path: string, options: Omit<RequestOptions, 'method'> = {}): Promise<HttpResponse> {
		return this.fetch(path, { ...options, method: 'GET' });
	}

	post(path: string, options: Omit<RequestOptions, 'method'> = {}): Promise<HttpResponse> {
		return this.fetch(path, { ...options, method: 'POST' });
	}

	async fetch(path: string, { method = 'GET', headers = {}, form, multipart, maxRedirects = 20 }: RequestOptions = {}): Promise<HttpResponse> {
		let url = new URL(path, this.origin);
		let body: URLSearchParams | FormData | undefined = form ? new URLSearchParams(form) : multipart;
		for (let redirects = 0; ; redirects++) {
			const response = await this.send(url, { method, headers: this.withCookies(headers), body, redirect: 'manual' });
			this.keepCookies(response.headers.getSetCookie());
			const location = response.headers.get('location');
			if (!redirectStatuses.has(response.status) || location === null || redirects >= maxRedirects) {
				return new HttpResponse(response, Buffer.from(await response.arrayBuffer()));
			}
			await response.arrayBuffer();
			url = new URL(location, url);
			// As browsers do: a 303, and a 301 or 302 after a POST, fetch the new address with GET.
			if (response.status === 303 || ([301, 302].includes(response.status) && method === 'POST')) {
				method = 'GET';
				body = undefined;
			}
		}
	}

	/** The error names the socket's own error (ECONNRESET, EPIPE…), which fetch keeps in its cause. */
	private async send(url: URL, init: RequestInit): Promise<Response> {
		try {
			return await fetch(url, init);
		} catch (error) {
			const cause = (error as { cause?: { code?: string; message?: string } }).cause;
			throw new Error(`${init.method} ${url.pathname}: ${cause?.code ?? ''} ${cause?.message ?? (error as Error).message}`.trim(), { cause: error });
		}
	}

	private withCookies(headers: Record<string, string>): Record<string, string> {
		if (this.cookies.size === 0) return headers;
		const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		return { ...headers, cookie };
	}

	/** Keeps the name and value of each cookie and forgets one the server expires; the tests use one host and path /. */
	private keepCookies(lines: string[]): void {
		for (const line of lines) {
			const [pair, ...attributes] = line.split(';');
			const separator = pair.indexOf('=');
			if (separator <= 0) continue;
			const name = pair.slice(0, separator).trim();
			const expired = attributes.some((attribute) => {
				const [key, value = ''] = attribute.split('=').map((part) => part.trim());
				if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
				return key.toLowerCase() === 'expires' && Date.parse(value) <= Date.now();
			});
			if (expired) this.cookies.delete(name);
			else this.cookies.set(name, pair.slice(separator + 1).trim());
		}
	}
}
