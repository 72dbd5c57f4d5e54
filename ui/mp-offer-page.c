/* mp-offer-page.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-offer-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mp-evaluation.h"
#include "mp-format.h"
#include "mp-offer-page.h"
#include "mp-columns.h"
#include "mp-page-util.h"
#include "mp-scheme-item.h"

/* The Offer page is where the work happens: the schemes of the package in a
 * table with an editor for the selected one, the other offers, the asks,
 * the conditional tranches and the package settings.  Every edit is one
 * undoable command in the document (mp_session_commit()); the session then
 * re-evaluates the package and this page refreshes its widgets in place,
 * without emitting their change signals, so the focus stays where it is. */

typedef enum
{
  F_QUOTA,
  F_FIRST_YEAR,
  F_INTAKE_YEARS,
  F_MONTHS,
  F_STAYS,
  F_TRAINING,
  F_HOME_TRACK,
  F_COST,
  F_EMPLOYER_SHARE,
  F_FEES,
  N_SPIN_FIELDS
} SpinField;

typedef enum
{
  S_MANDATORY_RETURN,
  S_LANGUAGE,
  S_COMPLAINTS,
  S_REINTEGRATION,
  S_G2G,
  S_RETURN_INCENTIVES,
  N_SWITCH_FIELDS
} SwitchField;

typedef struct
{
  const char *title;
  const char *subtitle;
  double      min;
  double      max;
  double      step;
  guint       digits;
  const char *unit;
} SpinSpec;

static const SpinSpec spin_specs[N_SPIN_FIELDS] = {
  [F_QUOTA] = { N_("Annual quota"), N_("Admissions a year (q)"), 0, 1000000, 10, 0, N_("a year") },
  [F_FIRST_YEAR] = { N_("First intake"), N_("Year of the first admissions (a)"), 2000, 2100, 1, 0, NULL },
  [F_INTAKE_YEARS] = { N_("Intake years"), N_("Years with admissions (n)"), 1, 50, 1, 0, N_("years") },
  [F_MONTHS] = { N_("Months per stay"), N_("1–12; under 12 means seasonal returns (m)"), 1, 12, 1, 0, N_("months") },
  [F_STAYS] = { N_("Stays per participant"), N_("Years in which a participant comes (c)"), 1, 50, 1, 0, N_("stays") },
  [F_TRAINING] = { N_("Pre-departure training"), N_("Language and skills training before the first stay"), 0, 60, 1, 1, N_("months") },
  [F_HOME_TRACK] = { N_("Home-track trainees"), N_("Trained for the partner's own labour market, per mobile participant (h)"), 0, 50, 0.5, 2, N_("per participant") },
  [F_COST] = { N_("Cost per participant"), N_("Recruitment, travel, training and support"), 0, 1000000, 500, 0, N_("€") },
  [F_EMPLOYER_SHARE] = { N_("Employer share"), N_("Part of the cost paid by employers"), 0, 100, 5, 0, N_("%") },
  [F_FEES] = { N_("Recruitment fees paid by workers"), N_("Must be none (ILO General Principles for Fair Recruitment)"), 0, 100000, 50, 0, N_("€") },
};

typedef struct
{
  const char *title;
  const char *subtitle;
} SwitchSpec;

static const SwitchSpec switch_specs[N_SWITCH_FIELDS] = {
  [S_MANDATORY_RETURN] = { N_("Mandatory return"), N_("Participants return home after each stay") },
  [S_LANGUAGE] = { N_("Language and integration support"), NULL },
  [S_COMPLAINTS] = { N_("Complaints channel"), N_("Workers can report abuse independently of the employer") },
  [S_REINTEGRATION] = { N_("Reintegration support"), N_("Help to apply new skills at home after the last stay") },
  [S_G2G] = { N_("Government-to-government agreement"), N_("With support for the partner's health system (WHO Code)") },
  [S_RETURN_INCENTIVES] = { N_("Return incentives"), N_("For study schemes: reasons for graduates to return") },
};

/* The presets: real schemes from data/schemes.md, sized for the
 * Netherlands.  Design parameters are the real ones; quotas are scaled. */
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
    N_("Spain–Morocco GECCO: fixed-discontinuous contracts with a 4-year authorisation, at most 9 months of work a year, and a yearly check that workers returned; about 16,000 Moroccan workers in 2023 (15,350 in Huelva). Quota scaled to 500 a year for the Netherlands. Sources: data/schemes.md §2.1 (press sources, indicative)."),
    MP_SCHEME_CIRCULAR, "agriculture_horticulture", 500, 5, 9, 4, TRUE, 0.5, 0, 2500, 0.8, TRUE, TRUE, FALSE,
  },
  {
    "rse", N_("Seasonal horticulture (RSE-like)"), N_("Seasonal horticulture (RSE-like)"),
    N_("New Zealand Recognised Seasonal Employer scheme: cap 19,500 (2023/24), stays of up to 7 months, about half of first-timers return the next season, overstay about 1 %. Quota scaled to 300 a year. Sources: data/schemes.md §2.7."),
    MP_SCHEME_SEASONAL, "agriculture_horticulture", 300, 5, 7, 3, TRUE, 0, 0, 2000, 0.7, TRUE, FALSE, FALSE,
  },
  {
    "triple-win", N_("Care talent partnership (Triple Win-like)"), N_("Nurses and carers (Triple Win-like)"),
    N_("Germany's Triple Win (GIZ with ZAV, since 2013): only partners with a surplus of trained nurses, in line with the WHO Code; language and nursing preparation before departure; first visa 1 year with extensions; more than 4,500 nurses placed. Quota 150 a year for the Netherlands. Sources: data/schemes.md §2.3."),
    MP_SCHEME_TALENT_PARTNERSHIP, "health_social_care", 150, 5, 12, 5, FALSE, 8, 0, 20000, 0.65, TRUE, TRUE, TRUE,
  },
  {
    "palim", N_("ICT talent partnership with home track (PALIM-like)"), N_("ICT talents with home track (PALIM-like)"),
    N_("Belgium–Morocco PALIM (Enabel, 2019–2021): €1,496,448.50 for 120 trainees selected from 9,677 applicants, 5 months of training, 90 on the home track and 30 on the away track, about €12,470 a trainee. Sources: data/schemes.md §2.9."),
    MP_SCHEME_TALENT_PARTNERSHIP, "ict", 30, 3, 12, 2, FALSE, 5, 3, 12470, 0.3, TRUE, TRUE, FALSE,
  },
};

typedef struct
{
  GtkWidget     *row;
  GtkSpinButton *amount;
  GtkSpinButton *jobs;
  GtkDropDown   *partner;
  AdwEntryRow   *note;
} OfferRow;

typedef struct
{
  GtkWidget     *row;
  GtkSpinButton *low;
  GtkSpinButton *mode;
  GtkSpinButton *high;
  GtkSpinButton *level;
  GtkDropDown   *partner;
  AdwEntryRow   *note;
} AskRow;

typedef struct
{
  GtkWidget     *row;
  AdwEntryRow   *label;
  GtkDropDown   *scheme;
  GtkSpinButton *year;
  GtkSpinButton *quota;
  GtkDropDown   *condition;
} TrancheRow;

struct _MpOfferPage
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  GtkLabel           *commit_error_label;
  GtkSearchEntry     *filter_entry;
  GtkMenuButton      *preset_button;
  GtkMenuButton      *empty_preset_button;
  GtkStack           *schemes_stack;
  GtkColumnView      *scheme_view;
  GtkLabel           *filter_empty_label;
  GtkWidget          *editor_box;
  GtkImage           *editor_icon;
  GtkLabel           *editor_title;
  GtkListBox         *scheme_findings;
  GtkWidget          *editor_groups;
  GtkBox             *editor_left;
  GtkBox             *editor_right;
  AdwPreferencesGroup *offers_group;
  GtkMenuButton      *add_offer_button;
  AdwPreferencesGroup *asks_group;
  GtkMenuButton      *add_ask_button;
  AdwPreferencesGroup *tranches_group;
  AdwPreferencesGroup *settings_group;
  AdwPreferencesGroup *partners_group;

  /* The scheme table */
  GListStore         *scheme_store;
  GtkStringFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *scheme_selection;
  guint               selected;          /* scheme index, G_MAXUINT for none */
  gboolean            syncing;

  /* The scheme editor */
  AdwEntryRow        *name_row;
  GtkWidget          *kind_row;
  GtkDropDown        *kind_drop;
  GtkWidget          *partner_row;
  GtkDropDown        *partner_drop;
  GPtrArray          *partner_codes;     /* iso3 in partner_drop's order */
  GtkWidget          *sector_row;
  GtkDropDown        *sector_drop;
  GPtrArray          *sector_codes;
  GtkWidget          *spin_rows[N_SPIN_FIELDS];
  GtkSpinButton      *spins[N_SPIN_FIELDS];
  GtkWidget          *switch_rows[N_SWITCH_FIELDS];
  GtkSwitch          *switches[N_SWITCH_FIELDS];

  /* Offers, asks, tranches, settings, partners */
  GArray             *offer_rows;        /* OfferRow */
  GArray             *ask_rows;          /* AskRow */
  GArray             *tranche_rows;      /* TrancheRow */
  char               *offers_signature;
  char               *asks_signature;
  char               *tranches_signature;
  char               *partners_signature;
  AdwEntryRow        *package_name_row;
  AdwEntryRow        *description_row;
  GtkSpinButton      *start_year_spin;
  GtkSpinButton      *horizon_spin;
  GtkSpinButton      *nl_weight_spins[MP_N_NL_COMPONENTS];
  GPtrArray          *partner_rows;
  GtkWidget          *add_partner_row;
  GtkDropDown        *add_partner_drop;
  GPtrArray          *add_partner_codes;

  MpSession          *session;
  gint64              last_package_id;
  /* Updates wait until the page is shown: only the visible page works. */
  gboolean            dirty;
};

G_DEFINE_FINAL_TYPE (MpOfferPage, mp_offer_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update (MpOfferPage *self);

/* ---- Committing ------------------------------------------------------------ */

static gboolean
commit (MpOfferPage     *self,
        const MpPackage *package,
        const char      *label)
{
  g_autoptr(GError) error = NULL;

  if (!mp_session_commit (self->session, package, label, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The change was not made: %s"), error->message);

      gtk_label_set_text (self->commit_error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->commit_error_label), TRUE);
      /* Put the widgets back to what the document holds. */
      update (self);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->commit_error_label), FALSE);
  return TRUE;
}

