// `npm run admin -- create …`: creates accounts with the operator's authority, which the web app never
// grants (public sign-up is closed). It connects like the app does and can run beside a running app.
import { runAdminCommand } from './admin-command';

const status = await runAdminCommand(process.argv.slice(2), process.env, {
	out: (text) => console.log(text),
	err: (text) => console.error(text),
	input: process.stdin,
	prompt: (text) => process.stdout.write(text)
});
process.exit(status);
