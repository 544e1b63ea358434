/**
 * Enter in a one-line field submits a form only when the form has a submit button (HTML's
 * implicit submission); a dialog's OK button sits outside the form. Placed inside every
 * dialog's form, this makes Enter save in each of them as it does in the others.
 */
export function SubmitOnEnter() {
  return <button type="submit" hidden aria-hidden tabIndex={-1} />;
}
