// A labelled form control with its error (client check or the core's field error) beneath.

import type { ReactNode } from "react";

interface Props {
  name: string;
  label: string;
  error?: string | null;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
}

/** Id of the control for `name`; the control itself must use it. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

export function errorId(name: string): string {
  return `error-${name}`;
}

export function Field({ name, label, error, hint, wide, children }: Props) {
  return (
    <div className={`field${wide ? " field-wide" : ""}${error ? " field-invalid" : ""}`}>
      <label className="field-label" htmlFor={fieldId(name)}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="field-error" id={errorId(name)} data-testid={errorId(name)} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint">{hint}</p>
      ) : null}
    </div>
  );
}

/** Props that tie a control to its label, error and test hook. */
export function controlProps(name: string, error?: string | null) {
  return {
    id: fieldId(name),
    name,
    "data-testid": fieldId(name),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId(name) : undefined,
  } as const;
}
