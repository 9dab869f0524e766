import { describe, expect, it } from 'vitest';
import { appFiles, userDataOverride } from './app.paths';

describe('app paths', () => {
  it('keeps everything under userData', () => {
    expect(appFiles('/home/a/.config/Topicdesk')).toEqual({
      workspaceDir: '/home/a/.config/Topicdesk/workspaces/default',
      secrets: '/home/a/.config/Topicdesk/secrets.json',
      windowState: '/home/a/.config/Topicdesk/window-state.json',
    });
  });

  it('takes an absolute TOPICDESK_USER_DATA only', () => {
    expect(userDataOverride({ TOPICDESK_USER_DATA: '/tmp/td-e2e' })).toBe('/tmp/td-e2e');
    expect(userDataOverride({ TOPICDESK_USER_DATA: 'relative/dir' })).toBeNull();
    expect(userDataOverride({ TOPICDESK_USER_DATA: '  ' })).toBeNull();
    expect(userDataOverride({})).toBeNull();
  });
});