static MpScheme *
selected_scheme (MpOfferPage *self,
                 MpPackage   *package)
{
  if (package == NULL || self->selected >= package->schemes->len)
    return NULL;

  return g_ptr_array_index (package->schemes, self->selected);
}

static char *
dup_scheme_label (const MpScheme *scheme)
{
  /* Translators: the name of an undoable edit; %s is a scheme name */
  return g_strdup_printf (_("Edit scheme “%s”"), scheme->name ? scheme->name : "");
}

static const char *
partner_name (MpOfferPage *self,
              const char  *iso3)
{
  const MpReference *reference = mp_session_get_reference (self->session);
  const MpPartner *partner = reference && iso3 ? mp_reference_find_partner (reference, iso3) : NULL;

  return partner != NULL && partner->name != NULL ? partner->name : (iso3 ? iso3 : "");
}

/* ---- The scheme editor ------------------------------------------------------ */

static void
on_spin_changed_cb (GtkSpinButton *spin,
                    MpOfferPage   *self)
{
  SpinField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "mp-field"));
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme = selected_scheme (self, package);
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *label = NULL;

  if (scheme == NULL)
    return;

  switch (field)
    {
    case F_QUOTA: scheme->quota = value; break;
    case F_FIRST_YEAR: scheme->first_year = (int) value; break;
    case F_INTAKE_YEARS: scheme->intake_years = (int) value; break;
    case F_MONTHS: scheme->months = (int) value; break;
    case F_STAYS: scheme->stays = (int) value; break;
    case F_TRAINING: scheme->training_months = value; break;
    case F_HOME_TRACK: scheme->home_track_ratio = value; break;
    case F_COST: scheme->cost_per_participant = value; break;
    case F_EMPLOYER_SHARE: scheme->employer_share = value / 100.0; break;
    case F_FEES: scheme->recruitment_fees = value; break;
    case N_SPIN_FIELDS:
    default:
      g_assert_not_reached ();
    }

  label = dup_scheme_label (scheme);
  commit (self, package, label);
}

static void
on_switch_changed_cb (GtkSwitch   *sw,
                      GParamSpec  *pspec,
                      MpOfferPage *self)
{
  SwitchField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sw), "mp-field"));
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme = selected_scheme (self, package);
  gboolean value = gtk_switch_get_active (sw);
  g_autofree char *label = NULL;

  if (scheme == NULL)
    return;

  switch (field)
    {
    case S_MANDATORY_RETURN: scheme->mandatory_return = value; break;
    case S_LANGUAGE: scheme->language_support = value; break;
    case S_COMPLAINTS: scheme->complaints_channel = value; break;
    case S_REINTEGRATION: scheme->reintegration_support = value; break;
    case S_G2G: scheme->g2g_health_support = value; break;
    case S_RETURN_INCENTIVES: scheme->return_incentives = value; break;
    case N_SWITCH_FIELDS:
    default:
      g_assert_not_reached ();
    }

  label = dup_scheme_label (scheme);
  commit (self, package, label);
}

static void
on_name_applied_cb (AdwEntryRow *row,
                    MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme = selected_scheme (self, package);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (scheme == NULL)
    return;

  if (name[0] == '\0')
    {
      mp_editable_set_text_quietly (GTK_EDITABLE (row), scheme->name, self);
      return;
    }

  g_free (scheme->name);
  scheme->name = g_steal_pointer (&name);
  commit (self, package, _("Rename scheme"));
}

static void
on_kind_selected_cb (GtkDropDown *drop,
                     GParamSpec  *pspec,
                     MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme = selected_scheme (self, package);
  guint kind = gtk_drop_down_get_selected (drop);
  g_autofree char *label = NULL;

  if (scheme == NULL || kind >= MP_N_SCHEME_KINDS)
    return;

  scheme->kind = kind;
  label = dup_scheme_label (scheme);
  commit (self, package, label);
}

static void
on_code_selected_cb (GtkDropDown *drop,
                     GParamSpec  *pspec,
                     MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme = selected_scheme (self, package);
  gboolean is_partner = drop == self->partner_drop;
  GPtrArray *codes = is_partner ? self->partner_codes : self->sector_codes;
  guint position = gtk_drop_down_get_selected (drop);
  g_autofree char *label = NULL;
  char **field;

  if (scheme == NULL || position >= codes->len)
    return;

  field = is_partner ? &scheme->partner : &scheme->sector;
  g_free (*field);
  *field = g_strdup (g_ptr_array_index (codes, position));
  label = dup_scheme_label (scheme);
  commit (self, package, label);
}

static GtkWidget *
new_group (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_set_valign (group, GTK_ALIGN_START);
  return group;
}

