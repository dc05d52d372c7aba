/**
 * An error said where it happened (under a form, a row, a section), announced to assistive tech;
 * nothing when there is none. Styled by `.alert` in pane.css.
 */
export function InlineError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="alert">
      {message}
    </p>
  ) : null;
}
