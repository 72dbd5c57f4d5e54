/* mp-overview-page.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-overview-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mp-assumptions.h"
#include "mp-bar-list.h"
#include "mp-deal-map.h"
#include "mp-format.h"
#include "mp-overview-page.h"
#include "mp-columns.h"
#include "mp-projection-chart.h"

/* The Overview answers "is this a good deal, for whom, and what could go
 * wrong?" in one screen: the headline figures (each with its formula inputs
 * in the tooltip), the projection, the deal map and the components that
 * drive both scores. */

enum {
  CARD_ADMISSIONS,
  CARD_PERSON_YEARS,
  CARD_REMITTANCES,
  CARD_NET_MIGRATION,
  CARD_FIT,
  CARD_NL_BENEFIT,
  CARD_BALANCE,
  N_CARDS
};

struct _MpOverviewPage
{
  MpPage             parent_instance;

  GtkWidget         *scroller;
  GtkLabel          *error_label;
  GtkFlowBox        *cards_box;
  GtkWidget         *evidence_box;
  GtkLabel          *evidence_label;
  MpProjectionChart *projection_chart;
  MpDealMap         *deal_map;
  MpBarList         *fit_bars;
  MpBarList         *nl_bars;

  GtkWidget         *cards[N_CARDS];
  GtkWidget         *safeguards_card;
  GtkLabel          *blocks_label;
  GtkLabel          *warnings_label;
  GtkLabel          *notes_label;
};

G_DEFINE_FINAL_TYPE (MpOverviewPage, mp_overview_page, MP_TYPE_PAGE)

/* A card with a big value, a caption and a tooltip. */
static GtkWidget *
headline_card_new (void)
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

