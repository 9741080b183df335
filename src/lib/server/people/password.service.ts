// Passwords after registration: changing one while signed in, and setting a new one through a link
// mailed to the address when it is forgotten. better-auth hashes, keeps the single-use reset token
// (hashed, see auth.ts) and ends the sessions; this module supplies the mails and the domain errors.
import { AsyncLocalStorage } from 'node:async_hooks';
import { isAuthApiError } from './auth-error';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Database } from '../db/client';
import { demoAccounts } from '../demo/demo-data';
import { notSignedIn } from '../shared/errors';
import type { Actor } from './actor';
import { demoPasswordFixed, passwordResetLinkInvalid, wrongPassword } from './account.errors';
import { markEmailVerified } from './account.queries';
import type { Auth } from './auth';
import { composeLinkMail, type MailContext } from './link-mail';

export const PASSWORD_RESET_LINK_LIFETIME_S = 60 * 60;

// better-auth calls its mail hooks with the user and the token only; the language and the public
// address of the mail belong to the request that asked, which runs them inside this store.
const mailOfRequest = new AsyncLocalStorage<MailContext>();

function requestMail(): MailContext {
	const mail = mailOfRequest.getStore();
	if (!mail) throw new Error('A password mail was asked for outside requestPasswordReset or resetPassword');
	return mail;
}

type Addressee = { email: string; name: string };

function resetMail({ origin, locale }: MailContext, user: Addressee, token: string) {
	const options = { locale };
	return composeLinkMail({
		to: user.email,
		subject: m.password_mail_reset_subject({}, options),
		before: [m.account_mail_greeting({ name: user.name }, options), m.password_mail_reset_body({}, options)],
		link: `${origin}${localizeHref('/password-reset', { locale })}?token=${token}`,
		after: [m.password_mail_reset_expiry({}, options), m.password_mail_reset_ignore({}, options)]
	});
}

function changedMail({ origin, locale }: MailContext, user: Addressee) {
	const options = { locale };
	return composeLinkMail({
		to: user.email,
		subject: m.password_mail_changed_subject({}, options),
		before: [m.account_mail_greeting({ name: user.name }, options), m.password_mail_changed_body({}, options), m.password_mail_changed_not_you({}, options)],
		link: `${origin}${localizeHref('/password-reset', { locale })}`,
		after: []
	});
}

/** The hooks better-auth runs while a reset is asked for and carried out. */
export function passwordResetHooks(db: Database) {
	return {
		sendResetPassword: async ({ user, token }: { user: Addressee; token: string }) => {
			const mail = requestMail();
			await mail.mailer.send(resetMail(mail, user, token));
		},
		onPasswordReset: async ({ user }: { user: Addressee & { id: string } }) => {
			// The link reached the address, which proves it as well as a confirmation link would.
			await markEmailVerified(db, user.id);
			const mail = requestMail();
			await mail.mailer.send(changedMail(mail, user));
		}
	};
}

/** On a demo install the demo accounts keep the passwords the sign-in page lists, for every visitor after. */
export function passwordIsFixed(email: string, demo: boolean): boolean {
	const address = email.trim().toLowerCase();
	return demo && demoAccounts.some((account) => account.email === address);
}

function assertPasswordMayChange(email: string, demo: boolean) {
	if (passwordIsFixed(email, demo)) throw demoPasswordFixed();
}

/**
 * Mails a link for setting a new password when the address has an account. The answer is the same
 * either way, so that the form does not tell strangers who has an account.
 */
export async function requestPasswordReset({ auth, mail, email, demo = false }: { auth: Auth; mail: MailContext; email: string; demo?: boolean }) {
	assertPasswordMayChange(email, demo);
	await mailOfRequest.run(mail, () => auth.api.requestPasswordReset({ body: { email: email.trim().toLowerCase() } }));
}

/**
 * Whether a mailed link can still set a password, so that a used or expired one says so before anyone
 * types a new password twice. Reading it spends nothing; only saving does.
 */
export async function isResetLinkUsable({ auth, token, now = new Date() }: { auth: Auth; token: string; now?: Date }): Promise<boolean> {
	const context = await auth.$context;
	const found = await context.internalAdapter.findVerificationValue(`reset-password:${token}`);
	return Boolean(found && found.expiresAt > now);
}

/** Sets the new password and ends every session of the account; the link works once. */
export async function resetPassword({ auth, mail, token, password }: { auth: Auth; mail: MailContext; token: string; password: string }) {
	try {
		await mailOfRequest.run(mail, () => auth.api.resetPassword({ body: { token, newPassword: password } }));
	} catch (error) {
		if (isAuthApiError(error) && ['INVALID_TOKEN', 'USER_NOT_FOUND'].includes(String(error.body?.code))) throw passwordResetLinkInvalid();
		throw error;
	}
}

/**
 * Changes the signed-in person's password after checking the current one, signs out every other
 * device, and tells the address. Returns the Set-Cookie headers of the session that replaces this one.
 */
export async function changePassword({
	auth,
	mail,
	actor,
	headers,
	current,
	next,
	demo = false
}: {
	auth: Auth;
	mail: MailContext;
	actor: Actor | null;
	headers: Headers;
	current: string;
	next: string;
	demo?: boolean;
}): Promise<Headers> {
	if (!actor) throw notSignedIn();
	assertPasswordMayChange(actor.email, demo);
	let result: { headers: Headers };
	try {
		result = await auth.api.changePassword({ body: { currentPassword: current, newPassword: next, revokeOtherSessions: true }, headers, returnHeaders: true });
	} catch (error) {
		if (isAuthApiError(error) && error.body?.code === 'INVALID_PASSWORD') throw wrongPassword();
		if (isAuthApiError(error) && error.status === 'UNAUTHORIZED') throw notSignedIn();
		throw error;
	}
	await mail.mailer.send(changedMail(mail, actor));
	return result.headers;
}
