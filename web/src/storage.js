// The conversation kept in sessionStorage: a reload keeps it, closing the tab forgets it
// (these are health conversations). Only data is stored (texts, quick replies, urgency
// levels), never HTML: the transcript is rebuilt from it on reload, because Rasa does not
// replay the history over socket.io.

const KEY = "kneeTriage.conversation.v1";

export function emptyConversation() {
  return {
    sessionId: null, // Rasa's sender id, confirmed by the server ("session_confirm")
    greeted: false, // "/greet" sent for this session
    entries: [], // what the transcript shows, in order (see transcript.js)
    card: null, // id of the urgency card the next bot messages belong to, if any
    nextCard: 1,
  };
}

export function loadConversation() {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return emptyConversation();
    const data = JSON.parse(raw);
    if (!data || typeof data !== "object" || !Array.isArray(data.entries)) {
      return emptyConversation();
    }
    return { ...emptyConversation(), ...data };
  } catch {
    return emptyConversation(); // storage disabled or corrupt: start afresh
  }
}

export function saveConversation(conversation) {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(conversation));
  } catch {
    // Storage full or disabled: the conversation still works, it just won't survive a reload.
  }
}

export function forgetConversation() {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
