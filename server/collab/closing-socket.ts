// Closing a websocket the moment the server decides to: the close frame goes out, the
// socket stops being read, and if the client has not gone after a short grace the
// connection is cut. A client that ignores the close costs nothing more: no message of
// it is decoded or logged, and it cannot hold the socket for ws's 30-second close timeout.
import type { WebSocket } from 'ws';

export class ClosingSocket {
  private closing = false;

  constructor(
    readonly socket: WebSocket,
    private readonly graceMs: number,
  ) {}

  /** True once the server decided to close: every later message is ignored unread. */
  get isClosing(): boolean {
    return this.closing;
  }

  /** Closes once; returns false when a close was already under way. */
  close(code: number, reason: string): boolean {
    if (this.closing) return false;
    this.closing = true;
    const { socket } = this;
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CLOSING) {
      socket.close(code, reason);
      // Frames already in flight are not read; the close frame still goes out.
      socket.pause();
    }
    const cutOff = setTimeout(() => socket.terminate(), this.graceMs);
    cutOff.unref();
    socket.once('close', () => clearTimeout(cutOff));
    return true;
  }

  terminate(): void {
    this.closing = true;
    this.socket.terminate();
  }
}
