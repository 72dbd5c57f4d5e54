/* test-window.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* GUI tests: the real window, driven through its actions and the signals of
 * its widgets, under Xvfb.  Every test gets its own HOME (ISOLATE_DIRS), so
 * "New from Demo" writes into a fresh folder. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "mp-application.h"
#include "mp-compare-page.h"
#include "mp-offer-page.h"
#include "mp-package-item.h"
#include "mp-field-rules.h"
#include "mp-print.h"
#include "mp-rows.h"
#include "mp-safeguards-page.h"
#include "mp-uncertainty-page.h"
#include "mp-window.h"

static gboolean have_display;
/* One application for the whole run, as in a session: registering a second
 * one would export its actions on the bus object path again. */
static MpApplication *app;

typedef struct
{
  MpApplication *app;
  MpWindow      *window;
  char          *dir;
} Fixture;

/* ---- Helpers ---------------------------------------------------------------- */

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
wait_until (gboolean (*condition) (gpointer),
            gpointer   data,
            guint      timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

static GtkWidget *
find_button_for_action (GtkWidget  *widget,
                        const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first preferences row (action, expander or entry row) titled @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkSpinButton *
find_spin (GtkWidget  *page,
           const char *title)
{
  GtkWidget *row = find_row (page, title);

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

/* The first button under @widget with the tooltip @tooltip. */
static GtkWidget *
find_button_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gint64
package_id_at (MpWindow *window,
               guint     position)
{
  g_autoptr(MpPackageItem) item = g_list_model_get_item (mp_session_get_packages (mp_window_get_session (window)),
                                                         position);

  g_assert_nonnull (item);
  return mp_package_item_get_id (item);
}

static guint
n_packages (MpWindow *window)
{
  return g_list_model_get_n_items (mp_session_get_packages (mp_window_get_session (window)));
}

static const MpEvaluation *
evaluation (MpWindow *window)
{
  return mp_session_get_evaluation (mp_window_get_session (window));
}

/* ---- Fixture ----------------------------------------------------------------- */

static MpWindow *
new_window (Fixture *f)
{
  MpWindow *window = mp_window_new (GTK_APPLICATION (f->app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (is_mapped, window, 10));

  return window;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;

  f->app = g_object_ref (app);
  f->dir = g_dir_make_tmp ("mp-test-window-XXXXXX", &error);
  g_assert_no_error (error);

  f->window = new_window (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels;

  if (!have_display)
    return;

  /* Close every window (dialogs included) and let them go. */
  toplevels = gtk_window_get_toplevels ();
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  iterate (50);

  g_clear_object (&f->app);
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
demo_path (Fixture *f)
{
  return g_build_filename (f->dir, "demo.mplan", NULL);
}

static void
open_demo (Fixture *f)
{
  g_autofree char *path = demo_path (f);

  g_assert_true (mp_window_create_document (f->window, path, TRUE));
  g_assert_true (mp_window_has_document (f->window));
  iterate (20);
}

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("No display"); return; } } G_STMT_END

/* ---- Tests ------------------------------------------------------------------------ */

static gboolean
action_installed (MpWindow   *window,
                  const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  GType owner;
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;

  /* Every out-parameter is passed: NULL crashed on GTK 4.8. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name);
       i++)
    {
      if (g_str_equal (action_name, name))
        return TRUE;
    }

  return FALSE;
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *button;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_false (mp_window_has_document (f->window));
  g_assert_cmpstr (mp_window_get_visible_page_name (f->window), ==, "empty");

  /* The "New from Demo" button of the empty page is bound to win.new: it is
   * sensitive only while the action is enabled. */
  button = find_button_for_action (GTK_WIDGET (f->window), "win.new");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (action_installed (f->window, "win.new"));
  for (const char * const *name = (const char * const[]) { "win.open", "win.new-empty", "win.save-as",
                                                           "win.export-brief", "win.export-comparison",
                                                           "win.print", "win.import-json", "win.import-csv",
                                                           "win.undo", "win.redo", "win.package-new",
                                                           "win.filter-schemes", NULL };
       *name != NULL; name++)
    g_assert_true (action_installed (f->window, *name));

  /* Nothing to edit without a document. */
  g_assert_false (gtk_widget_is_sensitive (find_button_for_action (GTK_WIDGET (f->window), "win.package-new")));
}

static void
test_new_from_demo (Fixture       *f,
                    gconstpointer  data)
{
  const MpPackage *package;

  SKIP_WITHOUT_DISPLAY ();

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  iterate (20);

  g_assert_true (mp_window_has_document (f->window));
  /* The demo holds four packages; the first is shown on the Overview. */
  g_assert_cmpuint (n_packages (f->window), ==, 4);
  g_assert_cmpstr (mp_window_get_visible_page_name (f->window), ==, "overview");
  package = mp_session_get_package (mp_window_get_session (f->window));
  g_assert_nonnull (package);
  g_assert_nonnull (evaluation (f->window));

  /* Created in the isolated Documents folder (or home), and remembered. */
  g_assert_true (g_str_has_suffix (mp_document_get_path (mp_session_get_document (mp_window_get_session (f->window))),
                                   ".mplan"));
}

static void
test_package_and_scheme (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.mplan", NULL);
  MpSession *session;
  GtkWidget *offer;
  double fit_before;
  double fit_after;
  gint64 first;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (mp_window_create_document (f->window, path, FALSE));
  session = mp_window_get_session (f->window);
  g_assert_cmpstr (mp_window_get_visible_page_name (f->window), ==, "no-packages");

  /* Ctrl+N: a package with the partner Morocco and no schemes. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.package-new", NULL);
  g_assert_cmpuint (n_packages (f->window), ==, 1);
  g_assert_cmpstr (mp_window_get_visible_page_name (f->window), ==, "offer");
  g_assert_cmpuint (mp_session_get_package (session)->schemes->len, ==, 0);
  g_assert_nonnull (evaluation (f->window));
  fit_before = evaluation (f->window)->headline[MP_HEADLINE_FIT];

  /* Add a scheme: the fit changes at once (no schemes: no labour mobility,
   * skills or remittances delivered). */
  offer = mp_window_get_page (f->window, "offer");
  gtk_widget_activate_action (offer, "offer.add-scheme", NULL);
  g_assert_cmpuint (mp_session_get_package (session)->schemes->len, ==, 1);
  g_assert_cmpuint (mp_offer_page_get_selected_scheme (MP_OFFER_PAGE (offer)), ==, 0);
  gtk_widget_activate_action (offer, "offer.add-preset", "s", "gecco");
  g_assert_cmpuint (mp_session_get_package (session)->schemes->len, ==, 2);
  g_assert_cmpstr (((MpScheme *) g_ptr_array_index (mp_session_get_package (session)->schemes, 1))->sector,
                   ==, "agriculture_horticulture");
  g_assert_cmpint (((MpScheme *) g_ptr_array_index (mp_session_get_package (session)->schemes, 1))->months, ==, 9);
  fit_after = evaluation (f->window)->headline[MP_HEADLINE_FIT];
  g_assert_true (isfinite (fit_after));
  g_assert_cmpfloat (fit_after, >, (isfinite (fit_before) ? fit_before : 0) + 1);

  /* Editing the quota through its spin button re-evaluates: doubling the
   * GECCO-like quota (500 → 1000) raises the admissions. */
  {
    double admissions = evaluation (f->window)->headline[MP_HEADLINE_ADMISSIONS];
    GtkSpinButton *quota = find_spin (offer, "Annual quota");

    g_assert_cmpfloat (gtk_spin_button_get_value (quota), ==, 500);
    gtk_spin_button_set_value (quota, 1000);
    g_assert_cmpfloat (((MpScheme *) g_ptr_array_index (mp_session_get_package (session)->schemes, 1))->quota,
                       ==, 1000);
    g_assert_cmpfloat (evaluation (f->window)->headline[MP_HEADLINE_ADMISSIONS], >, admissions);
  }

  /* Duplicate, then delete the copy; undo brings it back, redo removes it. */
  first = mp_session_get_package_id (session);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.package-duplicate", "x", first);
  g_assert_cmpuint (n_packages (f->window), ==, 2);
  g_assert_cmpint (mp_session_get_package_id (session), !=, first);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.package-delete", "x",
                              mp_session_get_package_id (session));
  g_assert_cmpuint (n_packages (f->window), ==, 1);
  g_assert_cmpint (mp_session_get_package_id (session), ==, first);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (n_packages (f->window), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_cmpuint (n_packages (f->window), ==, 1);

  /* Rename through the dialog. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.package-rename", "x", first);
  iterate (20);
  {
    AdwMessageDialog *dialog = find_message_dialog ();
    GtkWidget *entry;

    g_assert_nonnull (dialog);
    entry = adw_message_dialog_get_extra_child (dialog);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Harvest offer");
    adw_message_dialog_response (dialog, "rename");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_cmpstr (mp_session_get_package (session)->name, ==, "Harvest offer");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (mp_session_get_package (session)->name, !=, "Harvest offer");

  /* The edits are in the file: reopen it in another window. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    MpWindow *other;

    gtk_window_destroy (GTK_WINDOW (f->window));
    f->window = new_window (f);
    other = f->window;
    g_assert_true (mp_window_open_file (other, file));
    g_assert_cmpuint (n_packages (other), ==, 1);
    g_assert_cmpuint (mp_session_get_package (mp_window_get_session (other))->schemes->len, ==, 2);
  }
}

/* The other offers, the asks and the tranches are edited in place, each
 * row bound to its item's field; package settings likewise. */
static void
test_offer_items (Fixture       *f,
                  gconstpointer  data)
{
  MpSession *session;
  GtkWidget *offer;
  GtkWidget *expander;
  guint n_asks;
  guint n_tranches;

  SKIP_WITHOUT_DISPLAY ();

  open_demo (f);
  session = mp_window_get_session (f->window);
  offer = mp_window_get_page (f->window, "offer");
  mp_window_show_page (f->window, "offer");

  /* An ask with expected returns: raising the low end above the most
   * likely value raises the others with it (low ≤ mode ≤ high). */
  n_asks = mp_session_get_package (session)->asks->len;
  gtk_widget_activate_action (offer, "offer.add-ask", "i", MP_ASK_VOLUNTARY_RETURN);
  g_assert_cmpuint (mp_session_get_package (session)->asks->len, ==, n_asks + 1);
  expander = find_row (offer, mp_ask_kind_label (MP_ASK_VOLUNTARY_RETURN));
  g_assert_nonnull (expander);
  gtk_spin_button_set_value (find_spin (expander, "Expected extra returns, low"), 500);
  {
    const MpAsk *ask = g_ptr_array_index (mp_session_get_package (session)->asks, n_asks);

    g_assert_cmpint (ask->kind, ==, MP_ASK_VOLUNTARY_RETURN);
    g_assert_cmpfloat (ask->returns_low, ==, 500);
    g_assert_cmpfloat (ask->returns_mode, ==, 500);
    g_assert_cmpfloat (ask->returns_high, ==, 500);
  }
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (expander, "Expected extra returns, high")), ==, 500);

  /* A visa offer is a level 0–3. */
  gtk_widget_activate_action (offer, "offer.add-offer", "i", MP_OFFER_VISA);
  expander = find_row (offer, mp_offer_kind_label (MP_OFFER_VISA));
  g_assert_nonnull (expander);
  {
    GtkSpinButton *amount = find_spin (expander, "Amount");
    const GPtrArray *offers;

    g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (amount)), ==, 3);
    gtk_spin_button_set_value (amount, 2);
    /* The edit reloaded the package: read it again. */
    offers = mp_session_get_package (session)->offers;
    g_assert_cmpfloat (((MpOffer *) g_ptr_array_index (offers, offers->len - 1))->amount, ==, 2);
  }

  /* A tranche: its quota and year, then removed and brought back. */
  n_tranches = mp_session_get_package (session)->tranches->len;
  gtk_widget_activate_action (offer, "offer.add-tranche", NULL);
  g_assert_cmpuint (mp_session_get_package (session)->tranches->len, ==, n_tranches + 1);
  expander = find_row (offer, "Second tranche");
  g_assert_nonnull (expander);
  gtk_spin_button_set_value (find_spin (expander, "Extra quota"), 77);
  gtk_spin_button_set_value (find_spin (expander, "Released from"), 2030);
  {
    const MpTranche *tranche = g_ptr_array_index (mp_session_get_package (session)->tranches, n_tranches);

    g_assert_cmpfloat (tranche->extra_quota, ==, 77);
    g_assert_cmpint (tranche->release_year, ==, 2030);
  }
  expander = find_row (offer, "Second tranche");
  g_signal_emit_by_name (find_button_with_tooltip (expander, "Remove (can be undone)"), "clicked");
  g_assert_cmpuint (mp_session_get_package (session)->tranches->len, ==, n_tranches);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (mp_session_get_package (session)->tranches->len, ==, n_tranches + 1);
  g_assert_nonnull (find_row (offer, "Second tranche"));

  /* Package settings: a horizon, and a name that cannot be emptied. */
  gtk_spin_button_set_value (find_spin (offer, "Horizon"), 12);
  g_assert_cmpint (mp_session_get_package (session)->horizon, ==, 12);
  {
    GtkWidget *name = find_row (offer, "Package name");
    g_autofree char *before = g_strdup (mp_session_get_package (session)->name);

    gtk_editable_set_text (GTK_EDITABLE (name), "  ");
    g_signal_emit_by_name (name, "apply");
    g_assert_cmpstr (mp_session_get_package (session)->name, ==, before);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, before);
  }
}

