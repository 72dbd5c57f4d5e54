/* mp-uncertainty-page.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-uncertainty-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-fan-chart.h"
#include "mp-format.h"
#include "mp-rows.h"
#include "mp-tornado-chart.h"
#include "mp-uncertainty-page.h"

/* Monte Carlo runs in a worker thread (GTask) on copies of the package and
 * the reference, never on live objects; the window stays responsive, the
 * progress bar follows the draws and Cancel stops them. */

struct _MpUncertaintyPage
{
  MpPage               parent_instance;

  GtkWidget           *scroller;
  AdwPreferencesGroup *settings_group;
  GtkButton           *run_button;
  GtkButton           *cancel_button;
  GtkProgressBar      *progress_bar;
  GtkLabel            *status_label;
  GtkWidget           *results_box;
  MpFanChart          *fan_chart;
  MpTornadoChart      *tornado_chart;
  AdwPreferencesGroup *quantiles_group;

  MpRow               *draws_row;
  MpRow               *seed_row;
  GtkLabel            *seed_message;
  GtkWidget           *quantile_rows[MP_N_HEADLINES];
  GtkLabel            *quantile_values[MP_N_HEADLINES];

  /* The running analysis */
  GCancellable        *cancellable;
  guint                progress_timeout;
  gint                 permille;

  /* The last result and what it belongs to */
  MpEvaluation        *result;
  gint64               result_package;
  guint                result_revision;
  guint                revision;       /* bumped on every change of the package */
  gint64               package_id;
  char                *last_error;
};

G_DEFINE_FINAL_TYPE (MpUncertaintyPage, mp_uncertainty_page, MP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update (MpUncertaintyPage *self);

static char *
format_headline (MpHeadline headline,
                 double     value)
{
  switch (headline)
    {
    case MP_HEADLINE_REMITTANCES:
    case MP_HEADLINE_COST_PUBLIC:
      return mp_format_money (value);
    case MP_HEADLINE_NET_MIGRATION:
    case MP_HEADLINE_BALANCE:
      return mp_format_signed_number (value, headline == MP_HEADLINE_BALANCE ? 1 : 0);
    case MP_HEADLINE_FIT:
    case MP_HEADLINE_NL_BENEFIT:
      return mp_format_number (value, 1);
    case MP_HEADLINE_ADMISSIONS:
    case MP_HEADLINE_PERSON_YEARS:
    case MP_N_HEADLINES:
    default:
      return mp_format_number (value, 0);
    }
}

/* ---- The worker ------------------------------------------------------------- */

typedef struct
{
  MpPackage   *package;
  MpReference *reference;
  guint        draws;
  guint64      seed;
  gint        *permille;
} RunData;

static void
run_data_free (RunData *data)
{
  mp_package_free (data->package);
  mp_reference_free (data->reference);
  g_free (data);
}

static void
run_progress_cb (double   fraction,
                 gpointer user_data)
{
  RunData *data = user_data;

  g_atomic_int_set (data->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpEvaluation) eval = NULL;

  eval = mp_evaluate (data->package, data->reference, &error);
  if (eval == NULL ||
      !mp_evaluation_run_uncertainty (eval, data->package, data->reference, data->draws, data->seed,
                                      cancellable, run_progress_cb, data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, g_steal_pointer (&eval), (GDestroyNotify) mp_evaluation_free);
}

static gboolean
progress_cb (gpointer user_data)
{
  MpUncertaintyPage *self = user_data;
  double fraction = g_atomic_int_get (&self->permille) / 1000.0;
  g_autofree char *text = g_strdup_printf ("%.0f %%", fraction * 100);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MpUncertaintyPage *self = MP_UNCERTAINTY_PAGE (source);
  guint revision = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "mp-revision"));
  g_autoptr(GError) error = NULL;
  MpEvaluation *eval;

  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->last_error, g_free);

  eval = g_task_propagate_pointer (G_TASK (result), &error);
  /* The page was closed while the worker ran: keep nothing. */
  if (mp_page_get_session (MP_PAGE (self)) == NULL)
    {
      g_clear_pointer (&eval, mp_evaluation_free);
      return;
    }
  if (eval != NULL)
    {
      g_clear_pointer (&self->result, mp_evaluation_free);
      self->result = eval;
      self->result_package = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (result), "mp-package"));
      self->result_revision = revision;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->last_error = g_strdup (_("The analysis was cancelled."));
  else
    self->last_error = g_strdup_printf (_("The analysis failed: %s"), error->message);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
  update (self);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MpUncertaintyPage *self = MP_UNCERTAINTY_PAGE (widget);
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  const MpPackage *package = mp_session_get_package (session);
  const MpReference *reference = mp_session_get_reference (session);
  g_autoptr(GTask) task = NULL;
  RunData *data;

  if (package == NULL || reference == NULL || self->cancellable != NULL)
    return;

  data = g_new0 (RunData, 1);
  data->package = mp_package_copy (package);
  data->reference = mp_reference_copy (reference);
  data->draws = package->draws;
  data->seed = package->seed;
  data->permille = &self->permille;

  g_atomic_int_set (&self->permille, 0);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_object_set_data (G_OBJECT (task), "mp-revision", GUINT_TO_POINTER (self->revision));
  g_object_set_data (G_OBJECT (task), "mp-package", GSIZE_TO_POINTER ((gsize) mp_session_get_package_id (session)));
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);

  self->progress_timeout = g_timeout_add (100, progress_cb, self);
  progress_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
  update (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MpUncertaintyPage *self = MP_UNCERTAINTY_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ---- Draws and seed ------------------------------------------------------------ */

static void
commit (MpUncertaintyPage *self,
        MpPackage         *package,
        GtkWidget         *row)
{
  g_autoptr(GError) error = NULL;

  if (!mp_session_commit (mp_page_get_session (MP_PAGE (self)), package, _("Edit draws and seed"), &error))
    {
      mp_row_widget_set_error (row, error->message);
      update (self);
    }
}

static const MpRowDesc draws_desc = {
  MP_ROW_SPIN, N_("Draws"), N_("More draws give steadier ranges and take longer"), NULL, MP_SPIN_DRAWS,
  MP_VALUE_INT, G_STRUCT_OFFSET (MpPackage, draws), 0, NULL,
};

/* The seed is checked here: a whole number, which the entry cannot say. */
static const MpRowDesc seed_desc = {
  MP_ROW_ENTRY, N_("Seed"), NULL, NULL, 0, MP_VALUE_NONE, 0, 0, NULL,
};

static void
on_draws_changed_cb (MpRow    *row,
                     gpointer  user_data)
{
  MpUncertaintyPage *self = user_data;
  g_autoptr(MpPackage) package = mp_session_dup_package (mp_page_get_session (MP_PAGE (self)));

  if (package == NULL || !mp_row_write (row, package))
    return;

  commit (self, package, mp_row_get_widget (row));
}

static void
on_seed_applied_cb (MpRow    *seed_row,
                    gpointer  user_data)
{
  MpUncertaintyPage *self = user_data;
  GtkWidget *row = mp_row_get_widget (seed_row);
  g_autoptr(MpPackage) package = mp_session_dup_package (mp_page_get_session (MP_PAGE (self)));
  g_autofree char *text = g_strstrip (g_strdup (mp_row_get_text (seed_row)));
  guint64 seed = 0;

  if (package == NULL)
    return;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      /* Not committed: say why under the field and keep what was typed. */
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_text (self->seed_message, _("The seed must be a whole number of 0 or more."));
      gtk_widget_set_visible (GTK_WIDGET (self->seed_message), TRUE);
      return;
    }

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->seed_message), FALSE);
  package->seed = seed;
  commit (self, package, row);
}

