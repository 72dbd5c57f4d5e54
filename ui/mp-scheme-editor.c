/* mp-scheme-editor.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-scheme-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-columns.h"
#include "mp-evaluation.h"
#include "mp-icons.h"
#include "mp-page.h"
#include "mp-rows.h"
#include "mp-scheme-editor.h"

/* Every edit is one undoable command (mp_page_commit()); the session then
 * re-evaluates the package and the page calls mp_scheme_editor_update(),
 * which shows the values without emitting the rows' change signals. */

/* The rows, group by group. */
typedef enum
{
  ROW_NAME,
  ROW_KIND,
  ROW_PARTNER,
  ROW_SECTOR,
  ROW_QUOTA,
  ROW_FIRST_YEAR,
  ROW_INTAKE_YEARS,
  ROW_MONTHS,
  ROW_STAYS,
  ROW_MANDATORY_RETURN,
  ROW_TRAINING,
  ROW_HOME_TRACK,
  ROW_REINTEGRATION,
  ROW_RETURN_INCENTIVES,
  ROW_COST,
  ROW_EMPLOYER_SHARE,
  ROW_FEES,
  ROW_LANGUAGE,
  ROW_COMPLAINTS,
  ROW_G2G,
  N_ROWS
} EditorRow;

#define SCHEME_FIELD(member) G_STRUCT_OFFSET (MpScheme, member)

#define SPIN(title, subtitle, unit, spin, type, member) \
  { MP_ROW_SPIN, title, subtitle, unit, spin, type, SCHEME_FIELD (member), 0, NULL }
#define SWITCH(title, subtitle, member) \
  { MP_ROW_SWITCH, title, subtitle, NULL, 0, MP_VALUE_BOOLEAN, SCHEME_FIELD (member), 0, NULL }

static const MpRowDesc row_descs[N_ROWS] = {
  [ROW_NAME] = { MP_ROW_ENTRY, N_("Name"), NULL, NULL, 0, MP_VALUE_STRING, SCHEME_FIELD (name),
                 MP_ROW_REQUIRED, N_("Rename scheme") },
  [ROW_KIND] = { MP_ROW_COMBO, N_("Kind"), NULL, NULL, 0, MP_VALUE_ENUM, SCHEME_FIELD (kind), 0, NULL },
  [ROW_PARTNER] = { MP_ROW_COMBO, N_("Partner"), NULL, NULL, 0, MP_VALUE_CODE, SCHEME_FIELD (partner), 0, NULL },
  [ROW_SECTOR] = { MP_ROW_COMBO, N_("Sector"), N_("Dutch labour-market sector"), NULL, 0,
                   MP_VALUE_CODE, SCHEME_FIELD (sector), 0, NULL },

  [ROW_QUOTA] = SPIN (N_("Annual quota"), N_("Admissions a year (q)"), N_("a year"),
                      MP_SPIN_QUOTA, MP_VALUE_DOUBLE, quota),
  [ROW_FIRST_YEAR] = SPIN (N_("First intake"), N_("Year of the first admissions (a)"), NULL,
                           MP_SPIN_FIRST_YEAR, MP_VALUE_INT, first_year),
  [ROW_INTAKE_YEARS] = SPIN (N_("Intake years"), N_("Years with admissions (n)"), N_("years"),
                             MP_SPIN_INTAKE_YEARS, MP_VALUE_INT, intake_years),
  [ROW_MONTHS] = SPIN (N_("Months per stay"), N_("1–12; under 12 means seasonal returns (m)"), N_("months"),
                       MP_SPIN_MONTHS, MP_VALUE_INT, months),
  [ROW_STAYS] = SPIN (N_("Stays per participant"), N_("Years in which a participant comes (c)"), N_("stays"),
                      MP_SPIN_STAYS, MP_VALUE_INT, stays),

  [ROW_MANDATORY_RETURN] = SWITCH (N_("Mandatory return"), N_("Participants return home after each stay"),
                                   mandatory_return),
  [ROW_TRAINING] = SPIN (N_("Pre-departure training"), N_("Language and skills training before the first stay"),
                         N_("months"), MP_SPIN_TRAINING_MONTHS, MP_VALUE_DOUBLE, training_months),
  [ROW_HOME_TRACK] = SPIN (N_("Home-track trainees"),
                           N_("Trained for the partner's own labour market, per mobile participant (h)"),
                           N_("per participant"), MP_SPIN_HOME_TRACK_RATIO, MP_VALUE_DOUBLE, home_track_ratio),
  [ROW_REINTEGRATION] = SWITCH (N_("Reintegration support"), N_("Help to apply new skills at home after the last stay"),
                                reintegration_support),
  [ROW_RETURN_INCENTIVES] = SWITCH (N_("Return incentives"), N_("For study schemes: reasons for graduates to return"),
                                    return_incentives),

  [ROW_COST] = SPIN (N_("Cost per participant"), N_("Recruitment, travel, training and support"), N_("€"),
                     MP_SPIN_COST, MP_VALUE_DOUBLE, cost_per_participant),
  [ROW_EMPLOYER_SHARE] = SPIN (N_("Employer share"), N_("Part of the cost paid by employers"), N_("%"),
                               MP_SPIN_EMPLOYER_SHARE, MP_VALUE_PERCENT, employer_share),
  [ROW_FEES] = SPIN (N_("Recruitment fees paid by workers"), N_("Must be none (ILO General Principles for Fair Recruitment)"),
                     N_("€"), MP_SPIN_RECRUITMENT_FEES, MP_VALUE_DOUBLE, recruitment_fees),
  [ROW_LANGUAGE] = SWITCH (N_("Language and integration support"), NULL, language_support),
  [ROW_COMPLAINTS] = SWITCH (N_("Complaints channel"), N_("Workers can report abuse independently of the employer"),
                             complaints_channel),
  [ROW_G2G] = SWITCH (N_("Government-to-government agreement"), N_("With support for the partner's health system (WHO Code)"),
                      g2g_health_support),
};

