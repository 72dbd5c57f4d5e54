/* mp-preferences-window.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-preferences-window.h"

/* Every control is bound to its GSettings key: changes apply at once. */

struct _MpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkAdjustment        *horizon_adjustment;
  GtkAdjustment        *draws_adjustment;
  AdwEntryRow          *seed_row;
  AdwComboRow          *language_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (MpPreferencesWindow, mp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const languages[] = { "en", "nl" };

/* GSettings maps "i" and "u" to integer properties only: the adjustments
 * hold doubles. */
static gboolean
get_number_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  if (g_variant_is_of_type (variant, G_VARIANT_TYPE_INT32))
    g_value_set_double (value, g_variant_get_int32 (variant));
  else
    g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
set_int_mapping (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) g_value_get_double (value));
}

static GVariant *
set_uint_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) g_value_get_double (value));
}

static gboolean
get_language_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
set_language_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (languages[i < G_N_ELEMENTS (languages) ? i : 0]);
}

static void
update_seed_row (MpPreferencesWindow *self)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           g_settings_get_uint64 (self->settings, "default-seed"));

  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), text);
}

static void
on_seed_applied_cb (AdwEntryRow         *row,
                    MpPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  guint64 seed;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("The seed must be a whole number of 0 or more.")));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_settings_set_uint64 (self->settings, "default-seed", seed);
}

static void
mp_preferences_window_dispose (GObject *object)
{
  MpPreferencesWindow *self = MP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mp_preferences_window_parent_class)->dispose (object);
}

static void
mp_preferences_window_class_init (MpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, horizon_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, draws_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, seed_row);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, language_row);
}

static void
mp_preferences_window_init (MpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mp_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  MpPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "default-horizon", self->horizon_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, get_number_mapping, set_int_mapping, NULL, NULL);
  g_settings_bind_with_mapping (settings, "default-draws", self->draws_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, get_number_mapping, set_uint_mapping, NULL, NULL);
  g_settings_bind_with_mapping (settings, "brief-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_language_mapping, set_language_mapping, NULL, NULL);
  update_seed_row (self);
  g_signal_connect (self->seed_row, "apply", G_CALLBACK (on_seed_applied_cb), self);
  g_signal_connect_object (settings, "changed::default-seed", G_CALLBACK (update_seed_row),
                           self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
