// The agent's own Telegram account: sign-in (phone → code → 2FA password, or QR code),
// the support forums this workspace serves, sign-out.
import { z } from 'zod';

export const SignInStep = z.enum(['unavailable', 'signed_out', 'awaiting_code', 'awaiting_password', 'awaiting_qr', 'signing_in', 'signed_in']);
export type SignInStep = z.infer<typeof SignInStep>;

export const ForumChoice = z.object({ chatId: z.string(), title: z.string(), selected: z.boolean() });
export type ForumChoice = z.infer<typeof ForumChoice>;

export const TelegramAccount = z.object({
  step: SignInStep,
  phone: z.string().nullable(),
  passwordHint: z.string().nullable(),
  /** tg://login?token=… to show as a QR code, while `step` is awaiting_qr. */
  qrUrl: z.string().nullable(),
  qrExpiresAt: z.number().nullable(),
  user: z.object({ id: z.string(), name: z.string(), username: z.string().nullable() }).nullable(),
  /** The last thing that went wrong, said plainly (wrong code, flood wait, session ended). */
  error: z.string().nullable(),
  /** Where the session is kept, and a warning when it is not kept at all. */
  secretStorage: z.string(),
  secretWarning: z.string().nullable(),
  forums: z.array(ForumChoice),
});
export type TelegramAccount = z.infer<typeof TelegramAccount>;

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter the phone number with its country code, e.g. +44 7700 900123');

export const telegramCommands = {
  'telegram.sendCode': { params: z.object({ phone: Phone }), result: TelegramAccount },
  'telegram.signIn': { params: z.object({ code: z.string().trim().regex(/^[0-9]{4,8}$/, 'The code is 4 to 8 digits') }), result: TelegramAccount },
  'telegram.checkPassword': { params: z.object({ password: z.string().min(1).max(256) }), result: TelegramAccount },
  'telegram.startQr': { params: z.object({}), result: TelegramAccount },
  'telegram.cancel': { params: z.object({}), result: TelegramAccount },
  'telegram.refreshForums': { params: z.object({}), result: TelegramAccount },
  'telegram.selectForums': { params: z.object({ chatIds: z.array(z.string().regex(/^[0-9]+$/)).max(50) }), result: TelegramAccount },
  'telegram.signOut': { params: z.object({}), result: TelegramAccount },
} as const;

export const telegramLiveQueries = {
  'telegram.account': { params: z.object({}), result: TelegramAccount },
} as const;
