import type { UserView } from '../../core/security/users.js';
import type { Ui } from '../../cli/ui.js';

export function renderUser(ui: Ui, user: UserView): void {
  ui.heading(`${user.name} (${user.username})`);
  ui.keyValues([
    ['Id', user.id],
    ['E-mail', user.email],
    ['Profile', user.profile],
    ['Role', user.role ?? '(none)'],
    ['Manager', user.manager ?? '(none)'],
    ['Active', user.isActive],
    ['Must change password', user.mustChangePassword],
    ['Last login', user.lastLogin ?? '(never)'],
  ]);
}

/** The one-time temporary password, or where its e-mail went. */
export function renderCredentials(ui: Ui, result: { user: UserView; temporaryPassword?: string; notification?: { file: string } }): void {
  if (result.temporaryPassword !== undefined) {
    ui.keyValues([['Temporary password', result.temporaryPassword]]);
    ui.line(ui.c.dim('Shown once and never stored in clear; it must be changed at first login (crmctl login).'));
  } else if (result.notification) {
    ui.line(`Welcome e-mail with the temporary password written to ${result.notification.file}`);
  }
}