/* ---- Refresh ------------------------------------------------------------------------ */

static void
update (MpUncertaintyPage *self)
{
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  const MpPackage *package;
  gboolean running = self->cancellable != NULL;
  gboolean writable;
  gboolean have_result;
  gboolean stale;
  g_autofree char *status = NULL;

  if (session == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "uncertainty.run", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "uncertainty.cancel", FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
      gtk_widget_set_visible (self->results_box, FALSE);
      return;
    }

  package = mp_session_get_package (session);
  writable = !mp_session_is_read_only (session);
  have_result = self->result != NULL && self->result_package == mp_session_get_package_id (session);
  stale = have_result && self->result_revision != self->revision;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "uncertainty.run", package != NULL && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "uncertainty.cancel", running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->settings_group), writable && !running);

  if (package != NULL)
    {
      g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, package->seed);

      mp_row_read (self->draws_row, package);
      mp_row_show_text (self->seed_row, seed);
      mp_row_widget_set_error (mp_row_get_widget (self->draws_row), NULL);
    }

  if (running)
    status = g_strdup (_("Running in the background; you can go on working."));
  else if (self->last_error != NULL)
    status = g_strdup (self->last_error);
  else if (!have_result)
    status = g_strdup (_("No results for this package yet: press Run."));
  else
    {
      g_autofree char *draws = mp_format_number (self->result->draws, 0);
      g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->result->seed);

      /* Translators: the draws and seed of the results shown */
      status = g_strdup_printf (_("Results of %s draws with seed %s."), draws, seed);
      if (stale)
        {
          char *more = g_strconcat (status, " ", _("The package has changed since: run again for current results."), NULL);

          g_free (status);
          status = more;
        }
    }
  gtk_label_set_text (self->status_label, status);

  gtk_widget_set_visible (self->results_box, have_result);
  if (!have_result)
    {
      mp_fan_chart_set_evaluation (self->fan_chart, NULL);
      mp_tornado_chart_set_evaluation (self->tornado_chart, NULL, MP_HEADLINE_FIT);
      return;
    }

  mp_fan_chart_set_evaluation (self->fan_chart, self->result);
  mp_tornado_chart_set_evaluation (self->tornado_chart, self->result, MP_HEADLINE_FIT);
  for (int h = 0; h < MP_N_HEADLINES; h++)
    {
      const MpQuantiles *q = &self->result->quantiles[h];
      g_autofree char *p10 = format_headline (h, q->p10);
      g_autofree char *p50 = format_headline (h, q->p50);
      g_autofree char *p90 = format_headline (h, q->p90);
      g_autofree char *text = NULL;

      /* Translators: a range: P10 – median – P90 */
      text = g_strdup_printf (_("%s  ·  %s  ·  %s"), p10, p50, p90);
      gtk_label_set_text (self->quantile_values[h], text);
    }
}

