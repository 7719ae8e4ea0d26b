// The socket.io connection to Rasa's socketio channel on the page's own origin
// (credentials.yml: user_uttered / bot_uttered, session_persistence: true).
//
//   connect -> emit "session_request" {session_id: stored id or null}
//           <- "session_confirm" "<session id>"
//   send    -> emit "user_uttered" {message, session_id}
//           <- "bot_uttered" {text, quick_replies?} | {attachment} | {urgency}
//
// Messages sent before the session is confirmed (or while reconnecting) wait in a queue.

import { io } from "socket.io-client";

export function createConnection({ getSessionId, onSessionConfirmed, onBotMessage, onStatus }) {
  const socket = io(window.location.origin, {
    path: "/socket.io",
    autoConnect: false,
    reconnectionDelayMax: 10000,
  });
  const queue = [];
  let confirmedId = null;

  function flush() {
    while (confirmedId && socket.connected && queue.length) {
      socket.emit("user_uttered", { message: queue.shift(), session_id: confirmedId });
    }
  }

  socket.on("connect", () => {
    confirmedId = null;
    onStatus("connecting");
    socket.emit("session_request", { session_id: getSessionId() });
  });

  socket.on("session_confirm", (data) => {
    const id = typeof data === "string" ? data : data && data.session_id;
    if (!id) return;
    confirmedId = String(id);
    onStatus("connected");
    onSessionConfirmed(confirmedId);
    flush();
  });

  socket.on("bot_uttered", (message) => {
    if (message && typeof message === "object") onBotMessage(message);
  });

  socket.on("disconnect", (reason) => {
    confirmedId = null;
    onStatus(reason === "io client disconnect" ? "connecting" : "offline");
  });

  socket.on("connect_error", () => onStatus("offline"));

  return {
    start() {
      onStatus("connecting");
      socket.connect();
    },
    /** Send a text or a "/intent{...}" payload as the person's message; `first` puts it
     * before anything still waiting (the greeting of a new session). */
    send(message, { first = false } = {}) {
      if (first) queue.unshift(message);
      else queue.push(message);
      flush();
    },
    /** Drop the current session and ask the server for a new one. */
    restart() {
      queue.length = 0;
      confirmedId = null;
      socket.disconnect();
      socket.connect();
    },
  };
}
