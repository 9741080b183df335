import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ts from 'typescript';
import { expect } from '@playwright/test';
import type { HttpClient } from './http-client';
import type { MatrixRole } from './authorisation-matrix';
import { demoEventIds } from '../src/lib/server/demo/demo-event-ids';
import { demoMonitoringIds } from '../src/lib/server/demo/demo-monitoring-ids';
import { demoArticleIds } from '../src/lib/server/demo/demo-news-ids';
import { demoSourceIds } from '../src/lib/server/demo/demo-s-prov-ids';

// What the authorisation matrix and the attack corpus share: the app's routes and form actions read
// from the file system, demo values for route parameters, and the forms of server-rendered pages.

export const routesDir = path.resolve(import.meta.dirname, '../src/routes');
export const paramPattern = /\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}/g;

export const accounts: Record<Exclude<MatrixRole, 'anonymous'>, { email: string; password: string }> = {
	participant: { email: 'teilnahme@example.org', password: 'demo-participant' },
	member: { email: 'mitglied@muenster.example.org', password: 'demo-member-muenster' },
	moderator: { email: 'moderation-ideen@muenster.example.org', password: 'demo-moderator-muenster' },
	editor: { email: 'redaktion@muenster.example.org', password: 'demo-editor-muenster' },
	facilitator: { email: 'moderation@muenster.example.org', password: 'demo-facilitator-muenster' },
	admin: { email: 'admin@muenster.example.org', password: 'demo-admin-muenster' },
	otherAdmin: { email: 'admin@greven.example.org', password: 'demo-admin-greven' }
};

/**
 * Names of `export const actions = { … }`, read with the TypeScript parser; actions shared by several
 * pages (`export const actions = sharedActions`) are followed into the $lib module that defines them.
 */
export function actionNamesOf(file: string, exportName = 'actions'): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (!ts.isIdentifier(declaration.name) || declaration.name.text !== exportName) continue;
			let initializer = declaration.initializer;
			while (initializer && (ts.isSatisfiesExpression(initializer) || ts.isAsExpression(initializer) || ts.isParenthesizedExpression(initializer))) {
				initializer = initializer.expression;
			}
			if (initializer && ts.isIdentifier(initializer)) return importedActionNames(source, initializer.text, file);
			if (!initializer || !ts.isObjectLiteralExpression(initializer)) throw new Error(`${file}: actions must be an object literal`);
			return initializer.properties.map((property) => {
				if (ts.isSpreadAssignment(property) || !property.name) throw new Error(`${file}: spread in actions cannot be enumerated`);
				if (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) return property.name.text;
				throw new Error(`${file}: computed action name cannot be enumerated`);
			});
		}
	}
	return [];
}

function importedActionNames(source: ts.SourceFile, name: string, file: string): string[] {
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
		const bindings = statement.importClause?.namedBindings;
		if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((element) => element.name.text === name)) continue;
		const specifier = statement.moduleSpecifier.text.replace(/^\$lib\//, path.resolve(import.meta.dirname, '../src/lib') + '/');
		return actionNamesOf(specifier.endsWith('.ts') ? specifier : `${specifier}.ts`, name);
	}
	throw new Error(`${file}: actions ${name} are not imported from a module this spec can read`);
}

/** HTTP methods a +server.ts exports; `fallback` stands for every other method, tried as PUT. */
export function endpointMethodsOf(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const names: string[] = [];
	for (const statement of source.statements) {
		const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
		if (ts.isFunctionDeclaration(statement) && exported && statement.name) names.push(statement.name.text);
		if (ts.isVariableStatement(statement) && exported) {
			for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
		}
		if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
			for (const element of statement.exportClause.elements) names.push(element.name.text);
		}
	}
	return names.flatMap((name) => (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(name) ? [name] : name === 'fallback' ? ['PUT'] : []));
}

export type Check = { key: string; routeId: string; method: string; action: string | null };

/** Every page (GET), form action (POST ?/name) and endpoint method in the app. */
export function enumerate(): Check[] {
	const checks: Check[] = [];
	const files = (readdirSync(routesDir, { recursive: true }) as string[]).filter((file) =>
		['+page.server.ts', '+page.ts', '+server.ts', '+page.svelte'].includes(path.basename(file))
	);
	const seenPages = new Set<string>();
	for (const file of files.sort()) {
		const directory = path.dirname(path.join(routesDir, file));
		const segments = path
			.relative(routesDir, directory)
			.split(path.sep)
			.filter((segment) => segment && !/^\(.+\)$/.test(segment));
		const routeId = '/' + segments.join('/');
		const base = path.basename(file);
		if (base === '+server.ts') {
			for (const method of endpointMethodsOf(path.join(routesDir, file))) checks.push({ key: `${method} ${routeId}`, routeId, method, action: null });
			continue;
		}
		if (!seenPages.has(routeId)) {
			seenPages.add(routeId);
			checks.push({ key: `GET ${routeId}`, routeId, method: 'GET', action: null });
		}
		if (base === '+page.server.ts') {
			for (const action of actionNamesOf(path.join(routesDir, file))) {
				checks.push({ key: `POST ${routeId} ?/${action}`, routeId, method: 'POST', action });
			}
		}
	}
	return checks;
}

export const discovered: Record<string, string> = {};

