// Ids and attributes that tie a form control to its label, its error and its test hook.

/** Id of the control for `name`; the control itself must use it. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

export function errorId(name: string): string {
  return `error-${name}`;
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
