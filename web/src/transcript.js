// Rendering the conversation. Every message is built with DOM nodes and textContent: a
// message's text is never parsed as HTML, whoever wrote it.
//
// Entries (stored as data by storage.js):
//   {type: "user", text}
//   {type: "card", id, level}                    start of an urgency card (urgency.js)
//   {type: "bot", text, quickReplies, link, card}  card: the id of the card it belongs to

import { appendTextWithLinks, createLink } from "./links.js";
import { createUrgencyCard, isLevel } from "./urgency.js";

function speakerLabel(text) {
  const label = document.createElement("span");
  label.className = "visually-hidden";
  label.textContent = text;
  return label;
}

export function createTranscript(root, { onQuickReply }) {
  const cards = new Map(); // card id -> element the card's messages go into

  function quickReplies(replies) {
    const group = document.createElement("div");
    group.className = "quick-replies";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested answers");
    for (const reply of replies) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "quick-reply";
      button.textContent = reply.title;
      button.addEventListener("click", () => {
        if (button.disabled) return;
        for (const other of group.querySelectorAll("button")) other.disabled = true;
        onQuickReply(reply);
      });
      group.append(button);
    }
    return group;
  }

  function userMessage(entry) {
    const item = document.createElement("div");
    item.className = "msg msg--user";
    const bubble = document.createElement("p");
    bubble.className = "bubble";
    bubble.textContent = entry.text;
    item.append(speakerLabel("You:"), bubble);
    return item;
  }

  function botMessage(entry) {
    const item = document.createElement("div");
    item.className = "msg msg--bot";
    item.append(speakerLabel("Assistant:"));
    if (entry.text) {
      const bubble = document.createElement("p");
      bubble.className = "bubble";
      appendTextWithLinks(bubble, entry.text);
      item.append(bubble);
    }
    if (entry.link) {
      const bubble = document.createElement("p");
      bubble.className = "bubble";
      bubble.append(createLink(entry.link.href, entry.link.label || entry.link.href));
      item.append(bubble);
    }
    if (entry.quickReplies && entry.quickReplies.length) {
      item.append(quickReplies(entry.quickReplies));
    }
    return item;
  }

  function render(entry) {
    if (entry.type === "user") {
      root.append(userMessage(entry));
    } else if (entry.type === "card" && isLevel(entry.level)) {
      const { card, body } = createUrgencyCard(entry.level, entry.id);
      cards.set(entry.id, body);
      root.append(card);
    } else if (entry.type === "bot") {
      const container = (entry.card != null && cards.get(entry.card)) || root;
      const item = botMessage(entry);
      if (container !== root) item.classList.add("msg--in-card");
      container.append(item);
    }
  }

  return {
    add(entry) {
      render(entry);
      root.scrollTop = root.scrollHeight;
    },
    /** Rebuild the transcript from stored entries (after a reload). */
    restore(entries) {
      root.replaceChildren();
      cards.clear();
      for (const entry of entries) render(entry);
      root.scrollTop = root.scrollHeight;
    },
    clear() {
      root.replaceChildren();
      cards.clear();
    },
    /** Quick replies answer the latest question only: remove them once the person answers. */
    retireQuickReplies() {
      for (const group of root.querySelectorAll(".quick-replies")) group.remove();
    },
  };
}
