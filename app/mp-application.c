/* mp-application.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-application.h"
#include "mp-preferences-window.h"
#include "mp-window.h"

struct _MpApplication
{
  AdwApplication  parent_instance;

  gint64          start_time;     /* g_get_monotonic_time () in main () */
  gboolean        startup_reported;
};

G_DEFINE_FINAL_TYPE (MpApplication, mp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static MpWindow *
new_window (MpApplication *self)
{
  MpWindow *window = mp_window_new (GTK_APPLICATION (self));

  /* MP_REPORT_STARTUP=1 prints the time from main() to the first frame. */
  if (!self->startup_reported && self->start_time != 0 &&
      g_strcmp0 (g_getenv ("MP_REPORT_STARTUP"), "1") == 0)
    {
      mp_window_report_startup (window, self->start_time);
      self->startup_reported = TRUE;
    }

  return window;
}

static MpWindow *
get_or_create_window (MpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    return new_window (self);

  return MP_WINDOW (window);
}

static void
mp_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (MP_APPLICATION (app))));
}

static void
mp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MpApplication *self = MP_APPLICATION (app);

  /* The first file goes to a window without a document; every other file
   * gets a window of its own (documents save themselves, so nothing is
   * replaced unsaved). */
  for (int i = 0; i < n_files; i++)
    {
      MpWindow *window = get_or_create_window (self);

      if (mp_window_has_document (window))
        window = new_window (self);

      mp_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
mp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mobility-planner %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Mobility Planner authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Mobility Planner"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Mobility Planner authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan and compare labour-mobility offers to partner countries."),
                         "website", "https://mobilityplanner.org/",
                         "developers", developers,
                         "copyright", "© 2026 The Mobility Planner authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new (APPLICATION_ID);
  gtk_window_present (GTK_WINDOW (mp_preferences_window_new (gtk_application_get_active_window (app),
                                                             settings)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
mp_application_startup (GApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.package-new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save-as", { "<Shift><Control>s", NULL } },
    { "win.export-brief", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.filter-schemes", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
  };

  G_APPLICATION_CLASS (mp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
mp_application_class_init (MpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = mp_application_activate;
  app_class->open = mp_application_open;
  app_class->startup = mp_application_startup;
  app_class->handle_local_options = mp_application_handle_local_options;
}

static void
mp_application_init (MpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan and compare labour-mobility offers to partner countries."));
}

void
mp_application_set_start_time (MpApplication *self,
                               gint64         start_time)
{
  g_return_if_fail (MP_IS_APPLICATION (self));

  self->start_time = start_time;
}

MpApplication *
mp_application_new (void)
{
  return g_object_new (MP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/mobilityplanner/MobilityPlanner",
                       NULL);
}
