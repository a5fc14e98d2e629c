import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc-guard.js';
import { decideNavigation, isExternalWebUrl, isPermissionAllowed, isSameOrigin, originOf } from './origin-policy.js';

const ENGINE = 'http://127.0.0.1:10007';

describe('origins', () => {
  it('compares scheme, host and port', () => {
    expect(originOf('http://127.0.0.1:10007/?token=abc')).toBe(ENGINE);
    expect(isSameOrigin('http://127.0.0.1:10007/assets/x.js', ENGINE)).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:10008/', ENGINE)).toBe(false);
    expect(isSameOrigin('http://localhost:10007/', ENGINE)).toBe(false);
    expect(isSameOrigin('https://127.0.0.1:10007/', ENGINE)).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:10007.evil.test/', ENGINE)).toBe(false);
  });

  it('treats opaque and unparsable URLs as foreign, even to each other', () => {
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(isSameOrigin('about:blank', 'about:blank')).toBe(false);
    expect(isSameOrigin('', '')).toBe(false);
  });
});

describe('navigation', () => {
  it('allows the engine origin, opens web links outside, blocks other schemes', () => {
    expect(decideNavigation(`${ENGINE}/?token=t`, ENGINE)).toBe('allow');
    expect(decideNavigation('https://console.cloud.tencent.com/im', ENGINE)).toBe('open-external');
    expect(decideNavigation('http://127.0.0.1:10006/', ENGINE)).toBe('open-external');
    expect(decideNavigation('file:///etc/passwd', ENGINE)).toBe('block');
    expect(decideNavigation('javascript:alert(1)', ENGINE)).toBe('block');
    expect(decideNavigation('smb://host/share', ENGINE)).toBe('block');
  });

  it('only hands http(s) to the system browser', () => {
    expect(isExternalWebUrl('https://docs.openim.io/')).toBe(true);
    expect(isExternalWebUrl('mailto:a@b.c')).toBe(false);
    expect(isExternalWebUrl('vscode://open')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies everything except clipboard writes from the engine page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${ENGINE}/`, ENGINE)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.test/', ENGINE)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb', 'fullscreen']) {
      expect(isPermissionAllowed(p, `${ENGINE}/`, ENGINE)).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of the engine page', () => {
    expect(isTrustedSender({ url: `${ENGINE}/?token=t`, parent: null }, ENGINE)).toBe(true);
    expect(isTrustedSender({ url: `${ENGINE}/frame.html`, parent: {} }, ENGINE)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.test/', parent: null }, ENGINE)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:10006/', parent: null }, ENGINE)).toBe(false);
    expect(isTrustedSender({ url: '', parent: null }, ENGINE)).toBe(false);
    expect(isTrustedSender(null, ENGINE)).toBe(false);
    expect(isTrustedSender(undefined, ENGINE)).toBe(false);
  });

  it('refuses everything before the engine origin is known', () => {
    expect(isTrustedSender({ url: `${ENGINE}/`, parent: null }, '')).toBe(false);
  });
});
