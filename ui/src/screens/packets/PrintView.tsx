// The print view: the packet's pages as the PDF has them (SVG from the same layout), shown
// full-width over the screen; "Print" opens the system print dialog, which prints only these
// pages (packets.css hides the rest of the app in print).

import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { PrintPage } from "../../platform/packets";

interface Props {
  pages: PrintPage[];
  title: string;
  onPrint: () => void;
  onClose: () => void;
}

export function PrintView({ pages, title, onPrint, onClose }: Props) {
  const { t } = useTranslation();
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => printButton.current?.focus(), []);
  return (
    <div className="print-view" data-testid="packet-print-view" data-pages={pages.length} role="dialog" aria-modal="true" aria-label={title}>
      <div className="print-toolbar">
        <strong className="print-title">{title}</strong>
        <span className="muted">{t("packets.pages", { count: pages.length })}</span>
        <button ref={printButton} type="button" className="btn btn-primary" data-testid="packet-print-go" onClick={onPrint}>
          {t("packets.printNow")}
        </button>
        <button type="button" className="btn" data-testid="packet-print-close" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
      <div className="print-pages">
        {pages.map((p, n) => (
          <img
            key={n}
            className="print-page"
            data-testid="packet-print-page"
            alt={t("packets.pageAlt", { n: n + 1, count: pages.length })}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(p.svg)}`}
            width={Math.round((p.width_pt * 96) / 72)}
            height={Math.round((p.height_pt * 96) / 72)}
          />
        ))}
      </div>
    </div>
  );
}