static void
test_block_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  MpSession *session;
  GtkWidget *offer;
  GtkWidget *safeguards;
  GtkSpinButton *fees;
  GtkWidget *fees_row;
  GtkWidget *finding;
  int blocks_before;

  SKIP_WITHOUT_DISPLAY ();

  open_demo (f);
  session = mp_window_get_session (f->window);
  offer = mp_window_get_page (f->window, "offer");
  safeguards = mp_window_get_page (f->window, "safeguards");

  /* The first demo package (GECCO-like, Morocco) trips nothing.  (Pages
   * update when shown: each is shown before it is read.) */
  mp_window_show_page (f->window, "safeguards");
  blocks_before = evaluation (f->window)->n_blocks;
  g_assert_cmpint (blocks_before, ==, 0);
  g_assert_cmpuint (mp_safeguards_page_get_n_rows (MP_SAFEGUARDS_PAGE (safeguards), MP_SEVERITY_BLOCK), ==, 0);

  /* Charge workers a recruitment fee: a block (ILO principle 7), shown in
   * Safeguards and inline under the field in the editor. */
  mp_window_show_page (f->window, "offer");
  fees = find_spin (offer, "Recruitment fees paid by workers");
  fees_row = gtk_widget_get_ancestor (GTK_WIDGET (fees), ADW_TYPE_ACTION_ROW);
  gtk_spin_button_set_value (fees, 300);
  g_assert_cmpfloat (((MpScheme *) g_ptr_array_index (mp_session_get_package (session)->schemes, 0))->recruitment_fees,
                     ==, 300);
  g_assert_cmpint (evaluation (f->window)->n_blocks, ==, 1);
  g_assert_true (gtk_widget_has_css_class (fees_row, "error"));
  mp_window_show_page (f->window, "safeguards");
  g_assert_cmpuint (mp_safeguards_page_get_n_rows (MP_SAFEGUARDS_PAGE (safeguards), MP_SEVERITY_BLOCK), ==, 1);
  finding = mp_safeguards_page_find_row (MP_SAFEGUARDS_PAGE (safeguards), "recruitment fees");
  g_assert_nonnull (finding);

  /* Activating the finding opens its scheme in the Offer page. */
  g_signal_emit_by_name (finding, "activated");
  g_assert_cmpstr (mp_window_get_visible_page_name (f->window), ==, "offer");
  g_assert_cmpuint (mp_offer_page_get_selected_scheme (MP_OFFER_PAGE (offer)), ==, 0);

  /* Undo: the block goes, the field shows the old value again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (evaluation (f->window)->n_blocks, ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (fees), ==, 0);
  g_assert_false (gtk_widget_has_css_class (fees_row, "error"));
  mp_window_show_page (f->window, "safeguards");
  g_assert_cmpuint (mp_safeguards_page_get_n_rows (MP_SAFEGUARDS_PAGE (safeguards), MP_SEVERITY_BLOCK), ==, 0);

  /* Health workers from a WHO safeguards-list country: move the scheme to
   * Health and social care with Nigeria (add the partner first). */
  {
    g_autoptr(MpPackage) package = mp_session_dup_package (session);
    MpScheme *scheme = g_ptr_array_index (package->schemes, 0);
    g_autoptr(GError) error = NULL;
    char **partners = g_new0 (char *, 3);

    partners[0] = g_strdup ("MAR");
    partners[1] = g_strdup ("NGA");
    g_strfreev (package->partners);
    package->partners = partners;
    g_free (scheme->partner);
    scheme->partner = g_strdup ("NGA");
    g_free (scheme->sector);
    scheme->sector = g_strdup ("health_social_care");
    scheme->g2g_health_support = FALSE;
    g_assert_true (mp_session_commit (session, package, "test", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (evaluation (f->window)->n_blocks, >=, 1);
  g_assert_nonnull (mp_safeguards_page_find_row (MP_SAFEGUARDS_PAGE (safeguards), "WHO"));
  mp_window_show_page (f->window, "offer");
  /* A government-to-government agreement with health-system support lifts
   * the block to a warning (switch in the editor). */
  {
    GtkWidget *row = find_row (offer, "Government-to-government agreement");
    GtkSwitch *sw = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));

    gtk_switch_set_active (sw, TRUE);
    g_assert_true (((MpScheme *) g_ptr_array_index (mp_session_get_package (session)->schemes, 0))->g2g_health_support);
    g_assert_cmpint (evaluation (f->window)->n_blocks, ==, 0);
    mp_window_show_page (f->window, "safeguards");
    g_assert_cmpuint (mp_safeguards_page_get_n_rows (MP_SAFEGUARDS_PAGE (safeguards), MP_SEVERITY_WARNING), >=, 1);
    g_assert_nonnull (mp_safeguards_page_find_row (MP_SAFEGUARDS_PAGE (safeguards), "WHO"));
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (evaluation (f->window)->n_blocks, ==, 0);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;

  if (mp_window_export_finish (MP_WINDOW (source), result, error))
    *error = NULL;
  g_object_set_data (source, "mp-test-done", GINT_TO_POINTER (1));
}

static gboolean
export_done (gpointer window)
{
  return g_object_get_data (G_OBJECT (window), "mp-test-done") != NULL;
}

static void
assert_xlsx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (contents, 4, "PK\3\4", 4);
}