/* The groups: a title, a column, and their rows from first to last. */
static const struct
{
  const char *title;
  gboolean    right;
  EditorRow   first;
  EditorRow   last;
} groups[] = {
  { N_("Scheme"), FALSE, ROW_NAME, ROW_SECTOR },
  { N_("Numbers"), FALSE, ROW_QUOTA, ROW_STAYS },
  { N_("Training and Return"), TRUE, ROW_MANDATORY_RETURN, ROW_RETURN_INCENTIVES },
  { N_("Cost and Protection"), TRUE, ROW_COST, ROW_G2G },
};

/* The safeguard rules whose findings are shown under a field. */
static const struct
{
  const char *rule;
  EditorRow   row;
} rule_rows[] = {
  { "who-ssl-health", ROW_SECTOR },
  { "vacancies-missing", ROW_SECTOR },
  { "wage-fallback", ROW_SECTOR },
  { "excluded-partner", ROW_PARTNER },
  { "demographic-window", ROW_PARTNER },
  { "risk-not-allowed", ROW_PARTNER },
  { "recruitment-fees", ROW_FEES },
  { "skilled-no-training", ROW_TRAINING },
  { "health-workforce-share", ROW_QUOTA },
  { "study-no-return-incentives", ROW_RETURN_INCENTIVES },
  { "circular-no-reintegration", ROW_REINTEGRATION },
};

struct _MpSchemeEditor
{
  GtkWidget   parent_instance;

  GtkWidget  *content;
  GtkImage   *editor_icon;
  GtkLabel   *editor_title;
  GtkListBox *scheme_findings;
  GtkWidget  *editor_groups;
  GtkBox     *editor_left;
  GtkBox     *editor_right;

  MpRow      *rows[N_ROWS];
  guint       index;          /* of the scheme in the package */
};

G_DEFINE_FINAL_TYPE (MpSchemeEditor, mp_scheme_editor, GTK_TYPE_WIDGET)

static MpSession *
get_session (MpSchemeEditor *self)
{
  MpPage *page = mp_page_for_widget (GTK_WIDGET (self));

  return page != NULL ? mp_page_get_session (page) : NULL;
}

static void
on_row_changed_cb (MpRow    *row,
                   gpointer  user_data)
{
  MpSchemeEditor *self = user_data;
  MpSession *session = get_session (self);
  g_autoptr(MpPackage) package = session != NULL ? mp_session_dup_package (session) : NULL;
  g_autofree char *label = NULL;
  MpScheme *scheme;

  if (package == NULL || self->index >= package->schemes->len)
    return;

  scheme = g_ptr_array_index (package->schemes, self->index);
  if (!mp_row_write (row, scheme))
    return;

  /* Translators: the name of an undoable edit; %s is a scheme name */
  label = g_strdup_printf (_("Edit scheme “%s”"), scheme->name ? scheme->name : "");
  mp_page_commit (mp_page_for_widget (GTK_WIDGET (self)), package, mp_row_get_undo_label (row, label));
}