static void
add_spin (MpOfferPage *self,
          GtkWidget   *group,
          SpinField    field)
{
  const SpinSpec *spec = &spin_specs[field];

  self->spin_rows[field] = mp_spin_row_new (_(spec->title), _(spec->subtitle), spec->min, spec->max,
                                            spec->step, spec->digits,
                                            spec->unit ? _(spec->unit) : NULL, &self->spins[field]);
  g_object_set_data (G_OBJECT (self->spins[field]), "mp-field", GINT_TO_POINTER (field));
  g_signal_connect (self->spins[field], "value-changed", G_CALLBACK (on_spin_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->spin_rows[field]);
}

static void
add_switch (MpOfferPage *self,
            GtkWidget   *group,
            SwitchField  field)
{
  const SwitchSpec *spec = &switch_specs[field];

  self->switch_rows[field] = mp_switch_row_new (_(spec->title), spec->subtitle ? _(spec->subtitle) : NULL,
                                                &self->switches[field]);
  g_object_set_data (G_OBJECT (self->switches[field]), "mp-field", GINT_TO_POINTER (field));
  g_signal_connect (self->switches[field], "notify::active", G_CALLBACK (on_switch_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->switch_rows[field]);
}

static void
build_editor (MpOfferPage *self)
{
  g_autoptr(GStrvBuilder) kinds = g_strv_builder_new ();
  g_auto(GStrv) kind_labels = NULL;
  const char *empty[] = { NULL };
  GtkWidget *group;

  for (int k = 0; k < MP_N_SCHEME_KINDS; k++)
    g_strv_builder_add (kinds, mp_scheme_kind_label (k));
  kind_labels = g_strv_builder_end (kinds);

  group = new_group (_("Scheme"));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  adw_entry_row_set_show_apply_button (self->name_row, TRUE);
  g_signal_connect (self->name_row, "apply", G_CALLBACK (on_name_applied_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  self->kind_row = mp_drop_down_row_new (_("Kind"), NULL, (const char * const *) kind_labels, &self->kind_drop);
  g_signal_connect (self->kind_drop, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->kind_row);
  self->partner_row = mp_drop_down_row_new (_("Partner"), NULL, empty, &self->partner_drop);
  g_signal_connect (self->partner_drop, "notify::selected", G_CALLBACK (on_code_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->partner_row);
  self->sector_row = mp_drop_down_row_new (_("Sector"), _("Dutch labour-market sector"), empty, &self->sector_drop);
  g_signal_connect (self->sector_drop, "notify::selected", G_CALLBACK (on_code_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->sector_row);
  gtk_box_append (self->editor_left, group);

  group = new_group (_("Numbers"));
  add_spin (self, group, F_QUOTA);
  add_spin (self, group, F_FIRST_YEAR);
  add_spin (self, group, F_INTAKE_YEARS);
  add_spin (self, group, F_MONTHS);
  add_spin (self, group, F_STAYS);
  gtk_box_append (self->editor_left, group);

  group = new_group (_("Training and Return"));
  add_switch (self, group, S_MANDATORY_RETURN);
  add_spin (self, group, F_TRAINING);
  add_spin (self, group, F_HOME_TRACK);
  add_switch (self, group, S_REINTEGRATION);
  add_switch (self, group, S_RETURN_INCENTIVES);
  gtk_box_append (self->editor_right, group);

  group = new_group (_("Cost and Protection"));
  add_spin (self, group, F_COST);
  add_spin (self, group, F_EMPLOYER_SHARE);
  add_spin (self, group, F_FEES);
  add_switch (self, group, S_LANGUAGE);
  add_switch (self, group, S_COMPLAINTS);
  add_switch (self, group, S_G2G);
  gtk_box_append (self->editor_right, group);
}

static void
set_drop_model (GtkDropDown *drop,
                GPtrArray   *labels,
                guint        selected,
                gpointer     data)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (labels, i));

  g_signal_handlers_block_matched (drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  gtk_drop_down_set_model (drop, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop, selected);
  g_signal_handlers_unblock_matched (drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
}

static void
clear_row_messages (MpOfferPage *self)
{
  for (int i = 0; i < N_SPIN_FIELDS; i++)
    mp_row_set_error (self->spin_rows[i], NULL);
  for (int i = 0; i < N_SWITCH_FIELDS; i++)
    mp_row_set_error (self->switch_rows[i], NULL);
  mp_row_set_error (self->partner_row, NULL);
  mp_row_set_error (self->sector_row, NULL);
  mp_row_set_error (self->kind_row, NULL);
}

static GtkWidget *
row_for_rule (MpOfferPage *self,
              const char  *rule)
{
  static const struct { const char *rule; int kind; int field; } map[] = {
    { "who-ssl-health", 2, 0 },
    { "vacancies-missing", 2, 0 },
    { "wage-fallback", 2, 0 },
    { "excluded-partner", 1, 0 },
    { "demographic-window", 1, 0 },
    { "risk-not-allowed", 1, 0 },
    { "recruitment-fees", 3, F_FEES },
    { "skilled-no-training", 3, F_TRAINING },
    { "health-workforce-share", 3, F_QUOTA },
    { "study-no-return-incentives", 4, S_RETURN_INCENTIVES },
    { "circular-no-reintegration", 4, S_REINTEGRATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (g_strcmp0 (map[i].rule, rule) != 0)
        continue;
      switch (map[i].kind)
        {
        case 1: return self->partner_row;
        case 2: return self->sector_row;
        case 3: return self->spin_rows[map[i].field];
        case 4: return self->switch_rows[map[i].field];
        default: return NULL;
        }
    }

  return NULL;
}

static const char *
severity_icon (MpSeverity severity)
{
  switch (severity)
    {
    case MP_SEVERITY_BLOCK: return "dialog-error-symbolic";
    case MP_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case MP_SEVERITY_NOTE:
    case MP_N_SEVERITY:
    default: return "dialog-information-symbolic";
    }
}

static void
update_editor_messages (MpOfferPage     *self,
                        const MpPackage *package,
                        const MpScheme  *scheme)
{
  const MpEvaluation *eval = mp_session_get_evaluation (self->session);
  int last_year = package->start_year + package->horizon - 1;
  guint n_findings = 0;

  clear_row_messages (self);
  mp_container_remove_all (GTK_WIDGET (self->scheme_findings));

  /* What the field itself says, before any rule. */
  if (scheme->quota <= 0)
    mp_row_set_warning (self->spin_rows[F_QUOTA], _("A quota of 0 admits no one."));
  if (scheme->first_year < package->start_year || scheme->first_year > last_year)
    {
      g_autofree char *text = g_strdup_printf (_("The first intake falls outside the horizon of the package (%d–%d)."),
                                               package->start_year, last_year);
      mp_row_set_warning (self->spin_rows[F_FIRST_YEAR], text);
    }
  else if (scheme->first_year + scheme->intake_years - 1 > last_year)
    {
      g_autofree char *text = g_strdup_printf (_("Intakes after %d fall outside the horizon and are not counted."),
                                               last_year);
      mp_row_set_warning (self->spin_rows[F_INTAKE_YEARS], text);
    }
  if (scheme->months < 12 && scheme->kind == MP_SCHEME_TALENT_PARTNERSHIP)
    mp_row_set_warning (self->spin_rows[F_MONTHS],
                        _("Talent partnerships are usually year-round; under 12 months every participant returns each season."));

  if (eval == NULL || eval->findings == NULL)
    return;

  /* The safeguard findings for this scheme, under the field they concern
   * and in a list above the editor. */
  for (guint i = 0; i < eval->findings->len; i++)
    {
      const MpFinding *finding = g_ptr_array_index (eval->findings, i);
      GtkWidget *row;
      GtkWidget *target;

      if (finding->scheme < 0 || (guint) finding->scheme != self->selected)
        continue;

      target = row_for_rule (self, finding->rule);
      if (target != NULL)
        {
          if (finding->severity == MP_SEVERITY_BLOCK)
            mp_row_set_error (target, finding->message);
          else if (finding->severity == MP_SEVERITY_WARNING)
            mp_row_set_warning (target, finding->message);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->source ? finding->source : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (severity_icon (finding->severity)));
      if (finding->severity == MP_SEVERITY_BLOCK)
        gtk_widget_add_css_class (row, "error");
      else if (finding->severity == MP_SEVERITY_WARNING)
        gtk_widget_add_css_class (row, "warning");
      gtk_list_box_append (self->scheme_findings, row);
      n_findings++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->scheme_findings), n_findings > 0);
}

static void
update_editor (MpOfferPage     *self,
               const MpPackage *package)
{
  const MpReference *reference = mp_session_get_reference (self->session);
  const MpScheme *scheme;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  gboolean found = FALSE;

  if (package == NULL || self->selected >= package->schemes->len)
    {
      gtk_widget_set_visible (self->editor_box, FALSE);
      return;
    }

  scheme = g_ptr_array_index (package->schemes, self->selected);
  gtk_widget_set_visible (self->editor_box, TRUE);
  gtk_label_set_text (self->editor_title, scheme->name);
  gtk_image_set_from_icon_name (self->editor_icon, mp_scheme_kind_icon_name (scheme->kind));

  mp_editable_set_text_quietly (GTK_EDITABLE (self->name_row), scheme->name, self);
  mp_drop_down_set_selected_quietly (self->kind_drop, scheme->kind, self);

  /* Partners: those of the package, and the scheme's own if it is not one. */
  g_ptr_array_set_size (self->partner_codes, 0);
  for (guint i = 0; package->partners != NULL && package->partners[i] != NULL; i++)
    {
      g_ptr_array_add (self->partner_codes, g_strdup (package->partners[i]));
      g_ptr_array_add (labels, g_strdup (partner_name (self, package->partners[i])));
      if (g_strcmp0 (package->partners[i], scheme->partner) == 0)
        {
          selected = i;
          found = TRUE;
        }
    }
  if (!found && scheme->partner != NULL)
    {
      selected = self->partner_codes->len;
      g_ptr_array_add (self->partner_codes, g_strdup (scheme->partner));
      g_ptr_array_add (labels, g_strdup (partner_name (self, scheme->partner)));
    }
  set_drop_model (self->partner_drop, labels, selected, self);

  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (self->sector_codes, 0);
  selected = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; reference != NULL && i < reference->sectors->len; i++)
    {
      const MpSector *sector = g_ptr_array_index (reference->sectors, i);

      g_ptr_array_add (self->sector_codes, g_strdup (sector->code));
      g_ptr_array_add (labels, g_strdup (sector->name ? sector->name : sector->code));
      if (g_strcmp0 (sector->code, scheme->sector) == 0)
        selected = i;
    }
  set_drop_model (self->sector_drop, labels, selected, self);

  mp_spin_set_value_quietly (self->spins[F_QUOTA], scheme->quota, self);
  mp_spin_set_value_quietly (self->spins[F_FIRST_YEAR], scheme->first_year, self);
  mp_spin_set_value_quietly (self->spins[F_INTAKE_YEARS], scheme->intake_years, self);
  mp_spin_set_value_quietly (self->spins[F_MONTHS], scheme->months, self);
  mp_spin_set_value_quietly (self->spins[F_STAYS], scheme->stays, self);
  mp_spin_set_value_quietly (self->spins[F_TRAINING], scheme->training_months, self);
  mp_spin_set_value_quietly (self->spins[F_HOME_TRACK], scheme->home_track_ratio, self);
  mp_spin_set_value_quietly (self->spins[F_COST], scheme->cost_per_participant, self);
  mp_spin_set_value_quietly (self->spins[F_EMPLOYER_SHARE], round (scheme->employer_share * 100.0), self);
  mp_spin_set_value_quietly (self->spins[F_FEES], scheme->recruitment_fees, self);
  mp_switch_set_active_quietly (self->switches[S_MANDATORY_RETURN], scheme->mandatory_return, self);
  mp_switch_set_active_quietly (self->switches[S_LANGUAGE], scheme->language_support, self);
  mp_switch_set_active_quietly (self->switches[S_COMPLAINTS], scheme->complaints_channel, self);
  mp_switch_set_active_quietly (self->switches[S_REINTEGRATION], scheme->reintegration_support, self);
  mp_switch_set_active_quietly (self->switches[S_G2G], scheme->g2g_health_support, self);
  mp_switch_set_active_quietly (self->switches[S_RETURN_INCENTIVES], scheme->return_incentives, self);

  update_editor_messages (self, package, scheme);
}

/* ---- The scheme table ----------------------------------------------------------- */

typedef enum
{
  COL_NAME,
  COL_KIND,
  COL_PARTNER,
  COL_SECTOR,
  COL_QUOTA,
  COL_YEARS,
  COL_MONTHS,
  COL_STAYS,
  COL_COST,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  const char *property;
  gboolean    numeric;
} columns[N_COLUMNS] = {
  [COL_NAME] = { N_("Scheme"), "name", FALSE },
  [COL_KIND] = { N_("Kind"), "kind-label", FALSE },
  [COL_PARTNER] = { N_("Partner"), "partner", FALSE },
  [COL_SECTOR] = { N_("Sector"), "sector", FALSE },
  [COL_QUOTA] = { N_("Quota a year"), "quota", TRUE },
  [COL_YEARS] = { N_("Years"), "years", TRUE },
  [COL_MONTHS] = { N_("Months"), "months", TRUE },
  [COL_STAYS] = { N_("Stays"), "stays", TRUE },
  [COL_COST] = { N_("Cost per participant"), "cost", TRUE },
};

static void
update_cell (GtkListItem *list_item)
{
  MpSchemeItem *item = gtk_list_item_get_item (list_item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "mp-column"));
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkInscription *inscription;
  g_autofree char *text = NULL;

  if (item == NULL)
    return;

  if (column == COL_KIND)
    {
      int kind = 0;

      g_object_get (item, "kind", &kind, "kind-label", &text, NULL);
      gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (child)),
                                    mp_scheme_kind_icon_name (kind));
      inscription = GTK_INSCRIPTION (gtk_widget_get_last_child (child));
    }
  else
    {
      inscription = GTK_INSCRIPTION (child);
      switch (column)
        {
        case COL_QUOTA:
        case COL_COST:
          {
            double value = 0;

            g_object_get (item, columns[column].property, &value, NULL);
            text = column == COL_COST ? mp_format_money (value) : mp_format_number (value, 0);
          }
          break;
        case COL_YEARS:
        case COL_MONTHS:
        case COL_STAYS:
          {
            int value = 0;

            g_object_get (item, columns[column].property, &value, NULL);
            text = g_strdup_printf ("%d", value);
          }
          break;
        case COL_NAME:
        case COL_PARTNER:
        case COL_SECTOR:
        case COL_KIND:
        case N_COLUMNS:
        default:
          g_object_get (item, columns[column].property, &text, NULL);
          break;
        }
    }

  gtk_inscription_set_text (inscription, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (inscription), text);
}

static void
on_scheme_item_notify_cb (MpSchemeItem *item,
                          GParamSpec   *pspec,
                          GtkListItem  *list_item)
{
  update_cell (list_item);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  g_object_set_data (G_OBJECT (list_item), "mp-column", user_data);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription),
                                 column == COL_NAME ? 18 : column == COL_KIND ? 14 : columns[column].numeric ? 4 : 10);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), column == COL_NAME ? 32 : (columns[column].numeric ? 8 : 18));
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (columns[column].numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }

  if (column == COL_KIND)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_widget_set_hexpand (inscription, TRUE);
      gtk_box_append (GTK_BOX (box), inscription);
      gtk_list_item_set_child (list_item, box);
    }
  else
    gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  MpSchemeItem *item = gtk_list_item_get_item (list_item);

  update_cell (list_item);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_scheme_item_notify_cb), list_item, 0);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  MpSchemeItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_scheme_item_notify_cb, list_item);
}

static void
build_columns (MpOfferPage *self)
{
  for (int c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkExpression *expression;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (c));

      column = gtk_column_view_column_new (_(columns[c].title), g_object_ref (factory));
      expression = gtk_property_expression_new (MP_TYPE_SCHEME_ITEM, NULL, columns[c].property);
      if (columns[c].numeric)
        sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
      else
        sorter = GTK_SORTER (gtk_string_sorter_new (expression));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == COL_NAME)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->scheme_view, column);
    }
}

