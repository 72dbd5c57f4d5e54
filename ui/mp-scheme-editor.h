/* mp-scheme-editor.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_SCHEME_EDITOR (mp_scheme_editor_get_type ())

G_DECLARE_FINAL_TYPE (MpSchemeEditor, mp_scheme_editor, MP, SCHEME_EDITOR, GtkWidget)

/* The editor of one scheme of the selected package, on the Offer page: its
 * fields, and its safeguard findings above them and under the fields they
 * concern.  It reads the session of its page and commits through it. */
void mp_scheme_editor_update       (MpSchemeEditor *self,
                                    guint           index);
void mp_scheme_editor_set_editable (MpSchemeEditor *self,
                                    gboolean        editable);
void mp_scheme_editor_focus_name   (MpSchemeEditor *self);

G_END_DECLS