static void
test_compare_and_export (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *compare;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *brief = g_build_filename (f->dir, "brief.xlsx", NULL);
  g_autofree char *comparison = g_build_filename (f->dir, "comparison.xlsx", NULL);
  g_autoptr(GFile) brief_file = g_file_new_for_path (brief);
  g_autoptr(GFile) comparison_file = g_file_new_for_path (comparison);
  GError *error = NULL;

  SKIP_WITHOUT_DISPLAY ();

  open_demo (f);
  compare = mp_window_get_page (f->window, "compare");
  mp_window_show_page (f->window, "compare");

  /* Compare the first two packages only. */
  for (guint i = 0; i < n_packages (f->window); i++)
    mp_compare_page_set_selected (MP_COMPARE_PAGE (compare), package_id_at (f->window, i), i < 2);
  ids = mp_compare_page_dup_selected_ids (MP_COMPARE_PAGE (compare));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, package_id_at (f->window, 0));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, package_id_at (f->window, 1));

  /* The comparison workbook, written in a worker thread. */
  mp_window_export_comparison_async (f->window, (const gint64 *) (gpointer) ids->data, ids->len,
                                     comparison_file, NULL, on_export_done_cb, &error);
  g_assert_true (wait_until (export_done, f->window, 60));
  g_assert_no_error (error);
  assert_xlsx (comparison);
  g_object_set_data (G_OBJECT (f->window), "mp-test-done", NULL);

  /* The brief of the selected package. */
  mp_window_export_brief_async (f->window, brief_file, NULL, on_export_done_cb, &error);
  g_assert_true (wait_until (export_done, f->window, 60));
  g_assert_no_error (error);
  assert_xlsx (brief);
  g_object_set_data (G_OBJECT (f->window), "mp-test-done", NULL);

  /* A comparison of a single package is refused with a message. */
  mp_window_export_comparison_async (f->window, (const gint64 *) (gpointer) ids->data, 1,
                                     comparison_file, NULL, on_export_done_cb, &error);
  g_assert_true (wait_until (export_done, f->window, 10));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
}

