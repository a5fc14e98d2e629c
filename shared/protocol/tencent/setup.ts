/** The URL to paste in the Tencent console: the console refuses `?`, `&`, `!`, `$`, so any query is dropped (B.1). */
export function tencentCallbackUrl(listenerUrl: string): string {
  return listenerUrl.trim().replace(/[?#].*$/, '');
}

/** Caveats for the Tencent console URL, for the setup help. */
export function tencentCallbackNotes(listenerUrl: string): string[] {
  const url = tencentCallbackUrl(listenerUrl);
  const notes: string[] = [];
  if (url !== listenerUrl.trim()) notes.push('The query string was removed: the console does not accept ? or &.');
  if (!/^https?:\/\//i.test(url)) notes.push('The console URL must start with http:// or https://.');
  if (/\/\/(127\.|localhost|\[::1\])/i.test(url)) {
    notes.push('Tencent calls from the internet: expose this listener through a public URL or tunnel.');
  }
  notes.push('A new callback URL takes effect about 2 minutes after saving.');
  return notes;
}
