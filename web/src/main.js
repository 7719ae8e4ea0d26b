// The web chat page: wires the socket.io connection, the stored conversation, the transcript,
// the message box and the leg picture together.

import { createComposer } from "./composer.js";
import { createConnection } from "./connection.js";
import { locationPayload } from "./body-regions.js";
import { createLegPanel } from "./leg-panel.js";
import { createLegPicture } from "./leg-picture.js";
import { safeHttpUrl } from "./links.js";
import {
  emptyConversation, forgetConversation, loadConversation, saveConversation,
} from "./storage.js";
import { createTranscript } from "./transcript.js";
import { isLevel } from "./urgency.js";

const TYPING_TIMEOUT_MS = 60000;
const STATUS_TEXT = {
  connecting: "Connecting to the assistant…",
  connected: "",
  offline: "Connection lost. Trying again… Your messages will be sent when it is back.",
};

const $ = (id) => document.getElementById(id);

function start() {
  const input = $("message");
  const typing = $("typing");
  const status = $("status");
  let conversation = loadConversation();
  let typingTimer = null;

  function save() {
    saveConversation(conversation);
  }

  function showTyping(on) {
    typing.hidden = !on;
    window.clearTimeout(typingTimer);
    if (on) typingTimer = window.setTimeout(() => { typing.hidden = true; }, TYPING_TIMEOUT_MS);
  }

  function record(entry) {
    conversation.entries.push(entry);
    transcript.add(entry);
    save();
  }

  /** The person's message: shown as `text`, sent as `message` (a payload for buttons). */
  function sendAsUser(text, message = text) {
    transcript.retireQuickReplies();
    for (const entry of conversation.entries) delete entry.quickReplies;
    conversation.card = null; // advice cards end where the person speaks
    record({ type: "user", text });
    connection.send(message);
    showTyping(true);
  }

  /** One `bot_uttered` event: a marker (urgency, conversation deleted), a text (with quick
   * replies), an attachment. */
  function receive(message) {
    if (message.conversation === "deleted") {
      // Deleted on the server: the copy kept for a reload goes too. What is on the screen
      // stays until the page is left; the same session goes on, afresh.
      const { sessionId } = conversation;
      forgetConversation();
      conversation = { ...emptyConversation(), sessionId, greeted: true };
      save();
      return;
    }
    if (typeof message.urgency === "string") {
      if (!isLevel(message.urgency)) return;
      const id = conversation.nextCard++;
      conversation.card = id;
      record({ type: "card", id, level: message.urgency });
      return;
    }
    const entry = { type: "bot", card: conversation.card };
    if (typeof message.text === "string" && message.text.trim()) entry.text = message.text;
    if (Array.isArray(message.quick_replies)) {
      const replies = message.quick_replies
        .filter((r) => r && typeof r.title === "string" && typeof r.payload === "string")
        .map(({ title, payload }) => ({ title, payload }));
      if (replies.length) entry.quickReplies = replies;
    }
    const attachment = message.attachment;
    if (attachment && typeof attachment === "object") {
      const payload = attachment.payload || {};
      const href = safeHttpUrl(payload.src || payload.url || "");
      if (href) entry.link = { href, label: payload.title || href };
    }
    if (!entry.text && !entry.quickReplies && !entry.link) return;
    showTyping(false);
    record(entry);
  }

  const transcript = createTranscript($("transcript"), {
    onQuickReply(reply) {
      sendAsUser(reply.title, reply.payload);
      composer.focus();
    },
  });

  const connection = createConnection({
    getSessionId: () => conversation.sessionId,
    onSessionConfirmed(id) {
      if (conversation.sessionId !== id) {
        conversation.sessionId = id;
        save();
      }
      if (!conversation.greeted) {
        conversation.greeted = true;
        save();
        connection.send("/greet", { first: true });
        showTyping(true);
      }
    },
    onBotMessage: receive,
    onStatus(state) {
      status.textContent = STATUS_TEXT[state] || "";
      status.dataset.state = state;
    },
  });

  const composer = createComposer($("composer"), input, $("limit-note"), {
    onSend: (text) => sendAsUser(text),
  });

  const legPanel = createLegPanel($("leg-panel"), $("show-where"), $("leg-panel-close"));
  createLegPicture($("leg-picture"), $("leg-hint"), {
    onChoose({ id, name }) {
      legPanel.close({ returnFocus: false });
      sendAsUser(name, locationPayload(id));
      composer.focus();
    },
  });

  $("new-conversation").addEventListener("click", () => {
    forgetConversation();
    conversation = emptyConversation();
    transcript.clear();
    showTyping(false);
    legPanel.close({ returnFocus: false });
    connection.restart();
    composer.focus();
  });

  transcript.restore(conversation.entries);
  connection.start();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