static gboolean
not_running (gpointer page)
{
  return !mp_uncertainty_page_get_running (MP_UNCERTAINTY_PAGE (page));
}

static void
test_uncertainty (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *page;
  const MpEvaluation *result;
  GtkSpinButton *draws;

  SKIP_WITHOUT_DISPLAY ();

  open_demo (f);
  page = mp_window_get_page (f->window, "uncertainty");
  mp_window_show_page (f->window, "uncertainty");

  /* Fewer draws (an undoable edit of the package), then Run. */
  draws = find_spin (page, "Draws");
  gtk_spin_button_set_value (draws, 500);
  g_assert_cmpuint (mp_session_get_package (mp_window_get_session (f->window))->draws, ==, 500);

  gtk_widget_activate_action (page, "uncertainty.run", NULL);
  g_assert_true (mp_uncertainty_page_get_running (MP_UNCERTAINTY_PAGE (page)));
  /* The window keeps working while the draws run. */
  mp_window_show_page (f->window, "overview");
  g_assert_true (wait_until (not_running, page, 60));

  result = mp_uncertainty_page_get_result (MP_UNCERTAINTY_PAGE (page));
  g_assert_nonnull (result);
  g_assert_true (result->has_uncertainty);
  g_assert_cmpuint (result->draws, ==, 500);
  g_assert_cmpfloat (result->quantiles[MP_HEADLINE_FIT].p10, <=, result->quantiles[MP_HEADLINE_FIT].p50);
  g_assert_cmpfloat (result->quantiles[MP_HEADLINE_FIT].p50, <=, result->quantiles[MP_HEADLINE_FIT].p90);

  /* Cancel stops a run. */
  gtk_spin_button_set_value (draws, 100000);
  gtk_widget_activate_action (page, "uncertainty.run", NULL);
  gtk_widget_activate_action (page, "uncertainty.cancel", NULL);
  g_assert_true (wait_until (not_running, page, 60));
}

