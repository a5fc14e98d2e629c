/** Why the last send (answer, replay, send to backend) did not go through; an alert, so it is read out at once. */
export function SendError({ message, wide = false }: { message: string | null | undefined; wide?: boolean }) {
  if (!message) return null;
  return (
    <p className={wide ? 'send-error field-wide' : 'send-error'} role="alert">
      {message}
    </p>
  );
}
