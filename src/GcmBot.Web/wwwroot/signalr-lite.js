// signalr-lite.js: a small client for ASP.NET Core SignalR's JSON hub protocol over a raw WebSocket.
// Why not the official client: the page must work offline with no build step and no CDN, and we only
// need invoke/on plus reconnection. Negotiation is skipped: the server accepts a direct WebSocket
// connection to the hub URL (skipNegotiation in the official client).
// Usage: const c = new SignalRLite("/hubs/chat"); c.on("message", fn); await c.start(); await c.invoke("Join", "room:Room A");
"use strict";

class SignalRLite {
  static RS = "\u001e"; // record separator that ends every JSON hub message
  static DELAYS = [0, 1000, 2000, 5000, 10000]; // then every 10 s forever: a meeting room page must come back by itself
  static PING_MS = 15000; // keeps proxies from closing an idle socket
  static SERVER_TIMEOUT_MS = 30000; // server pings every 15 s; silence for twice that means a dead (half-open) socket
  static HANDSHAKE_TIMEOUT_MS = 15000;

  constructor(url) {
    // Accept "/hubs/chat" or an http(s) URL and turn it into ws(s) on the page's own origin.
    const u = new URL(url, window.location.href);
    u.protocol = u.protocol === "https:" || u.protocol === "wss:" ? "wss:" : "ws:";
    this.url = u.toString();
    this._handlers = new Map();
    this._pending = new Map(); // invocationId -> { resolve, reject }
    this._nextId = 0;
    this._reconnecting = [];
    this._reconnected = [];
    this._ws = null;
    this._state = "disconnected"; // disconnected | connecting | connected | reconnecting
    this._stopped = true;
    this._everConnected = false;
    this._attempt = 0;
    this._timers = {};
    this._onOnline = () => { if (this._timers.retry) { this._clear("retry"); this._connect(); } };
  }

  get state() { return this._state; }
  on(target, fn) { const k = target.toLowerCase(); (this._handlers.get(k) || this._handlers.set(k, []).get(k)).push(fn); }
  onreconnecting(fn) { this._reconnecting.push(fn); }
  onreconnected(fn) { this._reconnected.push(fn); }

  // Resolves on the first successful handshake. Failed attempts are retried with the same backoff as a
  // drop, so a page opened while the server restarts simply waits instead of failing for good.
  start() {
    if (!this._stopped) return this._started;
    this._stopped = false;
    this._everConnected = false;
    this._attempt = 0;
    this._state = "connecting";
    this._started = new Promise((resolve) => { this._resolveStart = resolve; });
    window.addEventListener("online", this._onOnline); // retry at once when the network comes back
    this._connect();
    return this._started;
  }

  stop() {
    this._stopped = true;
    window.removeEventListener("online", this._onOnline);
    this._clear("retry");
    this._drop(new Error("Connection stopped."), false);
    this._state = "disconnected";
  }

  // Returns a promise settled by the Completion with the same invocationId.
  invoke(target, ...args) {
    if (this._state !== "connected") return Promise.reject(new Error("Not connected."));
    const invocationId = String(++this._nextId); // the protocol wants a string id
    return new Promise((resolve, reject) => {
      this._pending.set(invocationId, { resolve, reject });
      this._write({ type: 1, invocationId, target, arguments: args });
    });
  }

  // Fire-and-forget invocation: no invocationId, so the server sends no Completion.
  send(target, ...args) {
    if (this._state !== "connected") throw new Error("Not connected.");
    this._write({ type: 1, target, arguments: args });
  }

  _connect() {
    let ws;
    try { ws = new WebSocket(this.url); } catch (e) { this._drop(e, true); return; }
    this._ws = ws;
    this._buffer = "";
    this._handshakeDone = false;
    ws.onopen = () => {
      ws.send(JSON.stringify({ protocol: "json", version: 1 }) + SignalRLite.RS);
      this._timers.handshake = setTimeout(() => this._drop(new Error("Handshake timed out."), true), SignalRLite.HANDSHAKE_TIMEOUT_MS);
    };
    ws.onmessage = (e) => this._receive(typeof e.data === "string" ? e.data : new TextDecoder().decode(e.data));
    ws.onerror = () => {}; // always followed by onclose, which carries the decision
    ws.onclose = (e) => this._drop(new Error("Connection closed" + (e.code ? " (" + e.code + ")." : ".")), true);
    ws.binaryType = "arraybuffer";
  }

