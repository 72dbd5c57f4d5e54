/* mp-i18n.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Translation for models/.  Normally a thin wrapper over gettext; a thread can
 * also ask for another language than the process's, so that a brief written in
 * a worker thread speaks its own language throughout (finding messages,
 * assumption labels) while the window keeps the user's language.
 *
 * Inside models/ (MP_MODELS_COMPILATION), include this after <glib/gi18n-lib.h>:
 * it replaces its _() and C_() macros. */

#include <glib.h>

G_BEGIN_DECLS

void         mp_i18n_set_thread_language (const char *language);
const char  *mp_i18n_get_thread_language (void);
const char  *mp_gettext                  (const char *msgid) G_GNUC_FORMAT (1);
const char  *mp_ngettext                 (const char *msgid,
                                          const char *msgid_plural,
                                          gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);
const char  *mp_pgettext                 (const char *msgctxtid,
                                          gsize       msgidoffset) G_GNUC_FORMAT (1);

G_END_DECLS

#ifdef MP_MODELS_COMPILATION
# ifdef _
#  undef _
# endif
# define _(String) ((char *) mp_gettext (String))
# ifdef C_
#  undef C_
# endif
# define C_(Context, String) ((char *) mp_pgettext (Context "\004" String, strlen (Context) + 1))
#endif