static void
headline_card_set (GtkWidget  *card,
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

static void
append_assumption (GString         *text,
                   const MpPackage *package,
                   MpAssumptionId   id,
                   int              decimals)
{
  const MpAssumptionInfo *info = mp_assumption_info (id);
  double low, mode, high;
  g_autofree char *m = NULL;

  if (!mp_package_get_assumption (package, info->key, &low, &mode, &high))
    return;

  m = mp_format_number (mode, decimals);
  if (low != high)
    {
      g_autofree char *l = mp_format_number (low, decimals);
      g_autofree char *h = mp_format_number (high, decimals);

      /* Translators: an assumption: label, value, range; e.g.
       * "Fill rate: 0.85 (range 0.6–1)" */
      g_string_append_printf (text, _("\n• %s: %s (range %s–%s)"),
                              mp_assumption_info_label (info), m, l, h);
    }
  else
    g_string_append_printf (text, _("\n• %s: %s"), mp_assumption_info_label (info), m);
}

static void
append_components (GString *text,
                   GArray  *components)
{
  for (guint i = 0; components != NULL && i < components->len; i++)
    {
      const MpComponent *c = &g_array_index (components, MpComponent, i);
      g_autofree char *w = mp_format_number (c->weight, 1);
      g_autofree char *v = mp_format_number (c->delivered, c->delivered < 10 ? 2 : 0);
      g_autofree char *s = mp_format_number (c->satisfaction, 2);

      if (isfinite (c->scale))
        {
          g_autofree char *k = mp_format_number (c->scale, c->scale < 10 ? 2 : 0);

          /* Translators: a score component in a tooltip: label, weight,
           * delivered value with unit, reference scale, satisfaction */
          g_string_append_printf (text, _("\n• %s: weight %s, delivered %s %s, scale %s → %s"),
                                  c->label, w, v, c->unit ? c->unit : "", k, s);
        }
      else
        g_string_append_printf (text, _("\n• %s: weight %s, delivered %s %s → %s"),
                                c->label, w, v, c->unit ? c->unit : "", s);
    }
}

static double
expected_returns (const MpPackage *package)
{
  double total = 0;

  for (guint i = 0; package->asks != NULL && i < package->asks->len; i++)
    {
      const MpAsk *ask = g_ptr_array_index (package->asks, i);

      total += ask->returns_mode;
    }

  return total;
}

static void
update_cards (MpOverviewPage     *self,
              const MpPackage    *package,
              const MpEvaluation *eval)
{
  const double *h = eval->headline;
  int last_year = eval->start_year + eval->n_years - 1;
  g_autofree char *value = NULL;
  g_autofree char *caption = NULL;
  g_autoptr(GString) tip = NULL;
  double peak = 0;
  int peak_year = eval->start_year;

  /* Admissions */
  value = mp_format_number (h[MP_HEADLINE_ADMISSIONS], 0);
  tip = g_string_new (NULL);
  g_string_append_printf (tip,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Mean admissions a year over %d intake year: Σ quota × fill rate, plus conditional tranches × the chance their condition is met.",
                                       "Mean admissions a year over %d intake years: Σ quota × fill rate, plus conditional tranches × the chance their condition is met.",
                                       eval->n_intake_years),
                          eval->n_intake_years);
  append_assumption (tip, package, MP_ASSUMPTION_FILL_RATE, 2);
  append_assumption (tip, package, MP_ASSUMPTION_P_CONDITION_MET, 2);
  headline_card_set (self->cards[CARD_ADMISSIONS], value, _("admissions a year"), tip->str);
  g_clear_pointer (&value, g_free);
  g_string_free (g_steal_pointer (&tip), TRUE);

  /* Person-years */
  for (int y = 0; y < eval->n_years; y++)
    if (eval->total[y].person_years > peak)
      {
        peak = eval->total[y].person_years;
        peak_year = eval->start_year + y;
      }
  value = mp_format_number (h[MP_HEADLINE_PERSON_YEARS], 0);
  /* Translators: caption of a headline card; the years of the horizon */
  caption = g_strdup_printf (_("person-years, %d–%d"), eval->start_year, last_year);
  {
    g_autofree char *p = mp_format_number (peak, 0);

    tip = g_string_new (NULL);
    g_string_append_printf (tip, _("Σ over the years of months per stay ÷ 12 × participants present. Peak: %s person-years in %d."),
                            p, peak_year);
  }
  headline_card_set (self->cards[CARD_PERSON_YEARS], value, caption, tip->str);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&caption, g_free);
  g_string_free (g_steal_pointer (&tip), TRUE);

  /* Remittances */
  value = mp_format_money (h[MP_HEADLINE_REMITTANCES]);
  tip = g_string_new (_("Mean a year over the horizon: person-years × 12 × gross monthly wage of the sector × remittance share."));
  append_assumption (tip, package, MP_ASSUMPTION_REMITTANCE_SHARE, 2);
  append_assumption (tip, package, MP_ASSUMPTION_WAGE_FACTOR, 2);
  headline_card_set (self->cards[CARD_REMITTANCES], value, _("remittances a year"), tip->str);
  g_clear_pointer (&value, g_free);
  g_string_free (g_steal_pointer (&tip), TRUE);

  /* Net migration */
  value = mp_format_signed_number (h[MP_HEADLINE_NET_MIGRATION], 0);
  caption = g_strdup_printf (_("net migration by %d"), last_year);
  tip = g_string_new (_("Cumulative: participants who settle legally plus those who overstay at the end of their last stay. Circular and seasonal presence is temporary and not counted. Yardstick: a net migration of about 60,000 a year (Staatscommissie DO2050)."));
  append_assumption (tip, package, MP_ASSUMPTION_SETTLEMENT, 2);
  append_assumption (tip, package, MP_ASSUMPTION_OVERSTAY, 3);
  headline_card_set (self->cards[CARD_NET_MIGRATION], value, caption, tip->str);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&caption, g_free);
  g_string_free (g_steal_pointer (&tip), TRUE);

  /* Fit */
  value = mp_format_number (h[MP_HEADLINE_FIT], 0);
  tip = g_string_new (_("Partner fit = 100 × Σ weight × satisfaction ÷ Σ weight, with satisfaction = 1 − exp(−delivered ÷ scale):"));
  append_components (tip, eval->fit_components);
  headline_card_set (self->cards[CARD_FIT], value, _("partner fit (0–100)"), tip->str);
  g_clear_pointer (&value, g_free);
  g_string_free (g_steal_pointer (&tip), TRUE);

  /* NL benefit */
  value = mp_format_number (h[MP_HEADLINE_NL_BENEFIT], 0);
  tip = g_string_new (_("Netherlands benefit = 100 × Σ weight × satisfaction ÷ Σ weight:"));
  append_components (tip, eval->nl_components);
  headline_card_set (self->cards[CARD_NL_BENEFIT], value, _("NL benefit (0–100)"), tip->str);
  g_clear_pointer (&value, g_free);
  g_string_free (g_steal_pointer (&tip), TRUE);

  /* Balance */
  value = mp_format_signed_number (h[MP_HEADLINE_BALANCE], 0);
  {
    g_autofree char *f = mp_format_number (h[MP_HEADLINE_FIT], 1);
    g_autofree char *n = mp_format_number (h[MP_HEADLINE_NL_BENEFIT], 1);

    tip = g_string_new (NULL);
    g_string_append_printf (tip, _("Partner fit − NL benefit = %s − %s. Strongly negative means the Netherlands is the asking party, the evaluation's diagnosis of why partnerships stall."),
                            f, n);
  }
  headline_card_set (self->cards[CARD_BALANCE], value, _("balance (fit − NL benefit)"), tip->str);
  g_clear_pointer (&value, g_free);
  g_string_free (g_steal_pointer (&tip), TRUE);

  /* Safeguards */
  {
    g_autofree char *b = g_strdup_printf ("%d", eval->n_blocks);
    g_autofree char *w = g_strdup_printf ("%d", eval->n_warnings);
    g_autofree char *n = g_strdup_printf ("%d", eval->n_notes);
    g_autofree char *name = NULL;

    gtk_label_set_text (self->blocks_label, b);
    gtk_label_set_text (self->warnings_label, w);
    gtk_label_set_text (self->notes_label, n);

    tip = g_string_new (NULL);
    for (guint i = 0; eval->findings != NULL && i < eval->findings->len; i++)
      {
        const MpFinding *finding = g_ptr_array_index (eval->findings, i);

        if (finding->severity == MP_SEVERITY_NOTE)
          continue;
        if (tip->len > 0)
          g_string_append_c (tip, '\n');
        g_string_append_printf (tip, "• %s: %s", mp_severity_label (finding->severity), finding->message);
      }
    if (tip->len == 0)
      g_string_append (tip, _("No blocks or warnings."));
    gtk_widget_set_tooltip_text (self->safeguards_card, tip->str);

    /* Translators: accessible name of the safeguards card */
    name = g_strdup_printf (_("Safeguards: %d blocks, %d warnings, %d notes. Show the safeguards."),
                            eval->n_blocks, eval->n_warnings, eval->n_notes);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->safeguards_card),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    if (eval->n_blocks > 0)
      gtk_widget_add_css_class (self->safeguards_card, "blocked");
    else
      gtk_widget_remove_css_class (self->safeguards_card, "blocked");
    g_string_free (g_steal_pointer (&tip), TRUE);
  }
}

