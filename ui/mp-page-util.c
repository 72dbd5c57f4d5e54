/* mp-page-util.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-page-util"

#include "config.h"

#include "mp-page-util.h"

GtkWidget *
mp_spin_row_new (const char     *title,
                 const char     *subtitle,
                 double          min,
                 double          max,
                 double          step,
                 guint           digits,
                 const char     *unit,
                 GtkSpinButton **spin_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "mp-subtitle", g_strdup (subtitle), g_free);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 9);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

  if (unit != NULL && unit[0] != '\0')
    {
      GtkWidget *unit_label = gtk_label_new (unit);

      gtk_widget_add_css_class (unit_label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (unit_label), 0);
      gtk_label_set_width_chars (GTK_LABEL (unit_label), 6);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit_label);
      label = g_strdup_printf ("%s (%s)", title, unit);
    }
  else
    label = g_strdup (title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (spin_out != NULL)
    *spin_out = GTK_SPIN_BUTTON (spin);

  return row;
}

GtkWidget *
mp_switch_row_new (const char  *title,
                   const char  *subtitle,
                   GtkSwitch  **switch_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "mp-subtitle", g_strdup (subtitle), g_free);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  if (switch_out != NULL)
    *switch_out = GTK_SWITCH (sw);

  return row;
}

GtkWidget *
mp_drop_down_row_new (const char         *title,
                      const char         *subtitle,
                      const char * const *items,
                      GtkDropDown       **drop_down_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "mp-subtitle", g_strdup (subtitle), g_free);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop_down);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  if (drop_down_out != NULL)
    *drop_down_out = GTK_DROP_DOWN (drop_down);

  return row;
}

static void
row_set_message (GtkWidget  *row,
                 const char *message,
                 const char *css_class,
                 const char *icon_name)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "mp-message-icon");
  const char *subtitle = g_object_get_data (G_OBJECT (row), "mp-subtitle");
  gboolean expander = ADW_IS_EXPANDER_ROW (row);

  g_return_if_fail (ADW_IS_ACTION_ROW (row) || expander);

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_remove_css_class (row, "warning");

  if (message == NULL)
    {
      /* An expander row's subtitle is kept up to date by its page. */
      if (!expander)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
      if (icon != NULL)
        gtk_widget_set_visible (icon, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  if (icon == NULL)
    {
      icon = gtk_image_new ();
      if (expander)
        adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      else
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "mp-message-icon", icon);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_visible (icon, TRUE);
  gtk_widget_add_css_class (row, css_class);
  if (expander)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), message);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

void
mp_row_set_error (GtkWidget  *row,
                  const char *message)
{
  row_set_message (row, message, "error", "dialog-error-symbolic");
}

void
mp_row_set_warning (GtkWidget  *row,
                    const char *message)
{
  row_set_message (row, message, "warning", "dialog-warning-symbolic");
}

void
mp_spin_set_value_quietly (GtkSpinButton *spin,
                           double         value,
                           gpointer       data)
{
  g_signal_handlers_block_matched (spin, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  gtk_spin_button_set_value (spin, value);
  g_signal_handlers_unblock_matched (spin, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
}

void
mp_switch_set_active_quietly (GtkSwitch *sw,
                              gboolean   active,
                              gpointer   data)
{
  g_signal_handlers_block_matched (sw, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  gtk_switch_set_active (sw, active);
  g_signal_handlers_unblock_matched (sw, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
}

void
mp_drop_down_set_selected_quietly (GtkDropDown *drop_down,
                                   guint        position,
                                   gpointer     data)
{
  g_signal_handlers_block_matched (drop_down, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  gtk_drop_down_set_selected (drop_down, position);
  g_signal_handlers_unblock_matched (drop_down, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
}

void
mp_editable_set_text_quietly (GtkEditable *editable,
                              const char  *text,
                              gpointer     data)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;

  g_signal_handlers_block_matched (editable, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  gtk_editable_set_text (editable, text ? text : "");
  g_signal_handlers_unblock_matched (editable, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
}

GtkWidget *
mp_headline_card_new (void)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "headline-card");
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  /* Cards are focusable so that keyboard users reach their tooltips. */
  gtk_widget_set_focusable (card, TRUE);

  return card;
}

void
mp_headline_card_set (GtkWidget  *card,
                      const char *value,
                      const char *caption,
                      const char *tooltip)
{
  GtkWidget *value_label = gtk_widget_get_first_child (card);
  GtkWidget *caption_label = gtk_widget_get_next_sibling (value_label);
  g_autofree char *name = g_strdup_printf ("%s: %s", caption, value);

  gtk_label_set_text (GTK_LABEL (value_label), value);
  gtk_label_set_text (GTK_LABEL (caption_label), caption);
  gtk_widget_set_tooltip_text (card, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip ? tooltip : "",
                                  -1);
}

void
mp_container_remove_all (GtkWidget *container)
{
  GtkWidget *child;

  if (GTK_IS_LIST_BOX (container))
    {
      while ((child = gtk_widget_get_first_child (container)) != NULL)
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
    }
  else if (GTK_IS_BOX (container))
    {
      while ((child = gtk_widget_get_first_child (container)) != NULL)
        gtk_box_remove (GTK_BOX (container), child);
    }
  else if (GTK_IS_FLOW_BOX (container))
    {
      while ((child = gtk_widget_get_first_child (container)) != NULL)
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
    }
}
