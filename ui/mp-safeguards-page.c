/* mp-safeguards-page.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-safeguards-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mp-columns.h"
#include "mp-icons.h"
#include "mp-risk-matrix.h"
#include "mp-safeguards-page.h"

/* The findings of the safeguard rules, grouped by severity, each naming its
 * scheme (activating the row opens it in the Offer page) and its source;
 * beside them the risk matrix and the monitoring every measure needs. */

struct _MpSafeguardsPage
{
  MpPage               parent_instance;

  GtkWidget           *scroller;
  GtkWidget           *columns;
  GtkWidget           *no_findings_page;
  AdwPreferencesGroup *blocks_group;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *notes_group;
  MpRiskMatrix        *risk_matrix;
  AdwPreferencesGroup *monitoring_group;

  GPtrArray           *finding_rows;     /* (row, group) pairs */
  GPtrArray           *monitoring_rows;
};

G_DEFINE_FINAL_TYPE (MpSafeguardsPage, mp_safeguards_page, MP_TYPE_PAGE)

static void
on_finding_activated_cb (AdwActionRow     *row,
                         MpSafeguardsPage *self)
{
  guint scheme = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mp-scheme"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-scheme", "u", scheme);
}

static void
clear_rows (MpSafeguardsPage *self)
{
  for (guint i = 0; i + 1 < self->finding_rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->finding_rows, i + 1),
                                  g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);

  for (guint i = 0; i < self->monitoring_rows->len; i++)
    adw_preferences_group_remove (self->monitoring_group, g_ptr_array_index (self->monitoring_rows, i));
  g_ptr_array_set_size (self->monitoring_rows, 0);
}

static void
mp_safeguards_page_refresh (MpPage *page)
{
  MpSafeguardsPage *self = MP_SAFEGUARDS_PAGE (page);
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  const MpPackage *package = mp_session_get_package (session);
  const MpEvaluation *eval = mp_session_get_evaluation (session);
  const MpReference *reference = mp_session_get_reference (session);
  guint counts[MP_N_SEVERITY] = { 0 };

  clear_rows (self);
  mp_risk_matrix_set_evaluation (self->risk_matrix, eval);

  if (package == NULL || eval == NULL)
    {
      gtk_widget_set_visible (self->no_findings_page, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->blocks_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);
      return;
    }

  /* Blocks first, then warnings, then notes. */
  for (int severity = MP_SEVERITY_BLOCK; severity >= MP_SEVERITY_NOTE; severity--)
    {
      AdwPreferencesGroup *group = severity == MP_SEVERITY_BLOCK ? self->blocks_group
                                 : severity == MP_SEVERITY_WARNING ? self->warnings_group
                                 : self->notes_group;

      for (guint i = 0; eval->findings != NULL && i < eval->findings->len; i++)
        {
          const MpFinding *finding = g_ptr_array_index (eval->findings, i);
          g_autoptr(GString) subtitle = g_string_new (NULL);
          GtkWidget *row;
          GtkWidget *icon;

          if ((int) finding->severity != severity)
            continue;

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

          if (finding->scheme >= 0 && (guint) finding->scheme < package->schemes->len)
            {
              const MpScheme *scheme = g_ptr_array_index (package->schemes, finding->scheme);

              /* Translators: the scheme a finding concerns */
              g_string_append_printf (subtitle, _("Scheme: %s"), scheme->name);
            }
          else if (finding->partner != NULL)
            {
              const MpPartner *partner = reference ? mp_reference_find_partner (reference, finding->partner) : NULL;

              g_string_append_printf (subtitle, _("Partner: %s"),
                                      partner && partner->name ? partner->name : finding->partner);
            }
          if (finding->source != NULL && finding->source[0] != '\0')
            {
              if (subtitle->len > 0)
                g_string_append (subtitle, " · ");
              g_string_append_printf (subtitle, _("Source: %s"), finding->source);
            }
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

          icon = gtk_image_new_from_icon_name (mp_severity_icon_name (finding->severity));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          mp_severity_label (finding->severity), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          if (finding->severity == MP_SEVERITY_BLOCK)
            gtk_widget_add_css_class (icon, "error");
          else if (finding->severity == MP_SEVERITY_WARNING)
            gtk_widget_add_css_class (icon, "warning");

          if (finding->scheme >= 0)
            {
              g_object_set_data (G_OBJECT (row), "mp-scheme", GUINT_TO_POINTER (finding->scheme));
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
              gtk_widget_set_tooltip_text (row, _("Open the scheme in the Offer page"));
              g_signal_connect (row, "activated", G_CALLBACK (on_finding_activated_cb), self);
            }

          adw_preferences_group_add (group, row);
          g_ptr_array_add (self->finding_rows, row);
          g_ptr_array_add (self->finding_rows, group);
          counts[severity]++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->blocks_group), counts[MP_SEVERITY_BLOCK] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), counts[MP_SEVERITY_WARNING] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), counts[MP_SEVERITY_NOTE] > 0);
  gtk_widget_set_visible (self->no_findings_page,
                          counts[MP_SEVERITY_BLOCK] + counts[MP_SEVERITY_WARNING] + counts[MP_SEVERITY_NOTE] == 0);

  for (guint i = 0; eval->measures != NULL && i < eval->measures->len; i++)
    {
      const MpMeasure *measure = &g_array_index (eval->measures, MpMeasure, i);
      const MpPartner *partner = reference && measure->partner ? mp_reference_find_partner (reference, measure->partner) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (mp_monitoring_label (measure->monitoring));
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), measure->measure);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (measure->never_allowed)
        subtitle = g_strdup_printf (_("%s · never allowed, whatever the country"),
                                    partner && partner->name ? partner->name : (measure->partner ? measure->partner : ""));
      else
        /* Translators: partner · country risk × measure risk */
        subtitle = g_strdup_printf (_("%s · country risk %s × measure risk %s"),
                                    partner && partner->name ? partner->name : (measure->partner ? measure->partner : ""),
                                    mp_risk_label (measure->country_risk), mp_risk_label (measure->measure_risk));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (mp_monitoring_icon_name (measure->monitoring)));
      gtk_box_append (GTK_BOX (box), label);
      if (measure->monitoring == MP_MONITOR_NOT_ALLOWED)
        gtk_widget_add_css_class (box, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

      if (measure->scheme >= 0)
        {
          g_object_set_data (G_OBJECT (row), "mp-scheme", GUINT_TO_POINTER (measure->scheme));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Open the scheme in the Offer page"));
          g_signal_connect (row, "activated", G_CALLBACK (on_finding_activated_cb), self);
        }

      adw_preferences_group_add (self->monitoring_group, row);
      g_ptr_array_add (self->monitoring_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->monitoring_group), self->monitoring_rows->len > 0);
}

