// The detail pane: loads the selected project (or starts a new one) and hands it to the editor.

import { useEffect, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { useDelayed } from "../../hooks/useDelayed";
import { api, ApiFailure, type ProjectDetail } from "../../platform/api";
import { EditorBody, type EditorHandle } from "./EditorBody";

export type Selection = { kind: "none" } | { kind: "new" } | { kind: "existing"; id: string; initial?: ProjectDetail };

interface Props {
  selection: Exclude<Selection, { kind: "none" }>;
  handle: RefObject<EditorHandle | null>;
  onSaved: (detail: ProjectDetail, created: boolean) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
  onStageChanged: (detail: ProjectDetail) => void;
}

export function ProjectEditor({ selection, handle, ...events }: Props) {
  const { t } = useTranslation();
  const id = selection.kind === "existing" ? selection.id : null;
  const initial = selection.kind === "existing" ? selection.initial : undefined;
  const [loaded, setLoaded] = useState<{ id: string; detail: ProjectDetail } | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  useEffect(() => {
    if (!id || initial) return;
    let live = true;
    api
      .getProject(id)
      .then((detail) => live && setLoaded({ id, detail }))
      .catch((e: unknown) => live && setFailure(ApiFailure.from(e)));
    return () => {
      live = false;
    };
  }, [id, initial]);

  const detail = initial ?? (loaded && loaded.id === id ? loaded.detail : null);
  const waiting = id !== null && !detail && !failure;
  const slow = useDelayed(waiting, 200);

  if (failure) {
    return (
      <div className="editor-message" role="alert">
        <p>{failure.kind === "not_found" ? t("editor.notFound") : t("editor.loadFailed", { reason: failure.message })}</p>
      </div>
    );
  }
  if (waiting) {
    return <div className="editor-message" aria-busy="true">{slow && <p className="muted">{t("common.loading")}</p>}</div>;
  }
  return <EditorBody key={id ?? "new"} detail={detail} handle={handle} {...events} />;
}