static void
build_rows (MpSchemeEditor *self)
{
  g_autoptr(GStrvBuilder) kinds = g_strv_builder_new ();
  g_auto(GStrv) kind_labels = NULL;

  for (int k = 0; k < MP_N_SCHEME_KINDS; k++)
    g_strv_builder_add (kinds, mp_scheme_kind_label (k));
  kind_labels = g_strv_builder_end (kinds);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));
      gtk_widget_set_valign (group, GTK_ALIGN_START);
      for (EditorRow r = groups[g].first; r <= groups[g].last; r++)
        {
          self->rows[r] = mp_row_new (&row_descs[r], NULL, on_row_changed_cb, self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mp_row_get_widget (self->rows[r]));
        }
      gtk_box_append (groups[g].right ? self->editor_right : self->editor_left, group);
    }

  mp_row_set_choices (self->rows[ROW_KIND], (const char * const *) kind_labels, NULL);
}

static GtkWidget *
row_widget (MpSchemeEditor *self,
            EditorRow       row)
{
  return mp_row_get_widget (self->rows[row]);
}

static GtkWidget *
row_for_rule (MpSchemeEditor *self,
              const char     *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_rows); i++)
    if (g_strcmp0 (rule_rows[i].rule, rule) == 0)
      return row_widget (self, rule_rows[i].row);

  return NULL;
}

static void
clear_messages (MpSchemeEditor *self)
{
  GtkWidget *child;

  /* The name is an entry row: it never carries a message. */
  for (EditorRow r = ROW_NAME + 1; r < N_ROWS; r++)
    mp_row_widget_set_error (row_widget (self, r), NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scheme_findings))) != NULL)
    gtk_list_box_remove (self->scheme_findings, child);
}

static void
update_messages (MpSchemeEditor     *self,
                 const MpPackage    *package,
                 const MpScheme     *scheme,
                 const MpEvaluation *eval)
{
  int last_year = package->start_year + package->horizon - 1;
  guint n_findings = 0;

  clear_messages (self);

  /* What the field itself says, before any rule. */
  if (scheme->quota <= 0)
    mp_row_widget_set_warning (row_widget (self, ROW_QUOTA), _("A quota of 0 admits no one."));
  if (scheme->first_year < package->start_year || scheme->first_year > last_year)
    {
      g_autofree char *text = g_strdup_printf (_("The first intake falls outside the horizon of the package (%d–%d)."),
                                               package->start_year, last_year);
      mp_row_widget_set_warning (row_widget (self, ROW_FIRST_YEAR), text);
    }
  else if (scheme->first_year + scheme->intake_years - 1 > last_year)
    {
      g_autofree char *text = g_strdup_printf (_("Intakes after %d fall outside the horizon and are not counted."),
                                               last_year);
      mp_row_widget_set_warning (row_widget (self, ROW_INTAKE_YEARS), text);
    }
  if (scheme->months < 12 && scheme->kind == MP_SCHEME_TALENT_PARTNERSHIP)
    mp_row_widget_set_warning (row_widget (self, ROW_MONTHS),
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

      if (finding->scheme < 0 || (guint) finding->scheme != self->index)
        continue;

      target = row_for_rule (self, finding->rule);
      if (target != NULL)
        {
          if (finding->severity == MP_SEVERITY_BLOCK)
            mp_row_widget_set_error (target, finding->message);
          else if (finding->severity == MP_SEVERITY_WARNING)
            mp_row_widget_set_warning (target, finding->message);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->source ? finding->source : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (mp_severity_icon_name (finding->severity)));
      if (finding->severity == MP_SEVERITY_BLOCK)
        gtk_widget_add_css_class (row, "error");
      else if (finding->severity == MP_SEVERITY_WARNING)
        gtk_widget_add_css_class (row, "warning");
      gtk_list_box_append (self->scheme_findings, row);
      n_findings++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->scheme_findings), n_findings > 0);
}