static guint
position_of_index (MpOfferPage *self,
                   guint        index)
{
  GListModel *model = G_LIST_MODEL (self->scheme_selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpSchemeItem) item = g_list_model_get_item (model, i);

      if (mp_scheme_item_get_index (item) == index)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
sync_table_selection (MpOfferPage *self)
{
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->scheme_selection, position_of_index (self, self->selected));
  self->syncing = FALSE;
}

static void
update_table (MpOfferPage     *self,
              const MpPackage *package)
{
  const MpReference *reference = mp_session_get_reference (self->session);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->scheme_store));
  guint n_schemes = package != NULL ? package->schemes->len : 0;

  if (n_items == n_schemes)
    {
      for (guint i = 0; i < n_schemes; i++)
        {
          g_autoptr(MpSchemeItem) item = g_list_model_get_item (G_LIST_MODEL (self->scheme_store), i);

          mp_scheme_item_update (item, g_ptr_array_index (package->schemes, i), reference);
        }
    }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_schemes; i++)
        g_ptr_array_add (items, mp_scheme_item_new (i, g_ptr_array_index (package->schemes, i), reference));

      self->syncing = TRUE;
      g_list_store_splice (self->scheme_store, 0, n_items, items->pdata, items->len);
      self->syncing = FALSE;
    }

  if (self->selected >= n_schemes)
    self->selected = n_schemes > 0 ? 0 : G_MAXUINT;

  gtk_stack_set_visible_child_name (self->schemes_stack, n_schemes > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_empty_label),
                          n_schemes > 0 && g_list_model_get_n_items (G_LIST_MODEL (self->scheme_selection)) == 0);
  sync_table_selection (self);
}

static void
on_scheme_selected_cb (GtkSingleSelection *selection,
                       GParamSpec         *pspec,
                       MpOfferPage        *self)
{
  MpSchemeItem *item;

  if (self->syncing)
    return;

  item = gtk_single_selection_get_selected_item (selection);
  if (item == NULL)
    return;

  self->selected = mp_scheme_item_get_index (item);
  update_editor (self, mp_session_get_package (self->session));
}

static void
on_filter_changed_cb (GtkSearchEntry *entry,
                      MpOfferPage    *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  guint n_schemes = g_list_model_get_n_items (G_LIST_MODEL (self->scheme_store));

  gtk_string_filter_set_search (self->filter, text[0] != '\0' ? text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_empty_label),
                          n_schemes > 0 && g_list_model_get_n_items (G_LIST_MODEL (self->scheme_selection)) == 0);
  sync_table_selection (self);
}

/* ---- Other offers ---------------------------------------------------------------- */

static const char *
offer_unit (MpOfferKind kind)
{
  switch (kind)
    {
    case MP_OFFER_INVESTMENT:
    case MP_OFFER_TRADE:
    case MP_OFFER_CAPACITY_BUILDING:
      return _("€ a year");
    case MP_OFFER_SCHOLARSHIPS:
      return _("a year");
    case MP_OFFER_VISA:
      return _("level 0–3");
    case MP_N_OFFER_KINDS:
    default:
      return "";
    }
}

static char *
format_offer (const MpOffer *offer)
{
  switch (offer->kind)
    {
    case MP_OFFER_INVESTMENT:
    case MP_OFFER_TRADE:
    case MP_OFFER_CAPACITY_BUILDING:
      {
        g_autofree char *money = mp_format_money (offer->amount);

        /* Translators: an amount of money a year, e.g. "€ 10 m a year" */
        return g_strdup_printf (_("%s a year"), money);
      }
    case MP_OFFER_SCHOLARSHIPS:
      {
        g_autofree char *n = mp_format_number (offer->amount, 0);

        return g_strdup_printf (_("%s scholarships a year"), n);
      }
    case MP_OFFER_VISA:
      return g_strdup_printf (_("Level %.0f of 3 (information only: visas are an EU competence)"), offer->amount);
    case MP_N_OFFER_KINDS:
    default:
      return g_strdup ("");
    }
}

static int
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "mp-index"));
}

static void
on_offer_value_changed_cb (GtkWidget   *widget,
                           MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  int index = row_index (widget);
  MpOffer *offer;

  if (package == NULL || index < 0 || (guint) index >= package->offers->len)
    return;

  offer = g_ptr_array_index (package->offers, index);
  if (GTK_IS_SPIN_BUTTON (widget))
    {
      if (g_object_get_data (G_OBJECT (widget), "mp-jobs") != NULL)
        offer->jobs = gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget));
      else
        offer->amount = gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget));
    }
  else if (ADW_IS_ENTRY_ROW (widget))
    {
      g_free (offer->note);
      offer->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
    }

  commit (self, package, _("Edit offer"));
}

static void
on_offer_partner_selected_cb (GtkDropDown *drop,
                              GParamSpec  *pspec,
                              MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  int index = row_index (GTK_WIDGET (drop));
  guint position = gtk_drop_down_get_selected (drop);
  GStrv kind_partners;
  MpOffer *offer;

  if (package == NULL || index < 0 || (guint) index >= package->offers->len)
    return;

  kind_partners = package->partners;
  if (kind_partners == NULL || position >= g_strv_length (kind_partners))
    return;

  offer = g_ptr_array_index (package->offers, index);
  g_free (offer->partner);
  offer->partner = g_strdup (kind_partners[position]);
  commit (self, package, _("Edit offer"));
}

static void
remove_item (MpOfferPage *self,
             GtkWidget   *button,
             const char  *what)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  int index = row_index (button);
  GPtrArray *array;
  const char *label;

  if (package == NULL)
    return;

  if (g_str_equal (what, "offer"))
    {
      array = package->offers;
      label = _("Remove offer");
    }
  else if (g_str_equal (what, "ask"))
    {
      array = package->asks;
      label = _("Remove ask");
    }
  else
    {
      array = package->tranches;
      label = _("Remove tranche");
    }

  if (index < 0 || (guint) index >= array->len)
    return;

  g_ptr_array_remove_index (array, index);
  commit (self, package, label);
}

static void
on_remove_clicked_cb (GtkButton   *button,
                      MpOfferPage *self)
{
  remove_item (self, GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "mp-what"));
}

static GtkWidget *
new_remove_button (int         index,
                   const char *what,
                   const char *accessible_name,
                   MpOfferPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove (can be undone)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_object_set_data (G_OBJECT (button), "mp-index", GINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "mp-what", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);

  return button;
}

static GtkDropDown *
add_partner_choice (MpOfferPage     *self,
                    GtkWidget       *expander,
                    const MpPackage *package,
                    const char      *current,
                    int              index,
                    GCallback        callback)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) strv = NULL;
  GtkDropDown *drop;
  GtkWidget *row;
  guint selected = 0;

  if (package->partners == NULL || g_strv_length (package->partners) < 2)
    return NULL;

  for (guint i = 0; package->partners[i] != NULL; i++)
    {
      g_ptr_array_add (labels, g_strdup (partner_name (self, package->partners[i])));
      if (g_strcmp0 (package->partners[i], current) == 0)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);
  strv = (GStrv) g_ptr_array_free (g_steal_pointer (&labels), FALSE);

  row = mp_drop_down_row_new (_("Partner"), NULL, (const char * const *) strv, &drop);
  gtk_drop_down_set_selected (drop, selected);
  g_object_set_data (G_OBJECT (drop), "mp-index", GINT_TO_POINTER (index));
  g_signal_connect (drop, "notify::selected", callback, self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  return drop;
}

static guint
partner_position (const MpPackage *package,
                  const char      *iso3)
{
  for (guint i = 0; package->partners != NULL && package->partners[i] != NULL; i++)
    if (g_strcmp0 (package->partners[i], iso3) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static char *
signature_of_package_partners (const MpPackage *package)
{
  return package->partners ? g_strjoinv (",", package->partners) : g_strdup ("");
}

static void
remove_rows (AdwPreferencesGroup *group,
             GArray              *rows,
             gsize                row_offset)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = *(GtkWidget **) (gpointer) (rows->data + i * g_array_get_element_size (rows) + row_offset);

      adw_preferences_group_remove (group, row);
    }
  g_array_set_size (rows, 0);
}

static void
update_offers (MpOfferPage     *self,
               const MpPackage *package)
{
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree char *partners = signature_of_package_partners (package);

  g_string_append_printf (signature, "%s;", partners);
  for (guint i = 0; i < package->offers->len; i++)
    g_string_append_printf (signature, "%d,", ((MpOffer *) g_ptr_array_index (package->offers, i))->kind);

  if (g_strcmp0 (signature->str, self->offers_signature) != 0)
    {
      g_free (self->offers_signature);
      self->offers_signature = g_strdup (signature->str);
      remove_rows (self->offers_group, self->offer_rows, G_STRUCT_OFFSET (OfferRow, row));

      for (guint i = 0; i < package->offers->len; i++)
        {
          const MpOffer *offer = g_ptr_array_index (package->offers, i);
          OfferRow r = { 0 };
          GtkWidget *row;
          g_autofree char *remove_name = NULL;

          r.row = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r.row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r.row), mp_offer_kind_label (offer->kind));
          /* Translators: accessible name of a remove button; %s names the item */
          remove_name = g_strdup_printf (_("Remove “%s”"), mp_offer_kind_label (offer->kind));
          adw_expander_row_add_action (ADW_EXPANDER_ROW (r.row),
                                       new_remove_button (i, "offer", remove_name, self));

          row = mp_spin_row_new (_("Amount"), NULL, 0, 1e10,
                                 offer->kind == MP_OFFER_VISA ? 1 : (offer->kind == MP_OFFER_SCHOLARSHIPS ? 10 : 100000),
                                 0, offer_unit (offer->kind), &r.amount);
          if (offer->kind == MP_OFFER_VISA)
            gtk_spin_button_set_range (r.amount, 0, 3);
          g_object_set_data (G_OBJECT (r.amount), "mp-index", GINT_TO_POINTER (i));
          g_signal_connect (r.amount, "value-changed", G_CALLBACK (on_offer_value_changed_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), row);

          if (offer->kind == MP_OFFER_TRADE)
            {
              row = mp_spin_row_new (_("Jobs created"), _("In the partner country"), 0, 1e8, 100, 0,
                                     _("jobs"), &r.jobs);
              g_object_set_data (G_OBJECT (r.jobs), "mp-index", GINT_TO_POINTER (i));
              g_object_set_data (G_OBJECT (r.jobs), "mp-jobs", GINT_TO_POINTER (1));
              g_signal_connect (r.jobs, "value-changed", G_CALLBACK (on_offer_value_changed_cb), self);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), row);
            }

          r.partner = add_partner_choice (self, r.row, package, offer->partner, i,
                                          G_CALLBACK (on_offer_partner_selected_cb));

          r.note = ADW_ENTRY_ROW (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r.note), _("Note"));
          adw_entry_row_set_show_apply_button (r.note, TRUE);
          g_object_set_data (G_OBJECT (r.note), "mp-index", GINT_TO_POINTER (i));
          g_signal_connect (r.note, "apply", G_CALLBACK (on_offer_value_changed_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), GTK_WIDGET (r.note));

          adw_preferences_group_add (self->offers_group, r.row);
          g_array_append_val (self->offer_rows, r);
        }
    }

  for (guint i = 0; i < self->offer_rows->len; i++)
    {
      OfferRow *r = &g_array_index (self->offer_rows, OfferRow, i);
      const MpOffer *offer = g_ptr_array_index (package->offers, i);
      g_autofree char *subtitle = format_offer (offer);
      g_autofree char *full = NULL;

      if (package->partners != NULL && g_strv_length (package->partners) > 1)
        full = g_strdup_printf ("%s · %s", partner_name (self, offer->partner), subtitle);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (r->row), full ? full : subtitle);
      mp_spin_set_value_quietly (r->amount, offer->amount, self);
      if (r->partner != NULL)
        mp_drop_down_set_selected_quietly (r->partner, partner_position (package, offer->partner), self);
      if (r->jobs != NULL)
        mp_spin_set_value_quietly (r->jobs, offer->jobs, self);
      mp_editable_set_text_quietly (GTK_EDITABLE (r->note), offer->note, self);
    }
}

