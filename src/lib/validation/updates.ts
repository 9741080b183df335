import { z } from 'zod';
import { emailAddress, mailedToken } from './account';

export const subscribeSchema = z.object({ email: emailAddress });

export const subscriptionTokenSchema = z.object({ token: mailedToken });
