// The clickable leg picture, for people who cannot name the spot: front and back views,
// each part a keyboard-operable button (Tab to it, Enter or Space) that reports its id.

import { VIEW_BOX, VIEWS } from "./body-regions.js";
import { svgElement } from "./svg.js";

export function createLegPicture(container, hint, { onChoose }) {
  const defaultHint = hint.textContent;

  function region(view, { id, name, shape: [tag, attributes] }) {
    const shape = svgElement(tag, {
      ...attributes,
      class: "region",
      tabindex: "0",
      role: "button",
      "aria-label": name,
      "data-location": id,
      "data-view": view.id,
    });
    const title = svgElement("title");
    title.textContent = name;
    shape.append(title);
    const choose = () => onChoose({ id, name });
    shape.addEventListener("click", choose);
    shape.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        choose();
      }
    });
    const show = () => { hint.textContent = name; };
    const unshow = () => { hint.textContent = defaultHint; };
    shape.addEventListener("pointerenter", show);
    shape.addEventListener("focus", show);
    shape.addEventListener("pointerleave", unshow);
    shape.addEventListener("blur", unshow);
    return shape;
  }

  function sideLabel(text, x) {
    const label = svgElement("text", {
      x: String(x), y: "142", class: "leg-side", "text-anchor": "middle", "aria-hidden": "true",
    });
    label.textContent = text;
    return label;
  }

  for (const view of VIEWS) {
    const figure = document.createElement("figure");
    figure.className = `leg-view leg-view--${view.id}`;
    const captionId = `leg-view-${view.id}`;
    const svg = svgElement("svg", {
      viewBox: VIEW_BOX, class: "leg-svg", role: "group", "aria-labelledby": captionId,
    });
    svg.append(
      svgElement("path", { d: view.outline, class: "leg-outline", "aria-hidden": "true" }),
      sideLabel(view.sides.left, 20),
      sideLabel(view.sides.right, 140),
      ...view.regions.map((r) => region(view, r)),
    );
    const caption = document.createElement("figcaption");
    caption.id = captionId;
    caption.textContent = view.caption;
    figure.append(svg, caption);
    container.append(figure);
  }
}
