/* mp-partner-page.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-partner-page"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mp-format.h"
#include "mp-icons.h"
#include "mp-partner-page.h"
#include "mp-rows.h"

/* The partner of the package: its indicators with year and source, the
 * demographic-dividend index and rank, the human-rights risk class with its
 * override (reference data: every package of the document), and the
 * interest profile as this package weighs it. */

/* One interest of the profile: its weight and reference scale for this
 * package, edited in an expander row. */
typedef struct
{
  MpPartnerPage *page;
  MpInterest     interest;
  GtkWidget     *row;
  MpRow         *weight;
  MpRow         *scale;     /* NULL: protection has no scale */
} InterestRow;

struct _MpPartnerPage
{
  MpPage               parent_instance;

  GtkWidget           *scroller;
  AdwPreferencesGroup *choose_group;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  GtkLabel            *excluded_label;
  AdwPreferencesGroup *risk_group;
  AdwPreferencesGroup *ddi_group;
  AdwPreferencesGroup *interest_group;
  AdwPreferencesGroup *indicator_group;

  MpRow               *choose_row;
  char                *choose_signature;

  GtkWidget           *risk_row;
  GtkImage            *risk_icon;
  GtkLabel            *risk_value;
  MpRow               *override_row;
  MpRow               *override_class_row;
  MpRow               *reason_row;
  GtkLabel            *reason_message;

  GtkWidget           *ddi_row;
  GtkLabel            *ddi_value;
  GtkWidget           *ddi_component_rows[MP_N_DDI_COMPONENTS];
  GtkLabel            *ddi_component_values[MP_N_DDI_COMPONENTS];

  InterestRow          interests[MP_N_INTERESTS];
  GtkWidget           *rationale_row;

  GtkWidget           *who_row;
  GtkLabel            *who_value;
  GtkWidget           *indicator_rows[MP_N_INDICATORS];
  GtkLabel            *indicator_values[MP_N_INDICATORS];

  char                *iso3;         /* the partner shown */
};

G_DEFINE_FINAL_TYPE (MpPartnerPage, mp_partner_page, MP_TYPE_PAGE)

static void update (MpPartnerPage *self);

/* ---- Helpers --------------------------------------------------------------- */

static const MpPartner *
current_partner (MpPartnerPage *self)
{
  const MpReference *reference = mp_session_get_reference (mp_page_get_session (MP_PAGE (self)));

  return reference != NULL && self->iso3 != NULL ? mp_reference_find_partner (reference, self->iso3) : NULL;
}

static GtkWidget *
value_row (const char  *title,
           GtkLabel   **value_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  *value_out = GTK_LABEL (value);

  return row;
}

static char *
format_indicator (MpIndicator  indicator,
                  double       value)
{
  g_autofree char *number = NULL;

  switch (indicator)
    {
    case MP_IND_POPULATION:
    case MP_IND_WORKING_AGE_2025:
    case MP_IND_WORKING_AGE_2050:
      return mp_format_number (value, 0);
    case MP_IND_WORKING_AGE_SHARE:
    case MP_IND_DEPENDENCY_RATIO:
    case MP_IND_OLD_AGE_DEPENDENCY:
    case MP_IND_YOUTH_UNEMPLOYMENT:
    case MP_IND_REMITTANCES_PCT_GDP:
      return mp_format_percent (value, 1);
    case MP_IND_WORKING_AGE_GROWTH:
      number = mp_format_signed_number (value, 1);
      return g_strdup_printf ("%s %%", number);
    case MP_IND_MEDIAN_AGE:
      number = mp_format_number (value, 1);
      /* Translators: an age in years */
      return g_strdup_printf (_("%s years"), number);
    case MP_IND_REMITTANCES_USD:
    case MP_IND_GDP_PC_USD:
      number = mp_format_number (value, 0);
      /* Translators: an amount in US dollars */
      return g_strdup_printf (_("US$ %s"), number);
    case MP_IND_GDP_PC_PPP:
      number = mp_format_number (value, 0);
      /* Translators: an amount in international dollars (purchasing power parity) */
      return g_strdup_printf (_("int. $ %s"), number);
    case MP_IND_DOCTORS_PER_10K:
    case MP_IND_NURSES_PER_10K:
      number = mp_format_number (value, 1);
      return g_strdup_printf (_("%s per 10,000"), number);
    case MP_IND_VDEM_LIBDEM:
    case MP_IND_VDEM_POLYARCHY:
      return mp_format_number (value, 2);
    case MP_N_INDICATORS:
    default:
      return mp_format_number (value, 2);
    }
}