/** Demo values for route parameters; a few are read from public pages, the rest are fixed demo ids. */
export function fill(routeId: string): string {
	return routeId.replace(paramPattern, (_, raw: string) => {
		const name = raw.replace(/=.*$/, '');
		if (name === 'municipality') return 'muenster';
		if (name === 'region') return 'muensterland';
		if (name === 'strategy') return 'migration-und-integration';
		// The edition open for participation: ideas, working groups and the draft document live there.
		// The monitor and the council decision belong to the first, adopted edition.
		if (name === 'number') return /\/monitor\/|decision\.pdf/.test(routeId) ? '1' : '4';
		// The last year of the first edition's period (2008–2013): its annual report exists.
		if (name === 'year') return '2013';
		if (name === 'organisation') return 'kulturverein-anatolia-muenster-demo';
		// The first page of a municipality's sitemap always exists.
		if (name === 'page') return '1';
		if (name === 'article') return demoArticleIds.muenster;
		if (name === 'measure') return demoMonitoringIds.muenster.measure;
		if (name === 'indicator') return demoMonitoringIds.muenster.indicator;
		if (name === 'source') return demoSourceIds.muenster;
		// Translations are addressed by kind and id; a tracked measure is translated by process staff.
		if (name === 'kind') return 'measure';
		if (name === 'entity') return demoMonitoringIds.muenster.measure;
		if (name === 'id') {
			if (/\/ideas\/\[id/.test(routeId)) return discovered.idea;
			if (/\/measures\/\[id/.test(routeId)) return demoMonitoringIds.muenster.measure;
			if (/\/indicators\/\[id/.test(routeId)) return demoMonitoringIds.muenster.indicator;
			if (/\/events\/\[id/.test(routeId)) return demoEventIds.muenster;
			// Contact cards are addressed by an organisation's id, which no page shows; an unknown one must be a plain 404.
			return randomUUID();
		}
		if (name in discovered) return discovered[name];
		// Tokens, file names and API paths that do not exist: every role must get the same 404.
		return name === 'path' ? 'unbekannt' : 'unbekannt-' + name;
	});
}

export async function discover(anonymous: HttpClient): Promise<void> {
	const html = async (url: string) => {
		const response = await anonymous.get(url);
		expect(response.status(), url).toBe(200);
		return response.text();
	};
	const edition = '/muenster/strategies/migration-und-integration/editions/4';
	const first = (text: string, pattern: RegExp, what: string) => {
		const match = pattern.exec(text);
		if (!match) throw new Error(`no ${what} found to fill the route parameter`);
		return decodeURIComponent(match[1]);
	};
	discovered.idea = first(await html(`${edition}/ideas`), /\/ideas\/([0-9a-f-]{36})"/, 'idea');
	discovered.district = first(await html(`${edition}/monitor/districts`), /\/monitor\/districts\/([^"/?#]+)"/, 'district');
	discovered.group = first(await html(edition), /\/working-groups\/([^"/?#]+)"/, 'working group');
	const news = await html('/muenster/news');
	discovered.slug = first(news, /\/muenster\/news\/([^"/?#]+)"/, 'news article');
	discovered.tag = first(news, /\/muenster\/tags\/([^"/?#]+)"/, 'hashtag');
	// A field of action's own drafting page is addressed by its id, which the public API tells.
	const api = await anonymous.get('/api/v1/municipalities/muenster/strategies/migration-und-integration/editions/4');
	expect(api.status()).toBe(200);
	discovered.field = ((await api.json()) as { fields: { id: string }[] }).fields[0].id;
}

/** The named fields of each POST form in server-rendered HTML, with their current values. */
export function formsIn(html: string): Map<string, Record<string, string>> {
	const forms = new Map<string, Record<string, string>>();
	const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
	const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		if ((attribute(match[1], 'method') ?? 'get').toLowerCase() !== 'post') continue;
		const action = /\?\/([\w-]+)/.exec(unescape(attribute(match[1], 'action') ?? ''))?.[1] ?? 'default';
		if (forms.has(action)) continue;
		const values: Record<string, string> = {};
		for (const field of match[2].matchAll(/<(input)\b([^>]*)>()|<(textarea|select)\b([^>]*)>([\s\S]*?)<\/(?:textarea|select)>/g)) {
			field[1] ??= field[4];
			field[2] ??= field[5];
			field[3] ??= field[6];
			const name = attribute(field[2], 'name');
			if (!name || /\sdisabled/.test(field[2])) continue;
			const type = attribute(field[2], 'type') ?? 'text';
			if (['checkbox', 'radio'].includes(type) && !/\schecked/.test(field[2])) continue;
			if (['file', 'submit', 'button'].includes(type)) continue;
			let value = field[1] === 'textarea' ? field[3] : (attribute(field[2], 'value') ?? '');
			if (field[1] === 'select') value = /<option[^>]*\sselected[^>]*value="([^"]*)"|<option[^>]*value="([^"]*)"[^>]*\sselected/.exec(field[3] ?? '')?.slice(1).find(Boolean) ?? /<option[^>]*value="([^"]+)"/.exec(field[3] ?? '')?.[1] ?? '';
			// Required fields and free texts get a plausible value, so that validation passes and only authorisation can refuse.
			if (!value && (/\srequired/.test(field[2]) || field[1] === 'textarea')) {
				value = ({ email: 'zugriff@example.org', url: 'https://example.org', number: '1', date: '2026-01-01', 'datetime-local': '2026-01-01T10:00' } as Record<string, string>)[type] ?? 'Zugriffstest';
			}
			values[name] = unescape(value);
		}
		forms.set(action, values);
	}
	return forms;
}

/** Runs `work` over the items with at most `size` of them under way at once. */
export async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
