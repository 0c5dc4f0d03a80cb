// A small label next to a row or a heading ("overdue", "sample").

interface Props {
  kind: "overdue" | "sample" | "neutral";
  children: string;
  title?: string;
}

export function Badge({ kind, children, title }: Props) {
  return (
    <span className={`badge badge-${kind}`} title={title} data-testid={`badge-${kind}`}>
      {children}
    </span>
  );
}
