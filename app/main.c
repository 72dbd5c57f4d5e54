/* main.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "mp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MpApplication) app = NULL;
  gint64 start_time = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  /* MP_LOCALEDIR lets an uninstalled build (build-aux/run) use the catalogues
   * compiled into build/po. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("MP_LOCALEDIR") != NULL ? g_getenv ("MP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = mp_application_new ();
  mp_application_set_start_time (app, start_time);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
