import type { Browser, Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './fixtures';

async function signedIn(browser: Browser, email: string, password: string, javaScript: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	const page = await context.newPage();
	await signIn(page, email, password);
	return page;
}

const stories = [
	{ javaScript: true, organisation: 'Frauenverein Levante (Demo)', slug: 'frauenverein-levante-demo' },
	{ javaScript: false, organisation: 'Elternnetzwerk Kivu (Demo)', slug: 'elternnetzwerk-kivu-demo' }
];

for (const story of stories) {
	test(`a participant declares a membership, finds it in the data export and in the registry, and removes it (JavaScript ${story.javaScript ? 'on' : 'off'})`, async ({ browser }) => {
		const participant = await signedIn(browser, 'teilnahme@example.org', 'demo-participant', story.javaScript);
		await participant.goto('/account');
		await checkPage(participant, { javaScript: story.javaScript });
		const section = participant.getByRole('region', { name: 'Meine Organisationen' });

		// Choosing nothing is refused and nothing is recorded.
		await section.getByRole('button', { name: 'Als Mitglied eintragen' }).click();
		await expect(participant.getByText('Bitte wählen Sie einen Eintrag aus der Liste.')).toBeVisible();
		await checkPage(participant, { javaScript: story.javaScript });

		await participant.getByLabel('Organisation in Münster').selectOption({ label: story.organisation });
		await participant.getByRole('button', { name: 'Als Mitglied eintragen' }).click();
		await expect(participant.getByText('Die Mitgliedschaft ist eingetragen.')).toBeVisible();
		await expect(participant.getByRole('listitem').filter({ hasText: story.organisation })).toContainText('Mitglied');
		await checkPage(participant, { javaScript: story.javaScript });

		const exported = await (await participant.request.get('/account/export')).json();
		expect(exported.contributions.organisationMemberships).toEqual(
			expect.arrayContaining([expect.objectContaining({ organisationName: story.organisation, role: 'member' })])
		);

		const facilitator = await signedIn(browser, 'moderation@muenster.example.org', 'demo-facilitator-muenster', story.javaScript);
		await facilitator.goto(`/admin/muenster/organisations/${story.slug}`);
		await checkPage(facilitator, { javaScript: story.javaScript });
		await expect(facilitator.getByText('teilnahme@example.org')).toBeVisible();
		await facilitator.context().close();

		await section.getByRole('button', { name: new RegExp(`^Entfernen.*${story.organisation.replace(/[()]/g, '\\$&')}`) }).click();
		await expect(participant.getByText('Die Mitgliedschaft ist entfernt.')).toBeVisible();
		await expect(participant.getByRole('listitem').filter({ hasText: story.organisation })).toHaveCount(0);
		await checkPage(participant, { javaScript: story.javaScript });
		await participant.context().close();
	});
}
