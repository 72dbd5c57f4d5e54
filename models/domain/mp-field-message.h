/* mp-field-message.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* How a field appears in an error message: its path ("schemes[2].months"),
 * its value ("13", "“MAR”") and the "path: message" form every message of the
 * field rules, the validator and the JSON reader takes. */

#include <glib.h>

G_BEGIN_DECLS

/* Appends ".key" (or "key" at the start) and "[i]" to @path; each returns the
 * length to give mp_field_path_pop() to take the part off again. */
gsize     mp_field_path_push_key   (GString     *path,
                                    const char  *key);
gsize     mp_field_path_push_index (GString     *path,
                                    guint        index);
void      mp_field_path_pop        (GString     *path,
                                    gsize        mark);
void      mp_field_path_append_key (GString     *path,
                                    const char  *key,
                                    gssize       len);

char     *mp_field_format_number   (double       value);
char     *mp_field_quote_text      (const char  *text);

/* Sets @error to "@path: <message>" ("top level" when @path is empty) and
 * returns FALSE. */
gboolean  mp_field_fail            (GError     **error,
                                    GQuark       domain,
                                    int          code,
                                    const char  *path,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (5, 6);
gboolean  mp_field_fail_valist     (GError     **error,
                                    GQuark       domain,
                                    int          code,
                                    const char  *path,
                                    const char  *format,
                                    va_list      args) G_GNUC_PRINTF (5, 0);

G_END_DECLS
