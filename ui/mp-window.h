/* mp-window.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_WINDOW (mp_window_get_type ())

G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, AdwApplicationWindow)

MpWindow   *mp_window_new                   (GtkApplication      *application);
gboolean    mp_window_has_document          (MpWindow            *self);
const char *mp_window_get_visible_page_name (MpWindow            *self);
MpSession  *mp_window_get_session           (MpWindow            *self);

/* Shows one page of the package: "overview", "offer", "partner",
 * "safeguards", "uncertainty" or "compare". */
void        mp_window_show_page             (MpWindow            *self,
                                             const char          *name);
GtkWidget  *mp_window_get_page              (MpWindow            *self,
                                             const char          *name);

/* Opens @file in this window; failures are shown in a dialog.  Returns
 * whether a document is open afterwards. */
gboolean    mp_window_open_file             (MpWindow            *self,
                                             GFile               *file);
/* Creates a document at @path (the demo packages when @demo is set). */
gboolean    mp_window_create_document       (MpWindow            *self,
                                             const char          *path,
                                             gboolean             demo);

/* Save As: copies the document to @file and continues on the copy. */
gboolean    mp_window_save_as               (MpWindow            *self,
                                             GFile               *file);
/* Imports the packages of a JSON file (one undoable step). */
gboolean    mp_window_import_json           (MpWindow            *self,
                                             GFile               *file);
/* Reads an indicator CSV and asks, in a dialog, before applying it. */
gboolean    mp_window_import_indicators     (MpWindow            *self,
                                             GFile               *file);

/* Writes the brief of the selected package (Monte Carlo included) in a
 * worker thread, with progress shown in the window. */
void        mp_window_export_brief_async    (MpWindow            *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* Writes the comparison of the packages with the given ids. */
void        mp_window_export_comparison_async (MpWindow          *self,
                                             const gint64        *ids,
                                             guint                n_ids,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    mp_window_export_finish         (MpWindow            *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Reports the time from @start_time (g_get_monotonic_time() in main()) to
 * the first painted frame on stdout. */
void        mp_window_report_startup        (MpWindow            *self,
                                             gint64               start_time);

G_END_DECLS