static void
test_print_to_pdf (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "brief.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  guint pages = 0;

  SKIP_WITHOUT_DISPLAY ();

  open_demo (f);
  g_assert_true (mp_print_run (GTK_WINDOW (f->window), mp_window_get_session (f->window),
                               GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  /* Cover, charts, tables: at least three page objects (the file holds
   * binary streams: search bytes, not strings). */
  for (gsize i = 0; i + 11 < len; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      pages++;
  g_assert_cmpuint (pages, >=, 3);
}

static void
test_open_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *bogus = g_build_filename (f->dir, "not-a-document.mplan", NULL);
  g_autofree char *path = demo_path (f);
  g_autoptr(GFile) bogus_file = g_file_new_for_path (bogus);
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;
  MpWindow *second;

  SKIP_WITHOUT_DISPLAY ();

  /* Not a document: a dialog in the user's words; the window stays empty. */
  g_assert_true (g_file_set_contents (bogus, "Dear delegation, …", -1, NULL));
  g_assert_false (mp_window_open_file (f->window, bogus_file));
  iterate (20);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Open"));
  g_assert_cmpuint (strlen (adw_message_dialog_get_body (dialog)), >, 10);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (mp_window_get_visible_page_name (f->window), ==, "empty");

  /* A document open elsewhere opens read-only, with a notice, and nothing
   * can be edited. */
  open_demo (f);
  second = new_window (f);
  file = g_file_new_for_path (path);
  g_assert_true (mp_window_open_file (second, file));
  g_assert_true (mp_session_is_read_only (mp_window_get_session (second)));
  g_assert_false (gtk_widget_is_sensitive (find_button_for_action (GTK_WIDGET (second), "win.package-new")));
  gtk_widget_activate_action (GTK_WIDGET (second), "win.package-new", NULL);
  g_assert_cmpuint (n_packages (second), ==, 4);
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_filter_schemes (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *offer;
  GtkWidget *entry = NULL;

  SKIP_WITHOUT_DISPLAY ();

  open_demo (f);
  /* The regional package has three schemes. */
  mp_session_select_package (mp_window_get_session (f->window), package_id_at (f->window, 2));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-schemes", NULL);
  iterate (20);
  g_assert_cmpstr (mp_window_get_visible_page_name (f->window), ==, "offer");
  offer = mp_window_get_page (f->window, "offer");
  entry = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (entry, offer));
  g_assert_nonnull (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY));
}

static void
test_save_as_and_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.mplan", NULL);
  g_autofree char *json = g_build_filename (f->dir, "package.json", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "indicators.csv", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GSettings) settings = g_settings_new ("org.mobilityplanner.MobilityPlanner");
  g_auto(GStrv) recent = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  MpSession *session;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  open_demo (f);
  session = mp_window_get_session (f->window);

  /* Save As continues on the copy, which becomes the first recent document. */
  g_assert_true (mp_window_save_as (f->window, copy_file));
  g_assert_cmpstr (mp_document_get_path (mp_session_get_document (session)), ==, copy);
  g_assert_cmpuint (n_packages (f->window), ==, 4);
  recent = g_settings_get_strv (settings, "recent-documents");
  g_assert_nonnull (recent[0]);
  g_assert_cmpstr (recent[0], ==, copy);

  /* A package exported as JSON comes back as a fifth package; undo. */
  id = package_id_at (f->window, 1);
  exported = mp_document_export_json (mp_session_get_document (session), &id, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (json, exported, -1, NULL));
  g_assert_true (mp_window_import_json (f->window, json_file));
  g_assert_cmpuint (n_packages (f->window), ==, 5);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (n_packages (f->window), ==, 4);

  /* Bad input: a dialog that names the problem; nothing imported. */
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"mobility-planner-package\", \"name\": 7}", -1, NULL));
  g_assert_false (mp_window_import_json (f->window, bad_file));
  iterate (20);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Import"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_packages (f->window), ==, 4);

  /* An indicator CSV: confirmed in a dialog, applied to the reference data,
   * undone in one step. */
  g_assert_true (g_file_set_contents (csv, "iso3,indicator,value,year,source\n"
                                           "MAR,youth_unemployment,30.5,2026,Test survey\n", -1, NULL));
  g_assert_true (mp_window_import_indicators (f->window, csv_file));
  iterate (20);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    const MpPartner *morocco = mp_reference_find_partner (mp_session_get_reference (session), "MAR");

    g_assert_cmpfloat (morocco->ind[MP_IND_YOUTH_UNEMPLOYMENT].value, ==, 30.5);
    g_assert_cmpint (morocco->ind[MP_IND_YOUTH_UNEMPLOYMENT].year, ==, 2026);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpfloat (mp_reference_find_partner (mp_session_get_reference (session), "MAR")->ind[MP_IND_YOUTH_UNEMPLOYMENT].value,
                     !=, 30.5);
}