static void
update_evidence (MpOverviewPage  *self,
                 const MpPackage *package)
{
  double returns = expected_returns (package);
  double evidence = mp_package_assumption_value (package, MP_ASSUMPTION_EVIDENCE_RETURNS);
  g_autofree char *r = NULL;
  g_autofree char *e = NULL;
  g_autofree char *text = NULL;

  if (returns <= 0)
    {
      gtk_widget_set_visible (self->evidence_box, FALSE);
      return;
    }

  r = mp_format_number (returns, 0);
  e = mp_format_number (evidence, 0);
  if (returns > evidence)
    /* Translators: an evidence note on the Overview page */
    text = g_strdup_printf (_("Return cooperation is assumed to bring %s extra returns a year (mode). "
                              "Evidence: the only measured effect of a Dutch partnership was about +%s forced returns a year (Morocco) [evaluation]. "
                              "The assumption is %.1f times that."),
                            r, e, returns / evidence);
  else
    text = g_strdup_printf (_("Return cooperation is assumed to bring %s extra returns a year (mode). "
                              "Evidence: the only measured effect of a Dutch partnership was about +%s forced returns a year (Morocco) [evaluation]."),
                            r, e);
  gtk_label_set_text (self->evidence_label, text);
  gtk_widget_set_visible (self->evidence_box, TRUE);
}

static void
update_deal_map (MpOverviewPage *self)
{
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (MpDealPoint));
  gint64 current = mp_session_get_package_id (session);

  if (mp_session_get_document (session) == NULL)
    {
      mp_deal_map_set_points (self->deal_map, NULL, 0);
      return;
    }

  mp_session_evaluate_all (session, &packages, &evaluations, &ids);
  for (guint i = 0; i < packages->len; i++)
    {
      const MpPackage *package = g_ptr_array_index (packages, i);
      const MpEvaluation *eval = g_ptr_array_index (evaluations, i);
      MpDealPoint point = { 0 };

      point.name = package->name;
      point.nl_benefit = eval ? eval->headline[MP_HEADLINE_NL_BENEFIT] : NAN;
      point.fit = eval ? eval->headline[MP_HEADLINE_FIT] : NAN;
      point.highlighted = g_array_index (ids, gint64, i) == current;
      g_array_append_val (points, point);
    }

  mp_deal_map_set_points (self->deal_map, (const MpDealPoint *) (gpointer) points->data, points->len);
}