static void
mp_uncertainty_page_refresh (MpPage *page)
{
  update (MP_UNCERTAINTY_PAGE (page));
}

/* Results belong to a package and a revision of it: kept, and marked out of
 * date when the package changes. */
static void
mp_uncertainty_page_package_changed (MpPage *page)
{
  MpUncertaintyPage *self = MP_UNCERTAINTY_PAGE (page);
  gint64 id = mp_session_get_package_id (mp_page_get_session (page));

  if (id != self->package_id)
    {
      self->package_id = id;
      g_clear_pointer (&self->last_error, g_free);
    }
  self->revision++;
  update (self);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
mp_uncertainty_page_dispose (GObject *object)
{
  MpUncertaintyPage *self = MP_UNCERTAINTY_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_UNCERTAINTY_PAGE);

  G_OBJECT_CLASS (mp_uncertainty_page_parent_class)->dispose (object);
}

static void
mp_uncertainty_page_finalize (GObject *object)
{
  MpUncertaintyPage *self = MP_UNCERTAINTY_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, mp_evaluation_free);
  g_clear_pointer (&self->draws_row, mp_row_free);
  g_clear_pointer (&self->seed_row, mp_row_free);
  g_free (self->last_error);

  G_OBJECT_CLASS (mp_uncertainty_page_parent_class)->finalize (object);
}

static void
mp_uncertainty_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MpUncertaintyPage *self = MP_UNCERTAINTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_uncertainty_page_class_init (MpUncertaintyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpPageClass *page_class = MP_PAGE_CLASS (klass);

  object_class->dispose = mp_uncertainty_page_dispose;
  object_class->finalize = mp_uncertainty_page_finalize;
  object_class->get_property = mp_uncertainty_page_get_property;

  page_class->refresh = mp_uncertainty_page_refresh;
  page_class->package_changed = mp_uncertainty_page_package_changed;

  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MP_TYPE_FAN_CHART);
  g_type_ensure (MP_TYPE_TORNADO_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-uncertainty-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, settings_group);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, results_box);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, fan_chart);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, tornado_chart);
  gtk_widget_class_bind_template_child (widget_class, MpUncertaintyPage, quantiles_group);

  gtk_widget_class_install_action (widget_class, "uncertainty.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "uncertainty.cancel", NULL, cancel_action);
}

static void
mp_uncertainty_page_init (MpUncertaintyPage *self)
{
  GtkWidget *row;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->package_id = -1;

  self->draws_row = mp_row_new (&draws_desc, NULL, on_draws_changed_cb, self);
  adw_preferences_group_add (self->settings_group, mp_row_get_widget (self->draws_row));

  self->seed_row = mp_row_new (&seed_desc, NULL, on_seed_applied_cb, self);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (mp_row_get_widget (self->seed_row)), GTK_INPUT_PURPOSE_DIGITS);
  adw_preferences_group_add (self->settings_group, mp_row_get_widget (self->seed_row));

  self->seed_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->seed_message, 0);
  gtk_label_set_wrap (self->seed_message, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->seed_message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->seed_message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->seed_message), FALSE);
  adw_preferences_group_add (self->settings_group, GTK_WIDGET (self->seed_message));

  for (int h = 0; h < MP_N_HEADLINES; h++)
    {
      GtkWidget *value = gtk_label_new (NULL);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mp_headline_label (h));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("P10 · median · P90"));
      gtk_widget_add_css_class (value, "numeric");
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (self->quantiles_group, row);
      self->quantile_rows[h] = row;
      self->quantile_values[h] = GTK_LABEL (value);
    }

  update (self);
}

gboolean
mp_uncertainty_page_get_running (MpUncertaintyPage *self)
{
  g_return_val_if_fail (MP_IS_UNCERTAINTY_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

const MpEvaluation *
mp_uncertainty_page_get_result (MpUncertaintyPage *self)
{
  g_return_val_if_fail (MP_IS_UNCERTAINTY_PAGE (self), NULL);

  return self->result;
}
