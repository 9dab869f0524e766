// Telegram API credentials come from the environment (each team registers its own app at
// my.telegram.org); without them the app runs, but sign-in says what is missing.
import { GramjsGateway } from '../telegram/gramjs.gateway';
import type { TelegramGateway } from '../telegram/telegram.gateway';

export interface TelegramApiCredentials {
  apiId: number;
  apiHash: string;
}

export function telegramCredentialsFrom(env: NodeJS.ProcessEnv): TelegramApiCredentials | null {
  const apiId = Number(env.TOPICDESK_TG_API_ID);
  const apiHash = env.TOPICDESK_TG_API_HASH ?? '';
  if (!Number.isInteger(apiId) || apiId <= 0 || !/^[0-9a-f]{32}$/i.test(apiHash)) return null;
  return { apiId, apiHash };
}

export function realGatewayFactory(credentials: TelegramApiCredentials | null, appVersion: string): ((session: string) => TelegramGateway) | null {
  if (!credentials) return null;
  return (session) => new GramjsGateway({ ...credentials, session, appVersion });
}
