import * as vscode from 'vscode';
import { checkSettings, flattenSettings, toConfig, type CrosscheckConfig, type SettingsSchema } from './settings';

export type { CrosscheckConfig } from './settings';

/** package.json's `contributes.configuration.properties`, the one place settings and their defaults are declared. */
export function settingsSchema(context: vscode.ExtensionContext): SettingsSchema {
  const c = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: SettingsSchema } } }).contributes?.configuration;
  return c?.properties ?? {};
}

/**
 * Reads the settings once, checked against the schema: wrong values fall back to their defaults and come back as
 * `problems`, one sentence each (the window's values and each folder's, without repeats).
 */
export function readConfig(schema: SettingsSchema): { config: CrosscheckConfig; problems: string[] } {
  const read = (scope?: vscode.Uri): ReturnType<typeof checkSettings> =>
    checkSettings(flattenSettings('crosscheck', vscode.workspace.getConfiguration(undefined, scope).get('crosscheck') ?? {}, schema), schema);
  const window = read();
  const problems = new Set(window.problems);
  for (const f of vscode.workspace.workspaceFolders ?? []) for (const p of read(f.uri).problems) problems.add(p);
  return { config: toConfig(window.values), problems: [...problems] };
}
