/* mp-scheme-presets.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-scheme-presets"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-icons.h"
#include "mp-scheme-presets.h"

/* The presets: real schemes, sized for the Netherlands.  Design parameters
 * are the real ones; quotas are scaled. */
typedef struct
{
  const char   *id;
  const char   *label;
  const char   *name;
  const char   *source;
  MpSchemeKind  kind;
  const char   *sector;
  double        quota;
  int           intake_years;
  int           months;
  int           stays;
  gboolean      mandatory_return;
  double        training_months;
  double        home_track_ratio;
  double        cost;
  double        employer_share;
  gboolean      language_support;
  gboolean      reintegration_support;
  gboolean      g2g_health_support;
} Preset;

static const Preset presets[] = {
  {
    "gecco", N_("Circular agriculture (GECCO-like)"), N_("Circular agriculture (GECCO-like)"),
    N_("Spain–Morocco GECCO: fixed-discontinuous contracts with a 4-year authorisation, at most 9 months of work a year, and a yearly check that workers returned; about 16,000 Moroccan workers in 2023 (15,350 in Huelva). Quota scaled to 500 a year for the Netherlands. Sources: press reports, indicative."),
    MP_SCHEME_CIRCULAR, "agriculture_horticulture", 500, 5, 9, 4, TRUE, 0.5, 0, 2500, 0.8, TRUE, TRUE, FALSE,
  },
  {
    "rse", N_("Seasonal horticulture (RSE-like)"), N_("Seasonal horticulture (RSE-like)"),
    N_("New Zealand Recognised Seasonal Employer scheme: cap 19,500 (2023/24), stays of up to 7 months, about half of first-timers return the next season, overstay about 1 %. Quota scaled to 300 a year."),
    MP_SCHEME_SEASONAL, "agriculture_horticulture", 300, 5, 7, 3, TRUE, 0, 0, 2000, 0.7, TRUE, FALSE, FALSE,
  },
  {
    "triple-win", N_("Care talent partnership (Triple Win-like)"), N_("Nurses and carers (Triple Win-like)"),
    N_("Germany's Triple Win (GIZ with ZAV, since 2013): only partners with a surplus of trained nurses, in line with the WHO Code; language and nursing preparation before departure; first visa 1 year with extensions; more than 4,500 nurses placed. Quota 150 a year for the Netherlands."),
    MP_SCHEME_TALENT_PARTNERSHIP, "health_social_care", 150, 5, 12, 5, FALSE, 8, 0, 20000, 0.65, TRUE, TRUE, TRUE,
  },
  {
    "palim", N_("ICT talent partnership with home track (PALIM-like)"), N_("ICT talents with home track (PALIM-like)"),
    N_("Belgium–Morocco PALIM (Enabel, 2019–2021): €1,496,448.50 for 120 trainees selected from 9,677 applicants, 5 months of training, 90 on the home track and 30 on the away track, about €12,470 a trainee."),
    MP_SCHEME_TALENT_PARTNERSHIP, "ict", 30, 3, 12, 2, FALSE, 5, 3, 12470, 0.3, TRUE, TRUE, FALSE,
  },
};

static void
on_preset_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        gpointer       user_data)
{
  int index = gtk_list_box_row_get_index (row);

  g_return_if_fail (index >= 0 && (guint) index < G_N_ELEMENTS (presets));

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER)));
  gtk_widget_activate_action (GTK_WIDGET (list), "offer.add-preset", "s", presets[index].id);
}

/**
 * mp_scheme_presets_new_popover:
 *
 * The presets with their sources: each row names the real scheme it copies
 * and where its numbers come from, so a negotiator can defend them.
 * Activating a row activates "offer.add-preset" with the preset's id.
 *
 * Returns: (transfer floating): a popover for a menu button
 */
GtkWidget *
mp_scheme_presets_new_popover (void)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Schemes modelled on real ones"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(presets[i].label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(presets[i].source));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (mp_scheme_kind_icon_name (presets[i].kind)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_preset_activated_cb), NULL);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_widget_set_size_request (scroller, 440, -1);
  gtk_widget_set_margin_top (list, 6);
  gtk_widget_set_margin_bottom (list, 6);
  gtk_widget_set_margin_start (list, 6);
  gtk_widget_set_margin_end (list, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);

  return popover;
}

/**
 * mp_scheme_presets_apply:
 * @id: a preset's id, e.g. "gecco"
 * @scheme: a new scheme of @package, to take the preset's design
 * @package: the package the scheme is for
 * @reference: (nullable): the reference data (the preset's sector must be in it)
 *
 * Gives @scheme the name, kind, sector and numbers of the preset; the
 * intake years stay within the package's horizon.
 *
 * Returns: %FALSE when there is no preset @id
 */
gboolean
mp_scheme_presets_apply (const char        *id,
                         MpScheme          *scheme,
                         const MpPackage   *package,
                         const MpReference *reference)
{
  const Preset *preset = NULL;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (scheme != NULL && package != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      preset = &presets[i];

  if (preset == NULL)
    return FALSE;

  g_free (scheme->name);
  scheme->name = g_strdup (_(preset->name));
  scheme->kind = preset->kind;
  if (reference != NULL && mp_reference_find_sector (reference, preset->sector) != NULL)
    {
      g_free (scheme->sector);
      scheme->sector = g_strdup (preset->sector);
    }
  scheme->quota = preset->quota;
  scheme->intake_years = MIN (preset->intake_years, MAX (1, package->horizon));
  scheme->months = preset->months;
  scheme->stays = preset->stays;
  scheme->mandatory_return = preset->mandatory_return;
  scheme->training_months = preset->training_months;
  scheme->home_track_ratio = preset->home_track_ratio;
  scheme->cost_per_participant = preset->cost;
  scheme->employer_share = preset->employer_share;
  scheme->recruitment_fees = 0;
  scheme->language_support = preset->language_support;
  scheme->complaints_channel = TRUE;
  scheme->reintegration_support = preset->reintegration_support;
  scheme->g2g_health_support = preset->g2g_health_support;

  return TRUE;
}
