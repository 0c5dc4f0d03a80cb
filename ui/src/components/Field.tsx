// A labelled form control with its error (client check or the core's field error) beneath.

import type { ReactNode } from "react";
import { errorId, fieldId } from "./fieldProps";

interface Props {
  name: string;
  label: string;
  error?: string | null;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
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
