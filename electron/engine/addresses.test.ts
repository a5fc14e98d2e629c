import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, reachableHost, serverUrl } from './addresses.js';

describe('isLoopbackAddress', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '192.168.1.2', '::', 'example.com', '128.0.0.1', '', '127.example.com']) {
      expect(isLoopbackAddress(host), host).toBe(false);
    }
  });
});

describe('serverUrl', () => {
  it('writes host and port, an IPv6 address in brackets', () => {
    expect(serverUrl('127.0.0.1', 10006)).toBe('http://127.0.0.1:10006');
    expect(serverUrl('::1', 80)).toBe('http://[::1]:80');
    expect(serverUrl('[::1]', 80)).toBe('http://[::1]:80');
    expect(serverUrl('localhost', 1)).toBe('http://localhost:1');
  });

  it('reaches a server bound to all interfaces via loopback', () => {
    expect(reachableHost('0.0.0.0')).toBe('127.0.0.1');
    expect(reachableHost('::')).toBe('127.0.0.1');
    expect(reachableHost('192.168.1.2')).toBe('192.168.1.2');
  });
});