/* ---- Asks -------------------------------------------------------------------------- */

static gboolean
ask_has_returns (MpAskKind kind)
{
  return kind == MP_ASK_RETURN_READMISSION || kind == MP_ASK_VOLUNTARY_RETURN || kind == MP_ASK_RETURN_HUBS;
}

static const char *
ask_evidence (MpAskKind kind)
{
  switch (kind)
    {
    case MP_ASK_INFORMATION_CAMPAIGNS:
      return _("Evidence: no measurable effect on migration intentions (3ie review of 112 studies); the evaluation recommends stopping them [evaluation §3.3].");
    case MP_ASK_RETURN_READMISSION:
    case MP_ASK_VOLUNTARY_RETURN:
    case MP_ASK_RETURN_HUBS:
      return _("Evidence: the only measured effect of a Dutch partnership was about +112 forced returns a year (Morocco) [evaluation].");
    case MP_ASK_REFOULEMENT_TRANSFERS:
    case MP_ASK_PUSHBACKS:
    case MP_ASK_DETENTION_WITHOUT_RIGHTS:
      return _("Never allowed, whatever the country: it breaches non-refoulement or the rights of the people concerned [advisory report, rec. 3].");
    case MP_ASK_PROTECTION_IN_REGION:
    case MP_ASK_ANTI_SMUGGLING:
    case MP_ASK_BORDER_MANAGEMENT:
    case MP_ASK_COAST_GUARD:
    case MP_ASK_EXTERNAL_ASYLUM:
    case MP_N_ASK_KINDS:
    default:
      return NULL;
    }
}

static void
on_ask_value_changed_cb (GtkWidget   *widget,
                         MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  int index = row_index (widget);
  const char *which = g_object_get_data (G_OBJECT (widget), "mp-which");
  MpAsk *ask;

  if (package == NULL || index < 0 || (guint) index >= package->asks->len)
    return;

  ask = g_ptr_array_index (package->asks, index);
  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_free (ask->note);
      ask->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
    }
  else
    {
      double value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget));

      if (g_strcmp0 (which, "low") == 0)
        ask->returns_low = value;
      else if (g_strcmp0 (which, "mode") == 0)
        ask->returns_mode = value;
      else if (g_strcmp0 (which, "high") == 0)
        ask->returns_high = value;
      else
        ask->level = (int) value;

      /* Keep low ≤ mode ≤ high while one of them is edited. */
      if (g_strcmp0 (which, "low") == 0)
        {
          ask->returns_mode = MAX (ask->returns_mode, ask->returns_low);
          ask->returns_high = MAX (ask->returns_high, ask->returns_mode);
        }
      else if (g_strcmp0 (which, "high") == 0)
        {
          ask->returns_mode = MIN (ask->returns_mode, ask->returns_high);
          ask->returns_low = MIN (ask->returns_low, ask->returns_mode);
        }
      else if (g_strcmp0 (which, "mode") == 0)
        {
          ask->returns_low = MIN (ask->returns_low, ask->returns_mode);
          ask->returns_high = MAX (ask->returns_high, ask->returns_mode);
        }
    }

  commit (self, package, _("Edit ask"));
}

static void
on_ask_partner_selected_cb (GtkDropDown *drop,
                            GParamSpec  *pspec,
                            MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  int index = row_index (GTK_WIDGET (drop));
  guint position = gtk_drop_down_get_selected (drop);
  MpAsk *ask;

  if (package == NULL || index < 0 || (guint) index >= package->asks->len ||
      package->partners == NULL || position >= g_strv_length (package->partners))
    return;

  ask = g_ptr_array_index (package->asks, index);
  g_free (ask->partner);
  ask->partner = g_strdup (package->partners[position]);
  commit (self, package, _("Edit ask"));
}

static GtkSpinButton *
add_ask_spin (MpOfferPage *self,
              GtkWidget   *expander,
              const char  *title,
              const char  *subtitle,
              double       max,
              double       step,
              const char  *unit,
              const char  *which,
              int          index)
{
  GtkSpinButton *spin;
  GtkWidget *row = mp_spin_row_new (title, subtitle, 0, max, step, 0, unit, &spin);

  g_object_set_data (G_OBJECT (spin), "mp-index", GINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (spin), "mp-which", (gpointer) which);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_ask_value_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  return spin;
}

static void
update_asks (MpOfferPage     *self,
             const MpPackage *package)
{
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree char *partners = signature_of_package_partners (package);

  g_string_append_printf (signature, "%s;", partners);
  for (guint i = 0; i < package->asks->len; i++)
    g_string_append_printf (signature, "%d,", ((MpAsk *) g_ptr_array_index (package->asks, i))->kind);

  if (g_strcmp0 (signature->str, self->asks_signature) != 0)
    {
      g_free (self->asks_signature);
      self->asks_signature = g_strdup (signature->str);
      remove_rows (self->asks_group, self->ask_rows, G_STRUCT_OFFSET (AskRow, row));

      for (guint i = 0; i < package->asks->len; i++)
        {
          const MpAsk *ask = g_ptr_array_index (package->asks, i);
          const char *evidence = ask_evidence (ask->kind);
          g_autofree char *remove_name = NULL;
          gboolean never = FALSE;
          AskRow r = { 0 };

          r.row = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r.row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r.row), mp_ask_kind_label (ask->kind));
          remove_name = g_strdup_printf (_("Remove “%s”"), mp_ask_kind_label (ask->kind));
          adw_expander_row_add_action (ADW_EXPANDER_ROW (r.row),
                                       new_remove_button (i, "ask", remove_name, self));

          mp_ask_measure_risk (ask->kind, &never);
          if (never)
            {
              adw_expander_row_add_prefix (ADW_EXPANDER_ROW (r.row),
                                           gtk_image_new_from_icon_name ("dialog-error-symbolic"));
              gtk_widget_add_css_class (r.row, "error");
            }

          if (ask_has_returns (ask->kind))
            {
              r.low = add_ask_spin (self, r.row, _("Expected extra returns, low"), NULL, 1e6, 10, _("a year"), "low", i);
              r.mode = add_ask_spin (self, r.row, _("Expected extra returns, most likely"), NULL, 1e6, 10, _("a year"), "mode", i);
              r.high = add_ask_spin (self, r.row, _("Expected extra returns, high"), NULL, 1e6, 10, _("a year"), "high", i);
            }
          else if (ask->kind != MP_ASK_INFORMATION_CAMPAIGNS)
            r.level = add_ask_spin (self, r.row, _("Agreed level"), _("0 none, 1 limited, 2 substantial, 3 full"),
                                    3, 1, NULL, "level", i);

          r.partner = add_partner_choice (self, r.row, package, ask->partner, i,
                                          G_CALLBACK (on_ask_partner_selected_cb));

          if (evidence != NULL)
            {
              GtkWidget *row = adw_action_row_new ();

              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence);
              adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
              adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                         gtk_image_new_from_icon_name ("dialog-information-symbolic"));
              adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), row);
            }

          r.note = ADW_ENTRY_ROW (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r.note), _("Note"));
          adw_entry_row_set_show_apply_button (r.note, TRUE);
          g_object_set_data (G_OBJECT (r.note), "mp-index", GINT_TO_POINTER (i));
          g_signal_connect (r.note, "apply", G_CALLBACK (on_ask_value_changed_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), GTK_WIDGET (r.note));

          adw_preferences_group_add (self->asks_group, r.row);
          g_array_append_val (self->ask_rows, r);
        }
    }

  for (guint i = 0; i < self->ask_rows->len; i++)
    {
      AskRow *r = &g_array_index (self->ask_rows, AskRow, i);
      const MpAsk *ask = g_ptr_array_index (package->asks, i);
      gboolean never = FALSE;
      MpRisk risk = mp_ask_measure_risk (ask->kind, &never);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (package->partners != NULL && g_strv_length (package->partners) > 1)
        g_string_append_printf (subtitle, "%s · ", partner_name (self, ask->partner));
      if (never)
        g_string_append (subtitle, _("Never allowed"));
      else
        /* Translators: %s is a risk class: low, medium, high */
        g_string_append_printf (subtitle, _("Measure risk: %s"), mp_risk_label (risk));
      if (ask_has_returns (ask->kind))
        {
          g_autofree char *mode = mp_format_number (ask->returns_mode, 0);

          g_string_append_printf (subtitle, _(" · %s extra returns a year"), mode);
        }
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (r->row), subtitle->str);

      if (r->low != NULL)
        {
          mp_spin_set_value_quietly (r->low, ask->returns_low, self);
          mp_spin_set_value_quietly (r->mode, ask->returns_mode, self);
          mp_spin_set_value_quietly (r->high, ask->returns_high, self);
        }
      if (r->level != NULL)
        mp_spin_set_value_quietly (r->level, ask->level, self);
      if (r->partner != NULL)
        mp_drop_down_set_selected_quietly (r->partner, partner_position (package, ask->partner), self);
      mp_editable_set_text_quietly (GTK_EDITABLE (r->note), ask->note, self);
    }
}