static void
on_closed_export_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  gboolean *done = user_data;

  /* Written or cancelled: either way no warning, no crash. */
  mp_window_export_finish (MP_WINDOW (source), result, NULL);
  *done = TRUE;
}

static gboolean
flag_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static void
test_close_while_working (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *brief = g_build_filename (f->dir, "closed.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (brief);
  GtkWidget *page;
  gboolean done = FALSE;

  SKIP_WITHOUT_DISPLAY ();

  /* Closing the window while Monte Carlo and an export run in worker
   * threads: the workers finish or stop, their results find no widgets and
   * are dropped quietly. */
  open_demo (f);
  page = mp_window_get_page (f->window, "uncertainty");
  mp_window_show_page (f->window, "uncertainty");
  gtk_spin_button_set_value (find_spin (page, "Draws"), 20000);
  gtk_widget_activate_action (page, "uncertainty.run", NULL);
  mp_window_export_brief_async (f->window, file, NULL, on_closed_export_done_cb, &done);

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_true (wait_until (flag_set, &done, 60));
  iterate (200);

  f->window = new_window (f);
}

/* ---- Accessibility ----------------------------------------------------------------- */

static gboolean
has_label_descendant (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_descendant (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  /* An entry row is named by its title. */
  if (ADW_IS_ENTRY_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))[0] != '\0';

  /* A button (check button, split button) named by the label it shows. */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || ADW_IS_SPLIT_BUTTON (widget))
    return has_label_descendant (widget);

  return FALSE;
}