static void
mp_overview_page_refresh (MpPage *page)
{
  MpOverviewPage *self = MP_OVERVIEW_PAGE (page);
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  const MpPackage *package = mp_session_get_package (session);
  const MpEvaluation *eval = mp_session_get_evaluation (session);
  const char *error = mp_session_get_evaluation_error (session);

  if (package != NULL && eval == NULL && error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This package cannot be evaluated: %s"), error);

      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->cards_box), eval != NULL);

  if (package == NULL || eval == NULL)
    {
      gtk_widget_set_visible (self->evidence_box, FALSE);
      mp_projection_chart_set_evaluation (self->projection_chart, NULL, NULL);
      mp_bar_list_set_components (self->fit_bars, NULL);
      mp_bar_list_set_components (self->nl_bars, NULL);
      update_deal_map (self);
      return;
    }

  update_cards (self, package, eval);
  update_evidence (self, package);
  mp_projection_chart_set_evaluation (self->projection_chart, eval,
                                      mp_session_get_reference (session));
  mp_bar_list_set_components (self->fit_bars, eval->fit_components);
  mp_bar_list_set_components (self->nl_bars, eval->nl_components);
  update_deal_map (self);
}

/* Other packages changed: the deal map shows them all. */
static void
mp_overview_page_history_changed (MpPage *page)
{
  if (!mp_page_defer_while_hidden (page))
    update_deal_map (MP_OVERVIEW_PAGE (page));
}

static GtkWidget *
count_with_icon (const char  *icon_name,
                 const char  *tooltip,
                 GtkLabel   **label_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new ("0");

  gtk_widget_set_tooltip_text (box, tooltip);
  gtk_widget_add_css_class (label, "title-2");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  *label_out = GTK_LABEL (label);

  return box;
}

static void
build_cards (MpOverviewPage *self)
{
  GtkWidget *content;
  GtkWidget *counts;
  GtkWidget *caption;
  GtkWidget *icon;

  for (int i = 0; i < N_CARDS; i++)
    {
      self->cards[i] = headline_card_new ();
      gtk_flow_box_append (self->cards_box, self->cards[i]);
    }

  /* The safeguards card shows the counts with their icons (colour never
   * carries the meaning alone) and opens the Safeguards page. */
  self->safeguards_card = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->safeguards_card), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->safeguards_card), "s", "safeguards");
  gtk_widget_add_css_class (self->safeguards_card, "card");
  gtk_widget_add_css_class (self->safeguards_card, "headline-card");
  gtk_widget_add_css_class (self->safeguards_card, "safeguards-card");

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (counts), count_with_icon ("dialog-error-symbolic", _("Blocks"), &self->blocks_label));
  gtk_box_append (GTK_BOX (counts), count_with_icon ("dialog-warning-symbolic", _("Warnings"), &self->warnings_label));
  gtk_box_append (GTK_BOX (counts), count_with_icon ("dialog-information-symbolic", _("Notes"), &self->notes_label));
  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_hexpand (icon, TRUE);
  gtk_widget_set_halign (icon, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (counts), icon);
  caption = gtk_label_new (_("blocks, warnings and notes"));
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_box_append (GTK_BOX (content), counts);
  gtk_box_append (GTK_BOX (content), caption);
  gtk_button_set_child (GTK_BUTTON (self->safeguards_card), content);
  gtk_flow_box_append (self->cards_box, self->safeguards_card);

  /* Flow box children take focus themselves; the cards inside carry the
   * accessible names, so the wrappers need not be focusable. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static void
mp_overview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (mp_overview_page_parent_class)->dispose (object);
}

static void
mp_overview_page_class_init (MpOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpPageClass *page_class = MP_PAGE_CLASS (klass);

  object_class->dispose = mp_overview_page_dispose;

  page_class->refresh = mp_overview_page_refresh;
  page_class->history_changed = mp_overview_page_history_changed;

  g_type_ensure (MP_TYPE_PROJECTION_CHART);
  g_type_ensure (MP_TYPE_DEAL_MAP);
  g_type_ensure (MP_TYPE_BAR_LIST);

  g_type_ensure (MP_TYPE_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, projection_chart);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, deal_map);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, fit_bars);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, nl_bars);
}

static void
mp_overview_page_init (MpOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_cards (self);
}