/* ---- Tranches ------------------------------------------------------------------------ */

static void
on_tranche_changed_cb (GtkWidget   *widget,
                       MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  int index = row_index (widget);
  const char *which = g_object_get_data (G_OBJECT (widget), "mp-which");
  MpTranche *tranche;

  if (package == NULL || index < 0 || (guint) index >= package->tranches->len)
    return;

  tranche = g_ptr_array_index (package->tranches, index);
  if (g_strcmp0 (which, "label") == 0)
    {
      g_free (tranche->label);
      tranche->label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
    }
  else if (g_strcmp0 (which, "year") == 0)
    tranche->release_year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget));
  else if (g_strcmp0 (which, "quota") == 0)
    tranche->extra_quota = gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget));
  else if (g_strcmp0 (which, "scheme") == 0)
    {
      guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (widget));

      if (position >= package->schemes->len)
        return;
      g_free (tranche->scheme);
      tranche->scheme = g_strdup (((MpScheme *) g_ptr_array_index (package->schemes, position))->name);
    }
  else if (g_strcmp0 (which, "condition") == 0)
    {
      guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (widget));

      if (position >= MP_N_ASK_KINDS)
        return;
      tranche->condition = position;
    }

  commit (self, package, _("Edit tranche"));
}

static void
on_tranche_selected_cb (GtkDropDown *drop,
                        GParamSpec  *pspec,
                        MpOfferPage *self)
{
  on_tranche_changed_cb (GTK_WIDGET (drop), self);
}

static void
update_tranches (MpOfferPage     *self,
                 const MpPackage *package)
{
  g_autoptr(GString) signature = g_string_new (NULL);

  g_string_append_printf (signature, "%u;", package->tranches->len);
  for (guint i = 0; i < package->schemes->len; i++)
    g_string_append_printf (signature, "%s\x1f", ((MpScheme *) g_ptr_array_index (package->schemes, i))->name);

  if (g_strcmp0 (signature->str, self->tranches_signature) != 0)
    {
      g_autoptr(GStrvBuilder) ask_builder = g_strv_builder_new ();
      g_auto(GStrv) ask_labels = NULL;
      g_autoptr(GStrvBuilder) scheme_builder = g_strv_builder_new ();
      g_auto(GStrv) scheme_labels = NULL;

      g_free (self->tranches_signature);
      self->tranches_signature = g_strdup (signature->str);
      remove_rows (self->tranches_group, self->tranche_rows, G_STRUCT_OFFSET (TrancheRow, row));

      for (int k = 0; k < MP_N_ASK_KINDS; k++)
        g_strv_builder_add (ask_builder, mp_ask_kind_label (k));
      ask_labels = g_strv_builder_end (ask_builder);
      for (guint s = 0; s < package->schemes->len; s++)
        g_strv_builder_add (scheme_builder, ((MpScheme *) g_ptr_array_index (package->schemes, s))->name);
      scheme_labels = g_strv_builder_end (scheme_builder);

      for (guint i = 0; i < package->tranches->len; i++)
        {
          TrancheRow r = { 0 };
          GtkWidget *row;

          r.row = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r.row), FALSE);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (r.row),
                                       new_remove_button (i, "tranche", _("Remove tranche"), self));

          r.label = ADW_ENTRY_ROW (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r.label), _("Label"));
          adw_entry_row_set_show_apply_button (r.label, TRUE);
          g_object_set_data (G_OBJECT (r.label), "mp-index", GINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (r.label), "mp-which", (gpointer) "label");
          g_signal_connect (r.label, "apply", G_CALLBACK (on_tranche_changed_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), GTK_WIDGET (r.label));

          row = mp_drop_down_row_new (_("Scheme"), _("The scheme that gets the extra quota"),
                                      (const char * const *) scheme_labels, &r.scheme);
          g_object_set_data (G_OBJECT (r.scheme), "mp-index", GINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (r.scheme), "mp-which", (gpointer) "scheme");
          g_signal_connect (r.scheme, "notify::selected", G_CALLBACK (on_tranche_selected_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), row);

          row = mp_spin_row_new (_("Extra quota"), NULL, 0, 1000000, 10, 0, _("a year"), &r.quota);
          g_object_set_data (G_OBJECT (r.quota), "mp-index", GINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (r.quota), "mp-which", (gpointer) "quota");
          g_signal_connect (r.quota, "value-changed", G_CALLBACK (on_tranche_changed_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), row);

          row = mp_spin_row_new (_("Released from"), NULL, 2000, 2100, 1, 0, NULL, &r.year);
          g_object_set_data (G_OBJECT (r.year), "mp-index", GINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (r.year), "mp-which", (gpointer) "year");
          g_signal_connect (r.year, "value-changed", G_CALLBACK (on_tranche_changed_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), row);

          row = mp_drop_down_row_new (_("When delivered"), _("The ask that releases the tranche"),
                                      (const char * const *) ask_labels, &r.condition);
          g_object_set_data (G_OBJECT (r.condition), "mp-index", GINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (r.condition), "mp-which", (gpointer) "condition");
          g_signal_connect (r.condition, "notify::selected", G_CALLBACK (on_tranche_selected_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (r.row), row);

          adw_preferences_group_add (self->tranches_group, r.row);
          g_array_append_val (self->tranche_rows, r);
        }
    }

  for (guint i = 0; i < self->tranche_rows->len; i++)
    {
      TrancheRow *r = &g_array_index (self->tranche_rows, TrancheRow, i);
      const MpTranche *tranche = g_ptr_array_index (package->tranches, i);
      g_autofree char *quota = mp_format_number (tranche->extra_quota, 0);
      g_autofree char *subtitle = NULL;
      guint scheme_position = GTK_INVALID_LIST_POSITION;

      for (guint s = 0; s < package->schemes->len; s++)
        if (g_strcmp0 (((MpScheme *) g_ptr_array_index (package->schemes, s))->name, tranche->scheme) == 0)
          scheme_position = s;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row),
                                     tranche->label && tranche->label[0] ? tranche->label : _("Tranche"));
      /* Translators: a conditional tranche: extra quota, scheme, year, condition */
      subtitle = g_strdup_printf (_("+%s a year for “%s” from %d, when %s is delivered"),
                                  quota, tranche->scheme ? tranche->scheme : "", tranche->release_year,
                                  mp_ask_kind_label (tranche->condition));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (r->row), subtitle);
      mp_editable_set_text_quietly (GTK_EDITABLE (r->label), tranche->label, self);
      mp_drop_down_set_selected_quietly (r->scheme, scheme_position, self);
      mp_spin_set_value_quietly (r->quota, tranche->extra_quota, self);
      mp_spin_set_value_quietly (r->year, tranche->release_year, self);
      mp_drop_down_set_selected_quietly (r->condition, tranche->condition, self);
    }
}

/* ---- Package settings and partners ----------------------------------------------------- */

static void
on_settings_changed_cb (GtkWidget   *widget,
                        MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  const char *label = _("Edit package settings");

  if (package == NULL)
    return;

  if (widget == GTK_WIDGET (self->package_name_row))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));

      if (name[0] == '\0')
        {
          mp_editable_set_text_quietly (GTK_EDITABLE (widget), package->name, self);
          return;
        }
      g_free (package->name);
      package->name = g_steal_pointer (&name);
      label = _("Rename package");
    }
  else if (widget == GTK_WIDGET (self->description_row))
    {
      g_free (package->description);
      package->description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
    }
  else if (widget == GTK_WIDGET (self->start_year_spin))
    package->start_year = gtk_spin_button_get_value_as_int (self->start_year_spin);
  else if (widget == GTK_WIDGET (self->horizon_spin))
    package->horizon = gtk_spin_button_get_value_as_int (self->horizon_spin);
  else
    {
      for (int c = 0; c < MP_N_NL_COMPONENTS; c++)
        if (widget == GTK_WIDGET (self->nl_weight_spins[c]))
          package->nl_weights[c] = gtk_spin_button_get_value (self->nl_weight_spins[c]);
      label = _("Edit the Netherlands’ weights");
    }

  commit (self, package, label);
}