static void
mp_safeguards_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_SAFEGUARDS_PAGE);

  G_OBJECT_CLASS (mp_safeguards_page_parent_class)->dispose (object);
}

static void
mp_safeguards_page_finalize (GObject *object)
{
  MpSafeguardsPage *self = MP_SAFEGUARDS_PAGE (object);

  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->monitoring_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mp_safeguards_page_parent_class)->finalize (object);
}

static void
mp_safeguards_page_class_init (MpSafeguardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpPageClass *page_class = MP_PAGE_CLASS (klass);

  object_class->dispose = mp_safeguards_page_dispose;
  object_class->finalize = mp_safeguards_page_finalize;

  page_class->refresh = mp_safeguards_page_refresh;

  g_type_ensure (MP_TYPE_RISK_MATRIX);

  g_type_ensure (MP_TYPE_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-safeguards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpSafeguardsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MpSafeguardsPage, columns);
  gtk_widget_class_bind_template_child (widget_class, MpSafeguardsPage, no_findings_page);
  gtk_widget_class_bind_template_child (widget_class, MpSafeguardsPage, blocks_group);
  gtk_widget_class_bind_template_child (widget_class, MpSafeguardsPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, MpSafeguardsPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, MpSafeguardsPage, risk_matrix);
  gtk_widget_class_bind_template_child (widget_class, MpSafeguardsPage, monitoring_group);
}

static void
mp_safeguards_page_init (MpSafeguardsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->finding_rows = g_ptr_array_new ();
  self->monitoring_rows = g_ptr_array_new ();
}

/**
 * mp_safeguards_page_get_n_rows:
 *
 * Returns: the number of finding rows shown with @severity
 */
guint
mp_safeguards_page_get_n_rows (MpSafeguardsPage *self,
                               MpSeverity        severity)
{
  AdwPreferencesGroup *group;
  guint n = 0;

  g_return_val_if_fail (MP_IS_SAFEGUARDS_PAGE (self), 0);

  group = severity == MP_SEVERITY_BLOCK ? self->blocks_group
        : severity == MP_SEVERITY_WARNING ? self->warnings_group
        : self->notes_group;
  if (!gtk_widget_get_visible (GTK_WIDGET (group)))
    return 0;

  for (guint i = 0; i + 1 < self->finding_rows->len; i += 2)
    if (g_ptr_array_index (self->finding_rows, i + 1) == group)
      n++;

  return n;
}

GtkWidget *
mp_safeguards_page_find_row (MpSafeguardsPage *self,
                             const char       *text)
{
  g_return_val_if_fail (MP_IS_SAFEGUARDS_PAGE (self), NULL);

  for (guint i = 0; i < self->finding_rows->len; i += 2)
    {
      GtkWidget *row = g_ptr_array_index (self->finding_rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (strstr (title, text) != NULL)
        return row;
    }

  return NULL;
}