/* ---- Editing the reference (risk override) ------------------------------- */

static void
commit_reference (MpPartnerPage *self,
                  MpReference   *reference)
{
  g_autoptr(GError) error = NULL;
  MpDocument *document = mp_session_get_document (mp_page_get_session (MP_PAGE (self)));

  if (document == NULL)
    return;

  if (!mp_document_replace_reference (document, reference, &error))
    {
      gtk_label_set_text (self->reason_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_message), TRUE);
      update (self);
    }
}

/* A copy of the reference data to edit, and in it the partner shown;
 * %NULL when there is none. */
static MpReference *
dup_reference (MpPartnerPage  *self,
               MpPartner     **partner_out)
{
  const MpReference *current = mp_session_get_reference (mp_page_get_session (MP_PAGE (self)));
  g_autoptr(MpReference) reference = NULL;

  if (current == NULL || self->iso3 == NULL)
    return NULL;

  reference = mp_reference_copy (current);
  *partner_out = mp_reference_find_partner (reference, self->iso3);

  return *partner_out != NULL ? g_steal_pointer (&reference) : NULL;
}

static const MpRowDesc override_desc = {
  MP_ROW_SWITCH, N_("Override for migrants"),
  N_("When the general index understates the risk for migrants (the report's example: Tunisia)"),
  NULL, 0, MP_VALUE_NONE, 0, 0, NULL,
};
static const MpRowDesc override_class_desc = {
  MP_ROW_COMBO, N_("Class for migrants"), NULL, NULL, 0, MP_VALUE_NONE, 0, 0, NULL,
};
static const MpRowDesc reason_desc = {
  MP_ROW_ENTRY, N_("Reason for the override"), NULL, NULL, 0, MP_VALUE_NONE, 0, 0, NULL,
};

/* The switch and the class are stored together: the class counts only
 * while the override is on. */
static void
on_override_changed_cb (MpRow    *row,
                        gpointer  user_data)
{
  MpPartnerPage *self = user_data;
  MpPartner *partner = NULL;
  g_autoptr(MpReference) reference = dup_reference (self, &partner);

  if (reference == NULL)
    return;

  partner->has_risk_override = mp_row_get_active (self->override_row);
  if (partner->has_risk_override)
    {
      guint selected = mp_row_get_selected (self->override_class_row);

      partner->risk_override = selected < MP_N_RISK ? selected : MP_RISK_HIGH;
    }
  commit_reference (self, reference);
}

static void
on_reason_applied_cb (MpRow    *row,
                      gpointer  user_data)
{
  MpPartnerPage *self = user_data;
  MpPartner *partner = NULL;
  g_autoptr(MpReference) reference = dup_reference (self, &partner);

  if (reference == NULL)
    return;

  g_free (partner->risk_override_reason);
  partner->risk_override_reason = g_strstrip (g_strdup (mp_row_get_text (row)));
  commit_reference (self, reference);
}