static void
build_settings (MpOfferPage *self)
{
  GtkWidget *row;
  GtkWidget *expander;

  self->package_name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->package_name_row), _("Package name"));
  adw_entry_row_set_show_apply_button (self->package_name_row, TRUE);
  g_signal_connect (self->package_name_row, "apply", G_CALLBACK (on_settings_changed_cb), self);
  adw_preferences_group_add (self->settings_group, GTK_WIDGET (self->package_name_row));

  self->description_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->description_row), _("Description"));
  adw_entry_row_set_show_apply_button (self->description_row, TRUE);
  g_signal_connect (self->description_row, "apply", G_CALLBACK (on_settings_changed_cb), self);
  adw_preferences_group_add (self->settings_group, GTK_WIDGET (self->description_row));

  row = mp_spin_row_new (_("Start year"), _("First year of the projection"), 2000, 2100, 1, 0, NULL,
                         &self->start_year_spin);
  g_signal_connect (self->start_year_spin, "value-changed", G_CALLBACK (on_settings_changed_cb), self);
  adw_preferences_group_add (self->settings_group, row);

  row = mp_spin_row_new (_("Horizon"), _("Years projected"), 1, 50, 1, 0, _("years"), &self->horizon_spin);
  g_signal_connect (self->horizon_spin, "value-changed", G_CALLBACK (on_settings_changed_cb), self);
  adw_preferences_group_add (self->settings_group, row);

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Weights of the Netherlands’ benefit"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("0 ignores a component, 5 counts it most"));
  for (int c = 0; c < MP_N_NL_COMPONENTS; c++)
    {
      row = mp_spin_row_new (mp_nl_component_label (c), NULL, 0, 5, 0.5, 1, NULL, &self->nl_weight_spins[c]);
      g_signal_connect (self->nl_weight_spins[c], "value-changed", G_CALLBACK (on_settings_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  adw_preferences_group_add (self->settings_group, expander);
}

static gboolean
partner_in_use (const MpPackage *package,
                const char      *iso3)
{
  for (guint i = 0; i < package->schemes->len; i++)
    if (g_strcmp0 (((MpScheme *) g_ptr_array_index (package->schemes, i))->partner, iso3) == 0)
      return TRUE;
  for (guint i = 0; i < package->offers->len; i++)
    if (g_strcmp0 (((MpOffer *) g_ptr_array_index (package->offers, i))->partner, iso3) == 0)
      return TRUE;
  for (guint i = 0; i < package->asks->len; i++)
    if (g_strcmp0 (((MpAsk *) g_ptr_array_index (package->asks, i))->partner, iso3) == 0)
      return TRUE;

  return FALSE;
}

static void
on_remove_partner_clicked_cb (GtkButton   *button,
                              MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  const char *iso3 = g_object_get_data (G_OBJECT (button), "mp-iso3");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (package == NULL || package->partners == NULL)
    return;

  if (partner_in_use (package, iso3))
    {
      mp_row_set_error (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW),
                        _("Schemes, offers or asks of this package concern this partner: change them first."));
      return;
    }

  for (guint i = 0; package->partners[i] != NULL; i++)
    if (g_strcmp0 (package->partners[i], iso3) != 0)
      g_strv_builder_add (builder, package->partners[i]);
  g_strfreev (package->partners);
  package->partners = g_strv_builder_end (builder);
  commit (self, package, _("Remove partner"));
}

static void
on_add_partner_clicked_cb (GtkButton   *button,
                           MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  guint position = gtk_drop_down_get_selected (self->add_partner_drop);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (package == NULL || position >= self->add_partner_codes->len)
    return;

  if (package->partners != NULL)
    g_strv_builder_addv (builder, (const char **) package->partners);
  g_strv_builder_add (builder, g_ptr_array_index (self->add_partner_codes, position));
  g_strfreev (package->partners);
  package->partners = g_strv_builder_end (builder);
  commit (self, package, _("Add partner"));
}

static void
update_partners (MpOfferPage     *self,
                 const MpPackage *package)
{
  const MpReference *reference = mp_session_get_reference (self->session);
  g_autofree char *signature = signature_of_package_partners (package);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) strv = NULL;
  guint n_partners = package->partners ? g_strv_length (package->partners) : 0;
  GtkExpression *expression;
  GtkWidget *button;

  if (g_strcmp0 (signature, self->partners_signature) == 0)
    return;

  g_free (self->partners_signature);
  self->partners_signature = g_steal_pointer (&signature);

  for (guint i = 0; i < self->partner_rows->len; i++)
    adw_preferences_group_remove (self->partners_group, g_ptr_array_index (self->partner_rows, i));
  g_ptr_array_set_size (self->partner_rows, 0);
  if (self->add_partner_row != NULL)
    adw_preferences_group_remove (self->partners_group, self->add_partner_row);
  self->add_partner_row = NULL;

  for (guint i = 0; i < n_partners; i++)
    {
      const MpPartner *partner = reference ? mp_reference_find_partner (reference, package->partners[i]) : NULL;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_name = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), partner_name (self, package->partners[i]));
      subtitle = g_strdup_printf ("%s · %s", package->partners[i],
                                  partner && partner->region ? partner->region : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "mp-subtitle", g_strdup (subtitle), g_free);

      remove_name = g_strdup_printf (_("Remove “%s”"), partner_name (self, package->partners[i]));
      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, n_partners > 1 && !mp_session_is_read_only (self->session));
      gtk_widget_set_tooltip_text (button, n_partners > 1 ? _("Remove this partner") : _("A package needs at least one partner"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data_full (G_OBJECT (button), "mp-iso3", g_strdup (package->partners[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_partner_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->partners_group, row);
      g_ptr_array_add (self->partner_rows, row);
    }

  g_ptr_array_set_size (self->add_partner_codes, 0);
  for (guint i = 0; reference != NULL && i < reference->partners->len; i++)
    {
      const MpPartner *partner = g_ptr_array_index (reference->partners, i);

      if (partner->excluded || mp_partner_is_reference_country (partner) ||
          (package->partners != NULL && g_strv_contains ((const char * const *) package->partners, partner->iso3)))
        continue;
      g_ptr_array_add (self->add_partner_codes, g_strdup (partner->iso3));
      g_ptr_array_add (labels, g_strdup (partner->name ? partner->name : partner->iso3));
    }
  g_ptr_array_add (labels, NULL);
  strv = (GStrv) g_ptr_array_free (g_steal_pointer (&labels), FALSE);

  self->add_partner_row = mp_drop_down_row_new (_("Add a partner"), _("Makes this a regional package"),
                                                (const char * const *) strv, &self->add_partner_drop);
  gtk_drop_down_set_enable_search (self->add_partner_drop, TRUE);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->add_partner_drop, expression);
  gtk_expression_unref (expression);
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add this partner to the package"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add partner"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_partner_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->add_partner_row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->add_partner_row), NULL);
  adw_preferences_group_add (self->partners_group, self->add_partner_row);
  gtk_widget_set_sensitive (self->add_partner_row, !mp_session_is_read_only (self->session));
}

static void
update_settings (MpOfferPage     *self,
                 const MpPackage *package)
{
  mp_editable_set_text_quietly (GTK_EDITABLE (self->package_name_row), package->name, self);
  mp_editable_set_text_quietly (GTK_EDITABLE (self->description_row), package->description, self);
  mp_spin_set_value_quietly (self->start_year_spin, package->start_year, self);
  mp_spin_set_value_quietly (self->horizon_spin, package->horizon, self);
  for (int c = 0; c < MP_N_NL_COMPONENTS; c++)
    mp_spin_set_value_quietly (self->nl_weight_spins[c], package->nl_weights[c], self);
  update_partners (self, package);
}

/* ---- Actions ------------------------------------------------------------------------------ */

static MpScheme *
new_scheme_for (const MpPackage *package,
                const MpReference *reference)
{
  MpScheme *scheme = mp_scheme_new ();
  const MpSector *sector = reference && reference->sectors->len > 0
                           ? g_ptr_array_index (reference->sectors, 0) : NULL;

  scheme->partner = g_strdup (package->partners && package->partners[0] ? package->partners[0] : NULL);
  if (scheme->sector == NULL && sector != NULL)
    scheme->sector = g_strdup (sector->code);
  scheme->first_year = package->start_year;
  scheme->intake_years = MIN (5, MAX (1, package->horizon));

  return scheme;
}

static char *
dup_unique_scheme_name (const MpPackage *package,
                        const char      *base)
{
  char *name = g_strdup (base);

  for (guint n = 2; n < 10000; n++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < package->schemes->len && !taken; i++)
        taken = g_strcmp0 (((MpScheme *) g_ptr_array_index (package->schemes, i))->name, name) == 0;
      if (!taken)
        break;
      g_free (name);
      /* Translators: a scheme name made unique, e.g. "New scheme 2" */
      name = g_strdup_printf (_("%s %u"), base, n);
    }

  return name;
}

static void
add_scheme (MpOfferPage *self,
            MpPackage   *package,
            MpScheme    *scheme,
            const char  *label)
{
  g_ptr_array_add (package->schemes, scheme);
  self->selected = package->schemes->len - 1;
  if (commit (self, package, label))
    {
      update (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
}

static void
add_scheme_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme;

  if (package == NULL)
    return;

  scheme = new_scheme_for (package, mp_session_get_reference (self->session));
  scheme->name = dup_unique_scheme_name (package, _("New scheme"));
  add_scheme (self, package, scheme, _("Add scheme"));
}

static void
add_preset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  const MpReference *reference = mp_session_get_reference (self->session);
  const Preset *preset = NULL;
  MpScheme *scheme;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      preset = &presets[i];

  if (package == NULL || preset == NULL)
    return;

  scheme = new_scheme_for (package, reference);
  scheme->name = dup_unique_scheme_name (package, _(preset->name));
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

  add_scheme (self, package, scheme, _("Add scheme from preset"));
}

static void
duplicate_scheme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme = selected_scheme (self, package);
  MpScheme *copy;

  if (scheme == NULL)
    return;

  copy = mp_scheme_copy (scheme);
  g_free (copy->name);
  copy->name = dup_unique_scheme_name (package, scheme->name);
  add_scheme (self, package, copy, _("Duplicate scheme"));
}

static void
remove_scheme_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme = selected_scheme (self, package);
  g_autofree char *name = NULL;

  if (scheme == NULL)
    return;

  name = g_strdup (scheme->name);
  /* Tranches name their scheme: they go with it. */
  for (guint i = package->tranches->len; i > 0; i--)
    if (g_strcmp0 (((MpTranche *) g_ptr_array_index (package->tranches, i - 1))->scheme, name) == 0)
      g_ptr_array_remove_index (package->tranches, i - 1);
  g_ptr_array_remove_index (package->schemes, self->selected);
  if (self->selected > 0)
    self->selected--;
  commit (self, package, _("Remove scheme"));
}

static void
add_offer_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  int kind = g_variant_get_int32 (param);
  MpOffer *offer;

  if (package == NULL || kind < 0 || kind >= MP_N_OFFER_KINDS)
    return;

  offer = mp_offer_new ();
  offer->kind = kind;
  offer->partner = g_strdup (package->partners && package->partners[0] ? package->partners[0] : NULL);
  switch (offer->kind)
    {
    case MP_OFFER_INVESTMENT:
    case MP_OFFER_TRADE:
    case MP_OFFER_CAPACITY_BUILDING:
      offer->amount = 1000000;
      break;
    case MP_OFFER_SCHOLARSHIPS:
      offer->amount = 20;
      break;
    case MP_OFFER_VISA:
      offer->amount = 1;
      break;
    case MP_N_OFFER_KINDS:
    default:
      break;
    }
  g_ptr_array_add (package->offers, offer);
  commit (self, package, _("Add offer"));
}

static void
add_ask_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  int kind = g_variant_get_int32 (param);
  MpAsk *ask;

  if (package == NULL || kind < 0 || kind >= MP_N_ASK_KINDS)
    return;

  ask = mp_ask_new ();
  ask->kind = kind;
  ask->partner = g_strdup (package->partners && package->partners[0] ? package->partners[0] : NULL);
  if (ask_has_returns (ask->kind))
    {
      ask->returns_low = 0;
      ask->returns_mode = 112;
      ask->returns_high = 300;
    }
  else if (ask->kind != MP_ASK_INFORMATION_CAMPAIGNS)
    ask->level = 1;
  g_ptr_array_add (package->asks, ask);
  commit (self, package, _("Add ask"));
}

static void
add_tranche_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (self->session);
  MpScheme *scheme = selected_scheme (self, package);
  MpTranche *tranche;

  if (package == NULL || scheme == NULL)
    return;

  tranche = mp_tranche_new ();
  tranche->label = g_strdup (_("Second tranche"));
  tranche->scheme = g_strdup (scheme->name);
  tranche->release_year = MIN (package->start_year + 2, package->start_year + package->horizon - 1);
  tranche->extra_quota = round (scheme->quota / 2);
  tranche->condition = MP_ASK_RETURN_READMISSION;
  g_ptr_array_add (package->tranches, tranche);
  commit (self, package, _("Add tranche"));
}

