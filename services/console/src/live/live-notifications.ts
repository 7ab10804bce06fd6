// One live stream for the whole console, shared by the screens that wait for something (offers, a
// request's story, the inbox): opened while at least one of them listens, closed when none does.
import { onBeforeUnmount, onMounted } from 'vue';
import { accessToken } from '../session/session';
import { LiveStream, type LiveNotification } from './live-stream';

type Listener = { onNotification: (notification: LiveNotification) => void; onOpen?: () => void };

const listeners = new Set<Listener>();
let stream: LiveStream | undefined;

function ensureStream(): LiveStream {
  stream ??= new LiveStream(
    { url: '/api/notifications/me/stream', token: accessToken },
    {
      onNotification: (notification) =>
        listeners.forEach((listener) => listener.onNotification(notification)),
      onOpen: () => listeners.forEach((listener) => listener.onOpen?.()),
    },
  );
  return stream;
}

/** Listens while the calling component is mounted; `refresh` runs on each notification and reconnect. */
export function useLiveNotifications(
  refresh: (notification?: LiveNotification) => void,
  accepts: (notification: LiveNotification) => boolean = () => true,
): void {
  const listener: Listener = {
    onNotification: (notification) => {
      if (accepts(notification)) refresh(notification);
    },
    onOpen: () => refresh(),
  };
  onMounted(() => {
    listeners.add(listener);
    ensureStream().start();
  });
  onBeforeUnmount(() => {
    listeners.delete(listener);
    if (listeners.size === 0) stream?.stop();
  });
}

/** Closes the stream for good (sign-out): the next person opens their own. */
export function closeLiveNotifications(): void {
  stream?.stop();
  stream = undefined;
}
