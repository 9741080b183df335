import { z } from 'zod';
import { emailAddress, mailedToken } from './account';

export const subscribeSchema = z.object({ email: emailAddress });

export const subscriptionTokenSchema = z.object({ token: mailedToken });

const required = (max: number) => z.string().trim().min(1, { message: 'validation_required' }).max(max, { message: 'validation_too_long' });

/** What the office writes to a strategy's subscribers: plain text, paragraphs separated by a blank line. */
export const strategyMessageSchema = z.object({ subject: required(150), body: required(5000) });
export type StrategyMessageInput = z.output<typeof strategyMessageSchema>;