static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || ADW_IS_SPLIT_BUTTON (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         ADW_IS_ENTRY_ROW (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget) ||
         GTK_IS_PROGRESS_BAR (widget);
}

/* Widgets whose parts are their own business: checked as a whole. */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) ||
         ADW_IS_SPLIT_BUTTON (widget) || ADW_IS_ENTRY_ROW (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_COLUMN_VIEW (widget);
}

static guint n_checked;

static void
check_names (GtkWidget *widget,
             GPtrArray *missing)
{
  /* Hidden widgets are not shown to anyone (an expander row's internal
   * enable switch, say); they are checked when shown. */
  if (!gtk_widget_get_visible (widget))
    return;

  /* The window controls (minimise, close) and the view switcher come from
   * GTK and libadwaita, which name them. */
  if (GTK_IS_WINDOW_CONTROLS (widget) || ADW_IS_VIEW_SWITCHER (widget) || ADW_IS_VIEW_SWITCHER_BAR (widget))
    return;

  /* List and flow boxes used for layout of rows are named by their rows; the
   * ones that stand alone (recent documents) carry a name. */
  if (is_interactive (widget) && !(GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget)))
    n_checked++;
  if (is_interactive (widget) && !(GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget)) &&
      !has_accessible_name (widget))
    {
      GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

      g_ptr_array_add (missing, g_strdup_printf ("%s (in %s “%s”)", G_OBJECT_TYPE_NAME (widget),
                                                 row ? G_OBJECT_TYPE_NAME (row) : "-",
                                                 row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : ""));
    }

  if (is_composite (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, missing);
}

static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const pages[] = { "overview", "offer", "partner", "safeguards", "uncertainty", "compare" };
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  SKIP_WITHOUT_DISPLAY ();

  /* The empty state first, then every page of every demo package (the
   * regional one shows the partner chooser, the blocked one findings). */
  check_names (GTK_WIDGET (f->window), missing);
  open_demo (f);
  check_names (GTK_WIDGET (f->window), missing);
  for (guint p = 0; p < n_packages (f->window); p++)
    {
      mp_session_select_package (mp_window_get_session (f->window), package_id_at (f->window, p));
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          mp_window_show_page (f->window, pages[i]);
          check_names (mp_window_get_page (f->window, pages[i]), missing);
        }
    }

  /* The uncertainty results, once run. */
  {
    GtkWidget *page = mp_window_get_page (f->window, "uncertainty");

    gtk_spin_button_set_value (find_spin (page, "Draws"), 100);
    gtk_widget_activate_action (page, "uncertainty.run", NULL);
    check_names (GTK_WIDGET (f->window), missing);
    g_assert_true (wait_until (not_running, page, 60));
    check_names (GTK_WIDGET (f->window), missing);
  }

  for (guint i = 0; i < missing->len; i++)
    g_test_message ("no accessible name: %s", (char *) g_ptr_array_index (missing, i));
  g_assert_cmpuint (missing->len, ==, 0);
  /* The walk reached the editors: hundreds of controls were checked. */
  g_test_message ("%u interactive widgets checked", n_checked);
  g_assert_cmpuint (n_checked, >, 300);
}

