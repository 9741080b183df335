// A character no message contains (Unicode's private use area) stands in for the content while the message is
// built, so the words around it can be told apart in every language, wherever the language puts the content.
const marker = '\u{E000}';

/** The interface's words before and after the content in a message, or undefined when the message does not show it once. */
export function splitAroundContent(message: (content: string) => string): { before: string; after: string } | undefined {
	const parts = message(marker).split(marker);
	return parts.length === 2 ? { before: parts[0], after: parts[1] } : undefined;
}
