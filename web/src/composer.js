// The message box: Enter (or the Send button) sends; messages are cut to MAX_LENGTH
// characters (the input's maxlength does this for typing and pasting; this is the backstop).

export const MAX_LENGTH = 1000;

export function createComposer(form, input, limitNote, { onSend }) {
  input.maxLength = MAX_LENGTH;

  function updateLimitNote() {
    limitNote.hidden = input.value.length < MAX_LENGTH;
  }

  input.addEventListener("input", updateLimitNote);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim().slice(0, MAX_LENGTH);
    if (!text) {
      input.focus();
      return;
    }
    input.value = "";
    updateLimitNote();
    onSend(text);
    input.focus();
  });

  return {
    focus() {
      input.focus();
    },
  };
}
