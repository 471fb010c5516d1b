import * as vscode from 'vscode';

export const EXPLAIN_COMMAND = 'skew.explainUnavailableFix';

/**
 * VS Code lists a disabled code action only when a kind was asked for (a refactor menu, a keybinding), never in
 * the Quick Fix menu, so "why no widening helps" would never be seen there. In that menu each one becomes an
 * entry that says the fix is not possible and, chosen, shows why.
 */
export function explainDisabled(
  actions: (vscode.Command | vscode.CodeAction)[] | null | undefined,
  context: vscode.CodeActionContext,
): (vscode.Command | vscode.CodeAction)[] | null | undefined {
  if (!actions || context.only) return actions;
  return actions.map((a) => {
    if (!(a instanceof vscode.CodeAction) || !a.disabled) return a;
    const shown = new vscode.CodeAction(`${a.title}: not possible here (why?)`, a.kind);
    shown.diagnostics = a.diagnostics;
    shown.command = { title: 'Why', command: EXPLAIN_COMMAND, arguments: [a.title, a.disabled.reason] };
    return shown;
  });
}

export function explainUnavailableFix(title: unknown, reason: unknown): void {
  if (typeof title !== 'string' || typeof reason !== 'string') return;
  void vscode.window.showInformationMessage(`${title}: ${reason}`, { modal: false });
}
