// Text to DOM nodes: web addresses become links, everything else stays text. Nothing in a
// message is ever parsed as HTML.

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/** A link that opens in a new tab without giving that tab a handle on this page. */
export function createLink(href, label = href) {
  const link = document.createElement("a");
  link.href = href;
  link.textContent = label;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  return link;
}

/** Only http(s) addresses become links (never javascript:, data:, ...). */
export function safeHttpUrl(candidate) {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Append `text` to `parent` as text nodes, with its web addresses as links. */
export function appendTextWithLinks(parent, text) {
  let position = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const candidate = match[0].replace(TRAILING_PUNCTUATION, "");
    const href = safeHttpUrl(candidate);
    if (!href) continue;
    if (match.index > position) parent.append(text.slice(position, match.index));
    parent.append(createLink(href, candidate));
    position = match.index + candidate.length;
  }
  if (position < text.length) parent.append(text.slice(position));
}
