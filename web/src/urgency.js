// How advice at each urgency level looks. The bot sends {urgency: level} before the messages
// it introduces (actions/web_chat.py); those messages are shown together in one card.
// An emergency stands out by colour, an icon, a heading and the emergency numbers.

import { svgElement } from "./svg.js";

export const LEVELS = {
  emergency: { heading: "Emergency: get help now", className: "card--emergency" },
  urgent: { heading: "Urgent: get seen today", className: "card--urgent" },
  soon: { heading: "Soon: book an appointment", className: "card--soon" },
  self_care: { heading: "Home care for now", className: "card--self-care" },
};

export const EMERGENCY_NUMBERS = [
  { number: "999", where: "UK" },
  { number: "911", where: "US" },
  { number: "112", where: "Europe" },
];

export function isLevel(level) {
  return Object.prototype.hasOwnProperty.call(LEVELS, level);
}

function warningIcon() {
  const icon = svgElement("svg", {
    viewBox: "0 0 24 24", width: "28", height: "28", class: "card__icon", "aria-hidden": "true",
    focusable: "false",
  });
  icon.append(
    svgElement("path", { d: "M12 2.5 1.5 21h21L12 2.5Z", class: "card__icon-shape" }),
    svgElement("path", { d: "M12 9v6", class: "card__icon-mark" }),
    svgElement("circle", { cx: "12", cy: "18", r: "1.3", class: "card__icon-dot" }),
  );
  return icon;
}

// A round icon per level: "!" urgent, "i" soon, a tick for home care.
const LEVEL_MARKS = {
  urgent: [["path", { d: "M12 7v6" }], ["circle", { cx: "12", cy: "16.8", r: "1.2" }]],
  soon: [["path", { d: "M12 11v6" }], ["circle", { cx: "12", cy: "7.4", r: "1.2" }]],
  self_care: [["path", { d: "M7.5 12.5l3 3 6-6.5" }]],
};

function levelIcon(level) {
  const icon = svgElement("svg", {
    viewBox: "0 0 24 24", width: "22", height: "22", class: "card__icon", "aria-hidden": "true",
    focusable: "false",
  });
  icon.append(svgElement("circle", { cx: "12", cy: "12", r: "10", class: "card__icon-shape" }));
  for (const [tag, attributes] of LEVEL_MARKS[level] || []) {
    const className = tag === "path" ? "card__icon-mark" : "card__icon-dot";
    icon.append(svgElement(tag, { ...attributes, class: className }));
  }
  return icon;
}

function emergencyNumbers() {
  const list = document.createElement("ul");
  list.className = "emergency-numbers";
  list.setAttribute("aria-label", "Emergency numbers");
  for (const { number, where } of EMERGENCY_NUMBERS) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `tel:${number}`;
    link.className = "emergency-numbers__call";
    link.textContent = `Call ${number}`;
    item.append(link, ` ${where}`);
    list.append(item);
  }
  return list;
}

/** The card for advice at `level`; returns the card and the element its messages go into. */
export function createUrgencyCard(level, id) {
  const { heading, className } = LEVELS[level];
  const card = document.createElement("section");
  card.className = `card ${className}`;
  const titleId = `card-${id}-title`;
  card.setAttribute("aria-labelledby", titleId);
  if (level === "emergency") card.setAttribute("role", "alert");

  const head = document.createElement("div");
  head.className = "card__head";
  const title = document.createElement("h2");
  title.className = "card__title";
  title.id = titleId;
  title.textContent = heading;
  head.append(level === "emergency" ? warningIcon() : levelIcon(level), title);
  card.append(head);
  if (level === "emergency") card.append(emergencyNumbers());

  const body = document.createElement("div");
  body.className = "card__body";
  card.append(body);
  return { card, body };
}