  _receive(data) {
    // A frame may hold several records, and (defensively) a record could span frames: buffer and split.
    this._buffer += data;
    const parts = this._buffer.split(SignalRLite.RS);
    this._buffer = parts.pop();
    this._resetServerTimeout();
    for (const part of parts) {
      if (this._ws === null) return; // dropped while handling an earlier record
      let msg;
      try { msg = JSON.parse(part); } catch { this._drop(new Error("Malformed message from server."), true); return; }
      if (!this._handshakeDone) this._handshake(msg); else this._dispatch(msg);
    }
  }

  _handshake(msg) {
    this._clear("handshake");
    if (msg.error) { this._drop(new Error("Handshake refused: " + msg.error), true); return; }
    this._handshakeDone = true;
    this._state = "connected";
    this._connectedAt = Date.now();
    this._timers.ping = setInterval(() => this._write({ type: 6 }), SignalRLite.PING_MS);
    if (this._resolveStart) { this._resolveStart(); this._resolveStart = null; }
    if (this._everConnected) this._emit(this._reconnected);
    this._everConnected = true;
  }

  _dispatch(msg) {
    switch (msg.type) {
      case 1: { // Invocation from the server
        const fns = this._handlers.get(String(msg.target).toLowerCase()) || [];
        for (const fn of fns) { try { fn(...(msg.arguments || [])); } catch (e) { console.error(e); } }
        // The server is waiting for a client result we never give; answer so it does not hang.
        if (msg.invocationId) this._write({ type: 3, invocationId: msg.invocationId, error: "Client didn't provide a result." });
        break;
      }
      case 3: { // Completion of one of our invocations
        const p = this._pending.get(msg.invocationId);
        if (!p) break;
        this._pending.delete(msg.invocationId);
        if (msg.error) p.reject(new Error(msg.error)); else p.resolve(msg.result);
        break;
      }
      case 6: break; // Ping: nothing to answer, receiving it already reset the timeout
      case 7: // Close. allowReconnect is advisory here: retrying every 10 s is harmless and a room page should heal itself.
        this._drop(new Error(msg.error ? "Server closed the connection: " + msg.error : "Server closed the connection."), true);
        break;
      default: break; // stream messages (2, 4, 5) are not used by this app
    }
  }

  // One place that tears a socket down: stops timers, rejects what can no longer complete, and schedules a retry.
  _drop(error, retry) {
    const ws = this._ws;
    this._ws = null;
    for (const k of ["handshake", "ping", "timeout"]) this._clear(k);
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try { ws.close(); } catch { /* already closed */ }
    }
    const pending = [...this._pending.values()];
    this._pending.clear();
    for (const p of pending) p.reject(error);
    if (!retry || this._stopped || this._timers.retry) return;
    // A connection that lived a while earns a fresh, fast backoff; one that dies at once keeps backing off.
    if (this._connectedAt && Date.now() - this._connectedAt > 10000) this._attempt = 0;
    this._connectedAt = 0;
    const wasConnected = this._state === "connected";
    if (this._state !== "reconnecting" && (wasConnected || this._attempt === 0)) {
      this._state = "reconnecting";
      this._emit(this._reconnecting, error);
    }
    const d = SignalRLite.DELAYS;
    const delay = d[Math.min(this._attempt++, d.length - 1)];
    this._timers.retry = setTimeout(() => { this._timers.retry = null; this._connect(); }, delay);
  }

  _write(obj) {
    if (this._ws && this._ws.readyState === WebSocket.OPEN) this._ws.send(JSON.stringify(obj) + SignalRLite.RS);
  }

  _resetServerTimeout() {
    if (!this._ws) return;
    this._clear("timeout");
    this._timers.timeout = setTimeout(() => this._drop(new Error("Server timed out."), true), SignalRLite.SERVER_TIMEOUT_MS);
  }

  _clear(k) {
    if (!this._timers[k]) return;
    clearTimeout(this._timers[k]); clearInterval(this._timers[k]);
    this._timers[k] = null;
  }

  _emit(fns, arg) { for (const fn of fns) { try { fn(arg); } catch (e) { console.error(e); } } }
}
