/**
 * Keeps the presentation window and the presenter's notes window on the same step, in both
 * directions, through a BroadcastChannel named after the story. Where the channel is missing
 * or refused (a sandboxed iframe), it quietly does nothing: the presentation still works alone.
 */
export type PresentMessage =
  { type: 'alliance-map:step'; index: number } | { type: 'alliance-map:hello' };

export interface PresentChannel {
  post(message: PresentMessage): void;
  close(): void;
}

/** Accepts only the two message shapes above, with a sane step number. */
export function parsePresentMessage(data: unknown): PresentMessage | null {
  if (!data || typeof data !== 'object') return null;
  const { type, index } = data as { type?: unknown; index?: unknown };
  if (type === 'alliance-map:hello') return { type };
  if (
    type === 'alliance-map:step' &&
    typeof index === 'number' &&
    Number.isInteger(index) &&
    index >= 0 &&
    index < 10_000
  ) {
    return { type, index };
  }
  return null;
}

export function openChannel(
  storyId: string,
  onMessage: (message: PresentMessage) => void,
): PresentChannel {
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(`alliance-map:${storyId}`);
    channel.onmessage = (event: MessageEvent) => {
      const message = parsePresentMessage(event.data);
      if (message) onMessage(message);
    };
  } catch {
    channel = null;
  }
  return {
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed or refused channel: the other window simply does not follow.
      }
    },
    close() {
      channel?.close();
    },
  };
}
