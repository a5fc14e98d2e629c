/**
 * A bind failure in a few words for the listener status (the window's top bar and `Listener error:`), e.g.
 * "port 10006 is in use by another program" instead of "listen EADDRINUSE: address already in use 127.0.0.1:10006".
 * The raw system message still goes to the log.
 */
export function bindErrorText(err: unknown, host: string, port: number): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} is in use by another program`;
    case 'EACCES':
      return `no permission to listen on port ${port} (ports below 1024 need admin rights)`;
    case 'EADDRNOTAVAIL':
      return `address ${host} does not belong to this machine`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host name ${host} could not be resolved`;
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
