/**
 * A macrotask turn for the worker's own event loop. The training loop awaits only promises that
 * TF.js resolves at once on wasm and cpu (microtasks), so without this the page's messages (pause,
 * record, settings) would wait until the loop ends. setTimeout(0) would do, but browsers clamp it
 * to 4 ms after a few nested calls, a quarter of a fast step; a MessageChannel message is queued
 * behind the messages already waiting and costs microseconds.
 */
let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // Node keeps a process alive while a port is referenced; the worker's lifetime is the page's.
    (channel.port1 as unknown as { unref?(): void }).unref?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}
