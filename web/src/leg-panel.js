// Opening and closing the leg picture: the "Show me where" button next to the message box
// toggles it; Close or Escape hides it and gives the focus back to that button.

export function createLegPanel(panel, toggle, closeButton) {
  function open() {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    // The heading takes the focus: a screen reader says what opened, Tab goes on to the parts.
    const title = panel.querySelector("h2");
    if (title) {
      title.tabIndex = -1;
      title.focus({ preventScroll: true });
    }
    panel.scrollIntoView({ block: "nearest" });
  }

  function close({ returnFocus = true } = {}) {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    if (returnFocus) toggle.focus();
  }

  toggle.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", () => close());
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });

  return { open, close, isOpen: () => !panel.hidden };
}
