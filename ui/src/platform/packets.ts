// The typed client of the Packets screen's commands, the native save dialog for a packet, and
// the webview's print dialog. Making a packet reports progress through a Tauri `Channel`,
// turned here into a plain callback.

import { Channel, invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import { commands } from "../bindings";
import type { Assembled, PacketKind, PacketProgress, PacketRequest, PreflightItem, PrintPage, SavedPacket } from "../bindings";
import { unwrap } from "./api";

export type OnProgress = (progress: PacketProgress) => void;

function channel(onProgress: OnProgress): Channel<PacketProgress> {
  const c = new Channel<PacketProgress>();
  c.onmessage = onProgress;
  return c;
}

export const packetsApi = {
  kinds: (id: string): Promise<PacketKind[]> => unwrap(commands.packetKinds(id)),
  preflight: (request: PacketRequest): Promise<Assembled> => unwrap(commands.packetPreflight(request)),
  save: (request: PacketRequest, path: string, onProgress: OnProgress): Promise<SavedPacket> =>
    unwrap(commands.savePacket(request, path, channel(onProgress))),
  pages: (request: PacketRequest, onProgress: OnProgress): Promise<PrintPage[]> =>
    unwrap(commands.packetPages(request, channel(onProgress))),
};

export type PacketsApi = typeof packetsApi;

/** Asks where to write the packet's PDF, proposing `defaultName`; `null` when cancelled. */
export async function choosePacketDestination(defaultName: string, title: string): Promise<string | null> {
  const path = await save({ title, defaultPath: defaultName, filters: [{ name: "PDF", extensions: ["pdf"] }] });
  return path ?? null;
}

/** The page rule of the packet being printed (one at a time). */
let pageRule: CSSStyleSheet | null = null;

/**
 * Opens the system's print dialog (the GTK print dialog in WebKitGTK) for what the window shows
 * — the print view's pages — with their paper size and no margins. The page rule is set through
 * the CSS object model (the CSP allows no inline style). The dialog is opened through Tauri's
 * webview print command (WebKit's print operation) rather than `window.print()`, which opens
 * nothing in WebKitGTK under WebDriver.
 */
export async function printPages(landscape: boolean): Promise<void> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@page { size: A4 ${landscape ? "landscape" : "portrait"}; margin: 0 }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => s !== pageRule), sheet];
  pageRule = sheet;
  await invoke("plugin:webview|print");
}

export type { Assembled, PacketKind, PacketProgress, PacketRequest, PreflightItem, PrintPage, SavedPacket };