static void
build_risk (MpPartnerPage *self)
{
  const char *classes[MP_N_RISK + 1] = { NULL };
  GtkWidget *box;

  for (int r = 0; r < MP_N_RISK; r++)
    classes[r] = mp_risk_label (r);

  self->risk_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->risk_row), _("Risk class"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->risk_row), 0);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->risk_icon = GTK_IMAGE (gtk_image_new ());
  self->risk_value = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->risk_value), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->risk_icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->risk_value));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->risk_row), box);
  adw_preferences_group_add (self->risk_group, self->risk_row);

  self->override_row = mp_row_new (&override_desc, NULL, on_override_changed_cb, self);
  adw_preferences_group_add (self->risk_group, mp_row_get_widget (self->override_row));

  self->override_class_row = mp_row_new (&override_class_desc, NULL, on_override_changed_cb, self);
  mp_row_set_choices (self->override_class_row, classes, NULL);
  adw_preferences_group_add (self->risk_group, mp_row_get_widget (self->override_class_row));

  self->reason_row = mp_row_new (&reason_desc, NULL, on_reason_applied_cb, self);
  adw_preferences_group_add (self->risk_group, mp_row_get_widget (self->reason_row));

  self->reason_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->reason_message, TRUE);
  gtk_label_set_xalign (self->reason_message, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->reason_message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->reason_message), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_message), FALSE);
  adw_preferences_group_add (self->risk_group, GTK_WIDGET (self->reason_message));
}

static void
update_risk (MpPartnerPage   *self,
             const MpPartner *partner)
{
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  MpRiskThresholds thresholds;
  MpRiskBasis basis = MP_RISK_BASIS_INDEX;
  MpRisk risk;
  const MpValue *libdem = &partner->ind[MP_IND_VDEM_LIBDEM];
  g_autofree char *subtitle = NULL;
  gboolean writable = !mp_session_is_read_only (session);

  mp_session_get_risk_thresholds (session, &thresholds);
  risk = mp_partner_risk (partner, &thresholds, &basis);

  gtk_image_set_from_icon_name (self->risk_icon, mp_risk_icon_name (risk));
  gtk_label_set_text (self->risk_value, mp_risk_label (risk));

  switch (basis)
    {
    case MP_RISK_BASIS_OVERRIDE:
      /* Translators: why a risk class applies; %s is the reason given */
      subtitle = g_strdup_printf (_("Context override: %s"),
                                  partner->risk_override_reason && partner->risk_override_reason[0]
                                  ? partner->risk_override_reason : _("no reason given"));
      break;
    case MP_RISK_BASIS_NO_DATA:
      subtitle = g_strdup (_("No V-Dem index value: classed high as a precaution"));
      break;
    case MP_RISK_BASIS_INDEX:
    case MP_N_RISK_BASIS:
    default:
      {
        g_autofree char *value = mp_format_number (libdem->value, 2);
        g_autofree char *low = mp_format_number (thresholds.low, 2);
        g_autofree char *medium = mp_format_number (thresholds.medium, 2);

        /* Translators: the basis of a risk class: index value, year, thresholds */
        subtitle = g_strdup_printf (_("V-Dem Liberal Democracy Index %s (%d): low risk from %s, high below %s"),
                                    value, libdem->year, low, medium);
      }
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->risk_row), subtitle);

  mp_row_show_active (self->override_row, partner->has_risk_override);
  mp_row_show_selected (self->override_class_row,
                        partner->has_risk_override ? partner->risk_override : risk);
  mp_row_show_text (self->reason_row, partner->risk_override_reason);
  gtk_widget_set_sensitive (mp_row_get_widget (self->override_row), writable);
  gtk_widget_set_sensitive (mp_row_get_widget (self->override_class_row), writable && partner->has_risk_override);
  gtk_widget_set_sensitive (mp_row_get_widget (self->reason_row), writable && partner->has_risk_override);

  if (partner->has_risk_override &&
      (partner->risk_override_reason == NULL || partner->risk_override_reason[0] == '\0'))
    {
      gtk_label_set_text (self->reason_message, _("Say why the class is overridden: the brief prints the reason."));
      gtk_widget_set_visible (GTK_WIDGET (self->reason_message), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->reason_message), FALSE);
}