/* Partners: those of the package, and the scheme's own if it is not one. */
static void
update_partner_choices (MpSchemeEditor  *self,
                        MpSession       *session,
                        const MpPackage *package,
                        const MpScheme  *scheme)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) code_strv = NULL;
  g_auto(GStrv) label_strv = NULL;
  gboolean found = FALSE;

  for (guint i = 0; package->partners != NULL && package->partners[i] != NULL; i++)
    {
      g_strv_builder_add (codes, package->partners[i]);
      g_strv_builder_add (labels, mp_session_get_partner_name (session, package->partners[i]));
      found = found || g_strcmp0 (package->partners[i], scheme->partner) == 0;
    }
  if (!found && scheme->partner != NULL)
    {
      g_strv_builder_add (codes, scheme->partner);
      g_strv_builder_add (labels, mp_session_get_partner_name (session, scheme->partner));
    }

  code_strv = g_strv_builder_end (codes);
  label_strv = g_strv_builder_end (labels);
  mp_row_set_choices (self->rows[ROW_PARTNER], (const char * const *) label_strv,
                      (const char * const *) code_strv);
}

static void
update_sector_choices (MpSchemeEditor *self,
                       MpSession      *session)
{
  const MpReference *reference = mp_session_get_reference (session);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) code_strv = NULL;
  g_auto(GStrv) label_strv = NULL;

  for (guint i = 0; reference != NULL && i < reference->sectors->len; i++)
    {
      const MpSector *sector = g_ptr_array_index (reference->sectors, i);

      g_strv_builder_add (codes, sector->code);
      g_strv_builder_add (labels, sector->name ? sector->name : sector->code);
    }

  code_strv = g_strv_builder_end (codes);
  label_strv = g_strv_builder_end (labels);
  mp_row_set_choices (self->rows[ROW_SECTOR], (const char * const *) label_strv,
                      (const char * const *) code_strv);
}

static void
mp_scheme_editor_dispose (GObject *object)
{
  MpSchemeEditor *self = MP_SCHEME_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_SCHEME_EDITOR);

  for (guint r = 0; r < N_ROWS; r++)
    g_clear_pointer (&self->rows[r], mp_row_free);

  G_OBJECT_CLASS (mp_scheme_editor_parent_class)->dispose (object);
}

static void
mp_scheme_editor_class_init (MpSchemeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_scheme_editor_dispose;

  g_type_ensure (MP_TYPE_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-scheme-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MpSchemeEditor, content);
  gtk_widget_class_bind_template_child (widget_class, MpSchemeEditor, editor_icon);
  gtk_widget_class_bind_template_child (widget_class, MpSchemeEditor, editor_title);
  gtk_widget_class_bind_template_child (widget_class, MpSchemeEditor, scheme_findings);
  gtk_widget_class_bind_template_child (widget_class, MpSchemeEditor, editor_groups);
  gtk_widget_class_bind_template_child (widget_class, MpSchemeEditor, editor_left);
  gtk_widget_class_bind_template_child (widget_class, MpSchemeEditor, editor_right);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mp_scheme_editor_init (MpSchemeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->index = G_MAXUINT;
  build_rows (self);
}

/**
 * mp_scheme_editor_update:
 * @self: a scheme editor
 * @index: the scheme's index in the selected package
 *
 * Shows the scheme at @index, or hides the editor when there is none.
 */
void
mp_scheme_editor_update (MpSchemeEditor *self,
                         guint           index)
{
  MpSession *session;
  const MpPackage *package;
  const MpScheme *scheme;

  g_return_if_fail (MP_IS_SCHEME_EDITOR (self));

  self->index = index;
  session = get_session (self);
  package = session != NULL ? mp_session_get_package (session) : NULL;
  if (package == NULL || index >= package->schemes->len)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  scheme = g_ptr_array_index (package->schemes, index);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_label_set_text (self->editor_title, scheme->name);
  gtk_image_set_from_icon_name (self->editor_icon, mp_scheme_kind_icon_name (scheme->kind));

  update_partner_choices (self, session, package, scheme);
  update_sector_choices (self, session);
  for (guint r = 0; r < N_ROWS; r++)
    mp_row_read (self->rows[r], scheme);

  update_messages (self, package, scheme, mp_session_get_evaluation (session));
}

void
mp_scheme_editor_set_editable (MpSchemeEditor *self,
                               gboolean        editable)
{
  g_return_if_fail (MP_IS_SCHEME_EDITOR (self));

  gtk_widget_set_sensitive (self->editor_groups, editable);
}

void
mp_scheme_editor_focus_name (MpSchemeEditor *self)
{
  g_return_if_fail (MP_IS_SCHEME_EDITOR (self));

  gtk_widget_grab_focus (row_widget (self, ROW_NAME));
}
