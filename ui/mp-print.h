/* mp-print.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-session.h"

G_BEGIN_DECLS

/* Prints the brief of the session's selected package: a cover with the
 * headline figures, findings and required monitoring, then the charts and
 * tables, drawn with cairo by the same functions as on screen.  With
 * GTK_PRINT_OPERATION_ACTION_EXPORT the pages go to the PDF @export_path
 * without a dialog; otherwise the print dialog (with its preview) opens and
 * the operation runs asynchronously. */
gboolean mp_print_run (GtkWindow               *parent,
                       MpSession               *session,
                       GtkPrintOperationAction  action,
                       const char              *export_path,
                       GError                 **error);

G_END_DECLS