/* ---- Demographic dividend ---------------------------------------------------- */

static void
build_ddi (MpPartnerPage *self)
{
  self->ddi_row = value_row (_("Index"), &self->ddi_value);
  adw_preferences_group_add (self->ddi_group, self->ddi_row);

  for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
    {
      self->ddi_component_rows[c] = value_row (mp_ddi_component_label (c), &self->ddi_component_values[c]);
      adw_preferences_group_add (self->ddi_group, self->ddi_component_rows[c]);
    }
}

static void
update_ddi (MpPartnerPage   *self,
            const MpPartner *partner)
{
  const MpDdi *ddi = mp_session_get_ddi (mp_page_get_session (MP_PAGE (self)));
  const MpDdiEntry *entry = ddi ? mp_ddi_lookup (ddi, partner->iso3) : NULL;

  if (entry == NULL || !isfinite (entry->index))
    {
      gtk_label_set_text (self->ddi_value, _("no data"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ddi_row), "");
    }
  else
    {
      g_autofree char *index = mp_format_number (entry->index, 0);
      g_autofree char *text = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a 0-100 index */
      text = g_strdup_printf (_("%s of 100"), index);
      gtk_label_set_text (self->ddi_value, text);
      if (entry->rank > 0)
        /* Translators: the partner's rank among the partners of the reference data */
        subtitle = g_strdup_printf (_("Rank %u of %u partners"), entry->rank, ddi->set_size);
      else
        subtitle = g_strdup (_("Not ranked"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ddi_row), subtitle);
    }

  for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
    {
      MpIndicator indicator = mp_ddi_component_indicator (c);
      const MpValue *value = &partner->ind[indicator];
      g_autofree char *subtitle = NULL;
      g_autofree char *text = NULL;

      if (!mp_value_present (value))
        {
          gtk_label_set_text (self->ddi_component_values[c], _("no data"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ddi_component_rows[c]),
                                       _("Left out of the index"));
          continue;
        }

      text = format_indicator (indicator, value->value);
      gtk_label_set_text (self->ddi_component_values[c], text);
      if (entry != NULL && isfinite (entry->normalised[c]))
        {
          g_autofree char *n = mp_format_number (entry->normalised[c], 2);

          /* Translators: a normalised component; + or − says which way it counts */
          subtitle = g_strdup_printf (_("Normalised %s (counts %s) · %d · %s"), n,
                                      mp_ddi_component_direction (c) > 0 ? "+" : "−",
                                      value->year, value->source ? value->source : "");
        }
      else
        subtitle = g_strdup_printf ("%d · %s", value->year, value->source ? value->source : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ddi_component_rows[c]), subtitle);
    }
}

/* ---- Interest profile ---------------------------------------------------------- */

static void
commit_interests (InterestRow *r,
                  MpPackage   *package)
{
  g_autoptr(GError) error = NULL;

  if (!mp_session_commit (mp_page_get_session (MP_PAGE (r->page)), package, _("Edit the interest profile"), &error))
    {
      mp_row_widget_set_error (r->row, error->message);
      update (r->page);
    }
}

static void
on_interest_changed_cb (MpRow    *field,
                        gpointer  user_data)
{
  InterestRow *r = user_data;
  g_autoptr(MpPackage) package = mp_session_dup_package (mp_page_get_session (MP_PAGE (r->page)));

  if (package == NULL || !mp_row_write (field, package))
    return;

  commit_interests (r, package);
}

static void
on_interest_reset_cb (GtkButton   *button,
                      InterestRow *r)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (mp_page_get_session (MP_PAGE (r->page)));

  if (package == NULL)
    return;

  package->interest_weights[r->interest] = NAN;
  package->interest_scales[r->interest] = NAN;
  commit_interests (r, package);
}