/* The editors' spin buttons take their limits from the one table of field
 * rules: a quota at the documented maximum is shown, and kept, unclamped. */
static void
test_spin_limits_from_field_rules (void)
{
  static const struct { MpSpinField spin; MpFieldId field; double factor; } pairs[] = {
    { MP_SPIN_QUOTA, MP_FIELD_SCHEME_QUOTA, 1 },
    { MP_SPIN_INTAKE_YEARS, MP_FIELD_SCHEME_INTAKE_YEARS, 1 },
    { MP_SPIN_STAYS, MP_FIELD_SCHEME_STAYS, 1 },
    { MP_SPIN_HOME_TRACK_RATIO, MP_FIELD_SCHEME_HOME_TRACK_RATIO, 1 },
    { MP_SPIN_COST, MP_FIELD_SCHEME_COST_PER_PARTICIPANT, 1 },
    { MP_SPIN_RECRUITMENT_FEES, MP_FIELD_SCHEME_RECRUITMENT_FEES, 1 },
    { MP_SPIN_EMPLOYER_SHARE, MP_FIELD_SCHEME_EMPLOYER_SHARE, 100 },
    { MP_SPIN_TRANCHE_QUOTA, MP_FIELD_TRANCHE_EXTRA_QUOTA, 1 },
    { MP_SPIN_HORIZON, MP_FIELD_PACKAGE_HORIZON, 1 },
  };
  const MpFieldRule *quota = mp_field_rule (MP_FIELD_SCHEME_QUOTA);
  GtkAdjustment *adj;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const MpFieldRule *rule = mp_field_rule (pairs[i].field);
      double min, max;

      mp_row_spin_limits (pairs[i].spin, &min, &max);
      g_assert_cmpfloat (min, ==, rule->min * pairs[i].factor);
      g_assert_cmpfloat (max, ==, rule->max * pairs[i].factor);
    }

  /* Before, the quota's spin button stopped at 1,000,000 while the reader
   * took 10,000,000: a stored 2,000,000 was clamped by the editor. */
  g_assert_cmpfloat (quota->max, >, 1000000);
  adj = gtk_adjustment_new (0, quota->min, quota->max, 10, 100, 0);
  g_object_ref_sink (adj);
  gtk_adjustment_set_value (adj, quota->max);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, quota->max);
  g_object_unref (adj);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  static const char * const system_data[] = { "/usr/local/share", "/usr/share", NULL };
  static const char * const mime_dirs[] = { "/usr/local/share/mime", "/usr/share/mime", NULL };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* ISOLATE_DIRS hides the system data folders, and with them the MIME
   * database (needed to recognise SVG icons) and the icon theme: give both
   * back so that icons load as in a real session. */
  g_content_type_set_mime_dirs (mime_dirs);
  /* The accessibility check reads the accessible properties through GTK's
   * test AT context; the suite's GTK_A11Y=none would give no context. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      for (guint i = 0; system_data[i] != NULL; i++)
        {
          g_autofree char *icons = g_build_filename (system_data[i], "icons", NULL);

          gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icons);
        }
    }

  if (have_display)
    {
      g_autoptr(GError) error = NULL;

      app = mp_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  g_test_add_func ("/ui/rows/spin-limits-from-field-rules", test_spin_limits_from_field_rules);
  ADD_TEST ("/ui/window/empty-state", test_empty_state);
  ADD_TEST ("/ui/window/new-from-demo", test_new_from_demo);
  ADD_TEST ("/ui/window/package-and-scheme", test_package_and_scheme);
  ADD_TEST ("/ui/window/offer-items", test_offer_items);
  ADD_TEST ("/ui/window/block-and-undo", test_block_and_undo);
  ADD_TEST ("/ui/window/compare-and-export", test_compare_and_export);
  ADD_TEST ("/ui/window/uncertainty", test_uncertainty);
  ADD_TEST ("/ui/window/print-to-pdf", test_print_to_pdf);
  ADD_TEST ("/ui/window/open-errors", test_open_errors);
  ADD_TEST ("/ui/window/filter-schemes", test_filter_schemes);
  ADD_TEST ("/ui/window/save-as-and-import", test_save_as_and_import);
  ADD_TEST ("/ui/window/close-while-working", test_close_while_working);
  ADD_TEST ("/ui/window/accessible-names", test_accessible_names);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
