import { describe, expect, it } from 'vitest';
import { TelegramError } from '../telegram/telegram.gateway';
import { signInErrorText, waitText } from './sign-in.errors';

describe('sign-in errors', () => {
  it('says how long a flood wait lasts in readable units', () => {
    expect(signInErrorText(new TelegramError('flood', 'FLOOD_WAIT_42', { seconds: 42 }))).toBe('Telegram asks you to wait 42 seconds before trying again.');
    expect(waitText(600)).toBe('10 minutes');
    expect(waitText(7200)).toBe('2 hours');
  });

  it('explains wrong and expired codes and wrong passwords', () => {
    expect(signInErrorText(new TelegramError('invalid_input', 'PHONE_CODE_INVALID'))).toMatch(/not right/);
    expect(signInErrorText(new TelegramError('invalid_input', 'PHONE_CODE_EXPIRED'))).toMatch(/expired/);
    expect(signInErrorText(new TelegramError('invalid_input', 'PASSWORD_HASH_INVALID'))).toMatch(/Wrong password/);
    expect(signInErrorText(new TelegramError('permanent', 'SOMETHING_NEW'))).toBe('Telegram said: SOMETHING_NEW');
  });
});