static void
build_interests (MpPartnerPage *self)
{
  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      const MpRowDesc weight_desc = {
        MP_ROW_SPIN, N_("Weight"), N_("0 ignores the interest, 5 counts it most"), NULL, MP_SPIN_INTEREST_WEIGHT,
        MP_VALUE_DOUBLE, G_STRUCT_OFFSET (MpPackage, interest_weights) + i * sizeof (double), 0, NULL,
      };
      const MpRowDesc scale_desc = {
        MP_ROW_SPIN, N_("Reference scale"), N_("The amount the partner would call meaningful"), NULL,
        MP_SPIN_INTEREST_SCALE, MP_VALUE_DOUBLE, G_STRUCT_OFFSET (MpPackage, interest_scales) + i * sizeof (double),
        0, NULL,
      };
      InterestRow *r = &self->interests[i];
      GtkWidget *row;
      GtkWidget *button;
      g_autofree char *reset_name = NULL;

      r->page = self;
      r->interest = i;
      r->row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), mp_interest_label (i));

      r->weight = mp_row_new (&weight_desc, NULL, on_interest_changed_cb, r);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (r->row), mp_row_get_widget (r->weight));

      if (i != MP_INTEREST_PROTECTION)
        {
          r->scale = mp_row_new (&scale_desc, NULL, on_interest_changed_cb, r);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r->row), mp_row_get_widget (r->scale));
        }

      button = gtk_button_new_with_mnemonic (_("_Use the Partner’s Profile"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_interest_reset_cb), r);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Shipped weight and scale"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* Translators: accessible name of a reset button; %s is an interest */
      reset_name = g_strdup_printf (_("Use the partner’s profile for “%s”"), mp_interest_label (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, reset_name, -1);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (r->row), row);

      adw_preferences_group_add (self->interest_group, r->row);
    }

  self->rationale_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->rationale_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rationale_row), _("Why these weights"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->rationale_row), 0);
  adw_preferences_group_add (self->interest_group, self->rationale_row);
}

static const MpComponent *
find_component (const MpEvaluation *eval,
                const char         *iso3,
                MpInterest          interest)
{
  const char *key = mp_interest_to_string (interest);
  gsize len = strlen (key);

  for (guint i = 0; eval != NULL && eval->fit_components != NULL && i < eval->fit_components->len; i++)
    {
      const MpComponent *c = &g_array_index (eval->fit_components, MpComponent, i);

      if (g_strcmp0 (c->partner, iso3) == 0 && strncmp (c->key, key, len) == 0 &&
          (c->key[len] == '\0' || c->key[len] == ':'))
        return c;
    }

  return NULL;
}

static void
update_interests (MpPartnerPage   *self,
                  const MpPartner *partner)
{
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  const MpPackage *package = mp_session_get_package (session);
  const MpEvaluation *eval = mp_session_get_evaluation (session);
  gboolean writable = !mp_session_is_read_only (session);

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      InterestRow *r = &self->interests[i];
      const MpComponent *c = find_component (eval, partner->iso3, i);
      double weight = isnan (package->interest_weights[i]) ? partner->profile.weights[i] : package->interest_weights[i];
      double scale = c != NULL ? c->scale : package->interest_scales[i];
      gboolean own = !isnan (package->interest_weights[i]) || !isnan (package->interest_scales[i]);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *w = mp_format_number (weight, 1);

      /* Translators: the weight of an interest, 0-5 */
      g_string_append_printf (subtitle, _("Weight %s"), w);
      if (c != NULL && isfinite (c->scale))
        {
          g_autofree char *k = mp_format_number (c->scale, c->scale < 10 ? 2 : 0);

          g_string_append_printf (subtitle, _(" · scale %s %s"), k, c->unit ? c->unit : "");
        }
      if (c != NULL && isfinite (c->satisfaction))
        {
          g_autofree char *s = mp_format_number (c->satisfaction, 2);

          g_string_append_printf (subtitle, _(" · satisfaction %s"), s);
        }
      if (own)
        g_string_append (subtitle, _(" · set for this package"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (r->row), subtitle->str);
      mp_row_widget_set_error (r->row, NULL);

      mp_row_show_number (r->weight, weight);
      if (r->scale != NULL)
        mp_row_show_number (r->scale, isfinite (scale) ? scale : 0);
      gtk_widget_set_sensitive (r->row, writable);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rationale_row),
                               partner->profile.rationale ? partner->profile.rationale : _("No rationale recorded."));
}