static void
on_preset_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        MpOfferPage   *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "mp-preset");

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER)));
  gtk_widget_activate_action (GTK_WIDGET (self), "offer.add-preset", "s", id);
}

/* The presets with their sources: each row names the real scheme it copies
 * and where its numbers come from, so a negotiator can defend them. */
static GtkWidget *
new_preset_popover (MpOfferPage *self)
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
      g_object_set_data (G_OBJECT (row), "mp-preset", (gpointer) presets[i].id);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_preset_activated_cb), self);

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

static void
build_menus (MpOfferPage *self)
{
  g_autoptr(GMenu) offer_menu = g_menu_new ();
  g_autoptr(GMenu) ask_menu = g_menu_new ();
  g_autoptr(GMenu) low = g_menu_new ();
  g_autoptr(GMenu) medium = g_menu_new ();
  g_autoptr(GMenu) high = g_menu_new ();

  gtk_menu_button_set_popover (self->preset_button, new_preset_popover (self));
  gtk_menu_button_set_popover (self->empty_preset_button, new_preset_popover (self));

  for (int k = 0; k < MP_N_OFFER_KINDS; k++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (mp_offer_kind_label (k), NULL);

      g_menu_item_set_action_and_target_value (item, "offer.add-offer", g_variant_new_int32 (k));
      g_menu_append_item (offer_menu, item);
    }
  gtk_menu_button_set_menu_model (self->add_offer_button, G_MENU_MODEL (offer_menu));

  /* Asks grouped by measure risk; the never-allowed ones are not offered. */
  for (int k = 0; k < MP_N_ASK_KINDS; k++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (mp_ask_kind_label (k), NULL);
      gboolean never = FALSE;
      MpRisk risk = mp_ask_measure_risk (k, &never);

      if (never)
        continue;
      g_menu_item_set_action_and_target_value (item, "offer.add-ask", g_variant_new_int32 (k));
      g_menu_append_item (risk == MP_RISK_LOW ? low : risk == MP_RISK_MEDIUM ? medium : high, item);
    }
  g_menu_append_section (ask_menu, _("Low measure risk"), G_MENU_MODEL (low));
  g_menu_append_section (ask_menu, _("Medium measure risk"), G_MENU_MODEL (medium));
  g_menu_append_section (ask_menu, _("High measure risk"), G_MENU_MODEL (high));
  gtk_menu_button_set_menu_model (self->add_ask_button, G_MENU_MODEL (ask_menu));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_offer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add offer"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_ask_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add ask"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add scheme from preset"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->empty_preset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add scheme from preset"), -1);
}

/* ---- Refresh ---------------------------------------------------------------------------------- */

static void
update_sensitivity (MpOfferPage *self)
{
  gboolean writable = self->session != NULL &&
                      !mp_session_is_read_only (self->session) &&
                      mp_session_get_package (self->session) != NULL;
  gboolean has_scheme = writable && self->selected != G_MAXUINT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-scheme", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-preset", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-offer", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-ask", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-tranche", has_scheme);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.duplicate-scheme", has_scheme);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.remove-scheme", has_scheme);

  gtk_widget_set_sensitive (GTK_WIDGET (self->editor_groups), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->offers_group), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->asks_group), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tranches_group), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->settings_group), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preset_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_preset_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_offer_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_ask_button), writable);
}

static void
update (MpOfferPage *self)
{
  const MpPackage *package = mp_session_get_package (self->session);

  if (package == NULL)
    {
      update_table (self, NULL);
      update_editor (self, NULL);
      update_sensitivity (self);
      return;
    }

  update_table (self, package);
  update_editor (self, package);
  update_offers (self, package);
  update_asks (self, package);
  update_tranches (self, package);
  update_settings (self, package);
  update_sensitivity (self);
}

static void
refresh (MpOfferPage *self)
{
  gint64 id = mp_session_get_package_id (self->session);

  /* Another package: start at its first scheme. */
  if (id != self->last_package_id)
    {
      self->selected = 0;
      self->last_package_id = id;
      g_clear_pointer (&self->partners_signature, g_free);
    }
  update (self);
}

static void
on_package_changed_cb (MpSession   *session,
                       MpOfferPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      /* Actions must follow the package even while the page is hidden. */
      update_sensitivity (self);
      return;
    }
  refresh (self);
}

static void
mp_offer_page_map (GtkWidget *widget)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);

  if (self->dirty && self->session != NULL)
    {
      self->dirty = FALSE;
      refresh (self);
    }

  GTK_WIDGET_CLASS (mp_offer_page_parent_class)->map (widget);
}

static void
on_document_changed_cb (MpSession   *session,
                        MpOfferPage *self)
{
  g_clear_pointer (&self->offers_signature, g_free);
  g_clear_pointer (&self->asks_signature, g_free);
  g_clear_pointer (&self->tranches_signature, g_free);
  g_clear_pointer (&self->partners_signature, g_free);
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
mp_offer_page_set_session (MpOfferPage *self,
                           MpSession   *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect (session, "document-changed", G_CALLBACK (on_document_changed_cb), self);
      g_signal_connect (session, "package-changed", G_CALLBACK (on_package_changed_cb), self);
      update (self);
    }
}

static void
mp_offer_page_dispose (GObject *object)
{
  MpOfferPage *self = MP_OFFER_PAGE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_OFFER_PAGE);

  g_clear_object (&self->scheme_selection);
  g_clear_object (&self->scheme_store);

  G_OBJECT_CLASS (mp_offer_page_parent_class)->dispose (object);
}

static void
mp_offer_page_finalize (GObject *object)
{
  MpOfferPage *self = MP_OFFER_PAGE (object);

  g_clear_pointer (&self->partner_codes, g_ptr_array_unref);
  g_clear_pointer (&self->sector_codes, g_ptr_array_unref);
  g_clear_pointer (&self->add_partner_codes, g_ptr_array_unref);
  g_clear_pointer (&self->partner_rows, g_ptr_array_unref);
  g_clear_pointer (&self->offer_rows, g_array_unref);
  g_clear_pointer (&self->ask_rows, g_array_unref);
  g_clear_pointer (&self->tranche_rows, g_array_unref);
  g_free (self->offers_signature);
  g_free (self->asks_signature);
  g_free (self->tranches_signature);
  g_free (self->partners_signature);

  G_OBJECT_CLASS (mp_offer_page_parent_class)->finalize (object);
}

static void
mp_offer_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MpOfferPage *self = MP_OFFER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_offer_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MpOfferPage *self = MP_OFFER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      mp_offer_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_offer_page_class_init (MpOfferPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_offer_page_dispose;
  object_class->finalize = mp_offer_page_finalize;
  object_class->get_property = mp_offer_page_get_property;
  object_class->set_property = mp_offer_page_set_property;
  widget_class->map = mp_offer_page_map;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, MP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MP_TYPE_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-offer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, commit_error_label);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, preset_button);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, empty_preset_button);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, schemes_stack);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, scheme_view);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, filter_empty_label);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, editor_icon);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, scheme_findings);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, editor_groups);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, editor_left);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, editor_right);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, offers_group);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, add_offer_button);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, asks_group);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, add_ask_button);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, tranches_group);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, settings_group);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, partners_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "offer.add-scheme", NULL, add_scheme_action);
  gtk_widget_class_install_action (widget_class, "offer.add-preset", "s", add_preset_action);
  gtk_widget_class_install_action (widget_class, "offer.duplicate-scheme", NULL, duplicate_scheme_action);
  gtk_widget_class_install_action (widget_class, "offer.remove-scheme", NULL, remove_scheme_action);
  gtk_widget_class_install_action (widget_class, "offer.add-offer", "i", add_offer_action);
  gtk_widget_class_install_action (widget_class, "offer.add-ask", "i", add_ask_action);
  gtk_widget_class_install_action (widget_class, "offer.add-tranche", NULL, add_tranche_action);
}

static void
mp_offer_page_init (MpOfferPage *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected = G_MAXUINT;
  self->last_package_id = -1;
  self->partner_codes = g_ptr_array_new_with_free_func (g_free);
  self->sector_codes = g_ptr_array_new_with_free_func (g_free);
  self->add_partner_codes = g_ptr_array_new_with_free_func (g_free);
  self->partner_rows = g_ptr_array_new ();
  self->offer_rows = g_array_new (FALSE, TRUE, sizeof (OfferRow));
  self->ask_rows = g_array_new (FALSE, TRUE, sizeof (AskRow));
  self->tranche_rows = g_array_new (FALSE, TRUE, sizeof (TrancheRow));

  self->scheme_store = g_list_store_new (MP_TYPE_SCHEME_ITEM);
  expression = gtk_property_expression_new (MP_TYPE_SCHEME_ITEM, NULL, "search-text");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->scheme_store)),
                                                  GTK_FILTER (self->filter));
  build_columns (self);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (gtk_column_view_get_sorter (self->scheme_view)));
  self->scheme_selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->scheme_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->scheme_selection, FALSE);
  gtk_column_view_set_model (self->scheme_view, GTK_SELECTION_MODEL (self->scheme_selection));
  g_signal_connect (self->scheme_selection, "notify::selected", G_CALLBACK (on_scheme_selected_cb), self);
  g_signal_connect (self->filter_entry, "search-changed", G_CALLBACK (on_filter_changed_cb), self);

  build_editor (self);
  build_settings (self);
  build_menus (self);
  update_sensitivity (self);
}

void
mp_offer_page_focus_filter (MpOfferPage *self)
{
  g_return_if_fail (MP_IS_OFFER_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

void
mp_offer_page_select_scheme (MpOfferPage *self,
                             guint        index)
{
  const MpPackage *package;

  g_return_if_fail (MP_IS_OFFER_PAGE (self));

  package = mp_session_get_package (self->session);
  if (package == NULL || index >= package->schemes->len)
    return;

  /* A filter that hides the scheme would hide the selection: clear it. */
  if (position_of_index (self, index) == GTK_INVALID_LIST_POSITION)
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");

  self->selected = index;
  sync_table_selection (self);
  update_editor (self, package);
  update_sensitivity (self);
}

guint
mp_offer_page_get_selected_scheme (MpOfferPage *self)
{
  g_return_val_if_fail (MP_IS_OFFER_PAGE (self), G_MAXUINT);

  return self->selected;
}