/* ---- Indicators ------------------------------------------------------------------- */

static void
build_indicators (MpPartnerPage *self)
{
  self->who_row = value_row (_("WHO Health Workforce Support and Safeguards List 2023"), &self->who_value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->who_row), 0);
  adw_preferences_group_add (self->indicator_group, self->who_row);

  for (int i = 0; i < MP_N_INDICATORS; i++)
    {
      self->indicator_rows[i] = value_row (mp_indicator_label (i), &self->indicator_values[i]);
      adw_preferences_group_add (self->indicator_group, self->indicator_rows[i]);
    }
}

static void
update_indicators (MpPartnerPage   *self,
                   const MpPartner *partner)
{
  gtk_label_set_text (self->who_value, partner->who_ssl ? _("Listed") : _("Not listed"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->who_row),
                               partner->who_ssl_source ? partner->who_ssl_source : "");

  for (int i = 0; i < MP_N_INDICATORS; i++)
    {
      const MpValue *value = &partner->ind[i];

      if (mp_value_present (value))
        {
          g_autofree char *text = format_indicator (i, value->value);
          g_autofree char *subtitle = g_strdup_printf ("%d · %s", value->year, value->source ? value->source : "");

          gtk_label_set_text (self->indicator_values[i], text);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->indicator_rows[i]), subtitle);
          gtk_widget_remove_css_class (GTK_WIDGET (self->indicator_values[i]), "dim-label");
        }
      else
        {
          gtk_label_set_text (self->indicator_values[i], _("no data"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->indicator_rows[i]), "");
          gtk_widget_add_css_class (GTK_WIDGET (self->indicator_values[i]), "dim-label");
        }
    }
}

/* ---- Choosing the partner (regional packages) ----------------------------------- */

static const MpRowDesc choose_desc = {
  MP_ROW_COMBO, N_("Partner"), N_("This is a regional package: choose the partner to show"),
  NULL, 0, MP_VALUE_NONE, 0, 0, NULL,
};

static void
on_choose_selected_cb (MpRow    *row,
                       gpointer  user_data)
{
  MpPartnerPage *self = user_data;
  const MpPackage *package = mp_session_get_package (mp_page_get_session (MP_PAGE (self)));
  guint position = mp_row_get_selected (row);

  if (package == NULL || package->partners == NULL || position >= g_strv_length (package->partners))
    return;

  g_free (self->iso3);
  self->iso3 = g_strdup (package->partners[position]);
  update (self);
}

static void
update_choice (MpPartnerPage   *self,
               const MpPackage *package)
{
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  g_autofree char *signature = package->partners ? g_strjoinv (",", package->partners) : g_strdup ("");
  guint n = package->partners ? g_strv_length (package->partners) : 0;
  guint selected = 0;

  /* Keep the partner shown if the package still has it. */
  if (self->iso3 == NULL || package->partners == NULL ||
      !g_strv_contains ((const char * const *) package->partners, self->iso3))
    {
      g_free (self->iso3);
      self->iso3 = n > 0 ? g_strdup (package->partners[0]) : NULL;
    }

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (package->partners[i], self->iso3) == 0)
      selected = i;

  gtk_widget_set_visible (GTK_WIDGET (self->choose_group), n > 1);

  if (g_strcmp0 (signature, self->choose_signature) != 0)
    {
      g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      g_free (self->choose_signature);
      self->choose_signature = g_steal_pointer (&signature);
      for (guint i = 0; i < n; i++)
        g_strv_builder_add (labels, mp_session_get_partner_name (session, package->partners[i]));
      strv = g_strv_builder_end (labels);
      mp_row_set_choices (self->choose_row, (const char * const *) strv, NULL);
    }

  mp_row_show_selected (self->choose_row, selected);
}

/* ---- Refresh ---------------------------------------------------------------------- */

static void
update (MpPartnerPage *self)
{
  const MpPackage *package = mp_session_get_package (mp_page_get_session (MP_PAGE (self)));
  const MpPartner *partner;
  g_autoptr(GString) summary = g_string_new (NULL);

  if (package == NULL)
    return;

  update_choice (self, package);
  partner = current_partner (self);
  if (partner == NULL)
    {
      gtk_label_set_text (self->name_label, self->iso3 ? self->iso3 : "");
      gtk_label_set_text (self->summary_label, _("This partner is not in the reference data of the document."));
      return;
    }

  gtk_label_set_text (self->name_label, partner->name ? partner->name : partner->iso3);
  g_string_append_printf (summary, "%s · %s", partner->iso3, partner->region ? partner->region : "");
  if (partner->memberships != NULL && partner->memberships[0] != NULL)
    {
      g_autofree char *m = g_strjoinv (", ", partner->memberships);

      g_string_append_printf (summary, _("\nRegional processes: %s"), m);
    }
  if (partner->frameworks != NULL && partner->frameworks[0] != NULL)
    {
      g_autofree char *f = g_strjoinv (", ", partner->frameworks);

      g_string_append_printf (summary, _("\nFrameworks: %s"), f);
    }
  if (partner->combiland)
    g_string_append (summary, _("\nCombination country for aid and trade"));
  gtk_label_set_text (self->summary_label, summary->str);

  if (partner->excluded)
    {
      g_autofree char *text = g_strdup_printf (_("No partnership possible: %s"),
                                               partner->excluded_reason ? partner->excluded_reason : "");

      gtk_label_set_text (self->excluded_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->excluded_label), partner->excluded);

  update_risk (self, partner);
  update_ddi (self, partner);
  update_interests (self, partner);
  update_indicators (self, partner);
}

static void
mp_partner_page_refresh (MpPage *page)
{
  update (MP_PARTNER_PAGE (page));
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
mp_partner_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_PARTNER_PAGE);

  G_OBJECT_CLASS (mp_partner_page_parent_class)->dispose (object);
}

static void
mp_partner_page_finalize (GObject *object)
{
  MpPartnerPage *self = MP_PARTNER_PAGE (object);

  g_free (self->iso3);
  g_free (self->choose_signature);
  g_clear_pointer (&self->choose_row, mp_row_free);
  g_clear_pointer (&self->override_row, mp_row_free);
  g_clear_pointer (&self->override_class_row, mp_row_free);
  g_clear_pointer (&self->reason_row, mp_row_free);
  for (guint i = 0; i < MP_N_INTERESTS; i++)
    {
      g_clear_pointer (&self->interests[i].weight, mp_row_free);
      g_clear_pointer (&self->interests[i].scale, mp_row_free);
    }

  G_OBJECT_CLASS (mp_partner_page_parent_class)->finalize (object);
}

static void
mp_partner_page_class_init (MpPartnerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpPageClass *page_class = MP_PAGE_CLASS (klass);

  object_class->dispose = mp_partner_page_dispose;
  object_class->finalize = mp_partner_page_finalize;

  page_class->refresh = mp_partner_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-partner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, choose_group);
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, excluded_label);
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, risk_group);
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, ddi_group);
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, interest_group);
  gtk_widget_class_bind_template_child (widget_class, MpPartnerPage, indicator_group);
}

static void
mp_partner_page_init (MpPartnerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choose_row = mp_row_new (&choose_desc, NULL, on_choose_selected_cb, self);
  adw_preferences_group_add (self->choose_group, mp_row_get_widget (self->choose_row));

  build_risk (self);
  build_ddi (self);
  build_interests (self);
  build_indicators (self);
}
