/* mp-compare-page.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-compare-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mp-brief.h"
#include "mp-compare-page.h"
#include "mp-deal-map.h"
#include "mp-format.h"
#include "mp-package-item.h"

/* Packages of the document side by side: tick them, read the headline
 * figures with the best value of each row marked, see them on the deal map
 * and export the comparison workbook. */

typedef enum
{
  BEST_HIGHEST,
  BEST_LOWEST,
  BEST_NEAREST_ZERO,
} Best;

typedef enum
{
  ROW_ADMISSIONS,
  ROW_PERSON_YEARS,
  ROW_REMITTANCES,
  ROW_NET_MIGRATION,
  ROW_FIT,
  ROW_NL_BENEFIT,
  ROW_BALANCE,
  ROW_COST,
  ROW_BLOCKS,
  ROW_WARNINGS,
  N_ROWS
} Row;

static const struct
{
  const char *label;
  Best        best;
} rows[N_ROWS] = {
  [ROW_ADMISSIONS] = { N_("Admissions a year"), BEST_HIGHEST },
  [ROW_PERSON_YEARS] = { N_("Person-years over the horizon"), BEST_HIGHEST },
  [ROW_REMITTANCES] = { N_("Remittances a year"), BEST_HIGHEST },
  [ROW_NET_MIGRATION] = { N_("Net migration at the end"), BEST_LOWEST },
  [ROW_FIT] = { N_("Partner fit"), BEST_HIGHEST },
  [ROW_NL_BENEFIT] = { N_("NL benefit"), BEST_HIGHEST },
  [ROW_BALANCE] = { N_("Balance"), BEST_NEAREST_ZERO },
  [ROW_COST] = { N_("Public cost over the horizon"), BEST_LOWEST },
  [ROW_BLOCKS] = { N_("Blocks"), BEST_LOWEST },
  [ROW_WARNINGS] = { N_("Warnings"), BEST_LOWEST },
};

struct _MpComparePage
{
  MpPage               parent_instance;

  GtkWidget           *scroller;
  AdwPreferencesGroup *packages_group;
  GtkLabel            *hint_label;
  GtkWidget           *table_box;
  GtkGrid             *grid;
  GtkWidget           *map_box;
  MpDealMap           *deal_map;

  GPtrArray           *check_rows;
  GHashTable          *ticked;        /* gint64* id -> itself */
  gboolean             initialised;
};

G_DEFINE_FINAL_TYPE (MpComparePage, mp_compare_page, MP_TYPE_PAGE)

static void update_table (MpComparePage *self);

static gboolean
is_ticked (MpComparePage *self,
           gint64         id)
{
  return g_hash_table_contains (self->ticked, &id);
}

static void
set_ticked (MpComparePage *self,
            gint64         id,
            gboolean       ticked)
{
  if (ticked)
    g_hash_table_add (self->ticked, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->ticked, &id);
}

/* The first time, tick the first packages (up to four). */
static void
ensure_initial_ticks (MpComparePage *self)
{
  GListModel *packages = mp_session_get_packages (mp_page_get_session (MP_PAGE (self)));
  guint n = g_list_model_get_n_items (packages);

  if (self->initialised || n == 0)
    return;

  for (guint i = 0; i < MIN (n, 4); i++)
    {
      g_autoptr(MpPackageItem) item = g_list_model_get_item (packages, i);

      set_ticked (self, mp_package_item_get_id (item), TRUE);
    }
  self->initialised = TRUE;
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     MpComparePage  *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "mp-id");

  set_ticked (self, id, gtk_check_button_get_active (check));
  update_table (self);
}

static void
update_packages (MpComparePage *self)
{
  GListModel *packages = mp_session_get_packages (mp_page_get_session (MP_PAGE (self)));
  guint n = g_list_model_get_n_items (packages);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->check_rows->len; i++)
    adw_preferences_group_remove (self->packages_group, g_ptr_array_index (self->check_rows, i));
  g_ptr_array_set_size (self->check_rows, 0);

  ensure_initial_ticks (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpPackageItem) item = g_list_model_get_item (packages, i);
      gint64 id = mp_package_item_get_id (item);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;

      g_hash_table_add (present, g_memdup2 (&id, sizeof id));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mp_package_item_get_name (item));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u scheme", "%s · %u schemes",
                                               mp_package_item_get_n_schemes (item)),
                                  mp_package_item_get_partners (item), mp_package_item_get_n_schemes (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_ticked (self, id));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      mp_package_item_get_name (item), -1);
      g_object_set_data_full (G_OBJECT (check), "mp-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      adw_preferences_group_add (self->packages_group, row);
      g_ptr_array_add (self->check_rows, row);
    }

  /* Forget ids that are no longer in the document. */
  g_hash_table_iter_init (&iter, self->ticked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);
}

static double
row_value (const MpEvaluation *eval,
           Row                 row)
{
  switch (row)
    {
    case ROW_ADMISSIONS: return eval->headline[MP_HEADLINE_ADMISSIONS];
    case ROW_PERSON_YEARS: return eval->headline[MP_HEADLINE_PERSON_YEARS];
    case ROW_REMITTANCES: return eval->headline[MP_HEADLINE_REMITTANCES];
    case ROW_NET_MIGRATION: return eval->headline[MP_HEADLINE_NET_MIGRATION];
    case ROW_FIT: return eval->headline[MP_HEADLINE_FIT];
    case ROW_NL_BENEFIT: return eval->headline[MP_HEADLINE_NL_BENEFIT];
    case ROW_BALANCE: return eval->headline[MP_HEADLINE_BALANCE];
    case ROW_COST: return eval->headline[MP_HEADLINE_COST_PUBLIC];
    case ROW_BLOCKS: return eval->n_blocks;
    case ROW_WARNINGS: return eval->n_warnings;
    case N_ROWS:
    default: return NAN;
    }
}

static char *
format_row (Row    row,
            double value)
{
  switch (row)
    {
    case ROW_REMITTANCES:
    case ROW_COST:
      return mp_format_money (value);
    case ROW_NET_MIGRATION:
      return mp_format_signed_number (value, 0);
    case ROW_BALANCE:
      return mp_format_signed_number (value, 1);
    case ROW_FIT:
    case ROW_NL_BENEFIT:
      return mp_format_number (value, 1);
    case ROW_ADMISSIONS:
    case ROW_PERSON_YEARS:
    case ROW_BLOCKS:
    case ROW_WARNINGS:
    case N_ROWS:
    default:
      return mp_format_number (value, 0);
    }
}

static double
goodness (Row    row,
          double value)
{
  switch (rows[row].best)
    {
    case BEST_HIGHEST: return value;
    case BEST_LOWEST: return -value;
    case BEST_NEAREST_ZERO:
    default: return -fabs (value);
    }
}

static void
update_table (MpComparePage *self)
{
  MpSession *session = mp_page_get_session (MP_PAGE (self));
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (MpDealPoint));
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) shown_packages = g_ptr_array_new ();
  GtkWidget *child;
  gint64 current;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  if (mp_session_get_document (session) == NULL)
    {
      mp_deal_map_set_points (self->deal_map, NULL, 0);
      return;
    }

  current = mp_session_get_package_id (session);
  mp_session_evaluate_all (session, &packages, &evaluations, &ids);
  for (guint i = 0; i < packages->len; i++)
    {
      const MpPackage *package = g_ptr_array_index (packages, i);
      const MpEvaluation *eval = g_ptr_array_index (evaluations, i);
      gint64 id = g_array_index (ids, gint64, i);
      MpDealPoint point = { 0 };

      if (!is_ticked (self, id) || eval == NULL)
        continue;

      g_ptr_array_add (shown, (gpointer) eval);
      g_ptr_array_add (shown_packages, (gpointer) package);
      point.name = package->name;
      point.nl_benefit = eval->headline[MP_HEADLINE_NL_BENEFIT];
      point.fit = eval->headline[MP_HEADLINE_FIT];
      point.highlighted = id == current;
      g_array_append_val (points, point);
    }

  mp_deal_map_set_points (self->deal_map, (const MpDealPoint *) (gpointer) points->data, points->len);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), shown->len < 2);
  gtk_widget_set_visible (self->table_box, shown->len >= 1);
  gtk_widget_set_visible (self->map_box, shown->len >= 1);

  if (shown->len > MP_BRIEF_MAX_COMPARE)
    {
      g_autofree char *hint = g_strdup_printf (_("The comparison workbook takes at most %d packages: untick some before exporting."),
                                               MP_BRIEF_MAX_COMPARE);

      gtk_label_set_text (self->hint_label, hint);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
    }
  else
    gtk_label_set_text (self->hint_label, _("Tick at least two packages to compare them."));

  /* Header row: package names. */
  for (guint c = 0; c < shown_packages->len; c++)
    {
      const MpPackage *package = g_ptr_array_index (shown_packages, c);
      GtkWidget *label = gtk_label_new (package->name);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (self->grid, label, c + 1, 0, 1, 1);
    }

  for (int r = 0; r < N_ROWS; r++)
    {
      GtkWidget *label = gtk_label_new (_(rows[r].label));
      double best = -INFINITY;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, 0, r + 1, 1, 1);

      for (guint c = 0; c < shown->len; c++)
        {
          double g = goodness (r, row_value (g_ptr_array_index (shown, c), r));

          if (isfinite (g) && g > best)
            best = g;
        }

      for (guint c = 0; c < shown->len; c++)
        {
          double value = row_value (g_ptr_array_index (shown, c), r);
          g_autofree char *text = format_row (r, value);
          gboolean is_best = shown->len > 1 && isfinite (value) && goodness (r, value) >= best - 1e-9;
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          GtkWidget *value_label = gtk_label_new (text);

          gtk_widget_set_halign (cell, GTK_ALIGN_END);
          gtk_widget_add_css_class (value_label, "numeric");
          if (is_best)
            {
              GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");
              g_autofree char *name = g_strdup_printf (_("%s (best)"), text);

              gtk_widget_add_css_class (value_label, "heading");
              gtk_widget_add_css_class (cell, "accent");
              gtk_box_append (GTK_BOX (cell), star);
              gtk_widget_set_tooltip_text (cell, _("Best in this row"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (value_label),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
            }
          gtk_box_append (GTK_BOX (cell), value_label);
          gtk_grid_attach (self->grid, cell, c + 1, r + 1, 1, 1);
        }
    }
}

static void
update (MpComparePage *self)
{
  update_packages (self);
  update_table (self);
}

static void
mp_compare_page_refresh (MpPage *page)
{
  update (MP_COMPARE_PAGE (page));
}

static void
mp_compare_page_package_selected (MpPage *page)
{
  if (!mp_page_defer_while_hidden (page))
    update_table (MP_COMPARE_PAGE (page));
}

static void
mp_compare_page_document_changed (MpPage *page)
{
  MpComparePage *self = MP_COMPARE_PAGE (page);

  g_hash_table_remove_all (self->ticked);
  self->initialised = FALSE;
}

static void
mp_compare_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_COMPARE_PAGE);

  G_OBJECT_CLASS (mp_compare_page_parent_class)->dispose (object);
}

static void
mp_compare_page_finalize (GObject *object)
{
  MpComparePage *self = MP_COMPARE_PAGE (object);

  g_clear_pointer (&self->check_rows, g_ptr_array_unref);
  g_clear_pointer (&self->ticked, g_hash_table_unref);

  G_OBJECT_CLASS (mp_compare_page_parent_class)->finalize (object);
}

static void
mp_compare_page_class_init (MpComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpPageClass *page_class = MP_PAGE_CLASS (klass);

  object_class->dispose = mp_compare_page_dispose;
  object_class->finalize = mp_compare_page_finalize;

  page_class->refresh = mp_compare_page_refresh;
  page_class->package_changed = NULL;
  page_class->package_selected = mp_compare_page_package_selected;
  page_class->history_changed = mp_page_queue_refresh;
  page_class->document_changed = mp_compare_page_document_changed;

  g_type_ensure (MP_TYPE_DEAL_MAP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpComparePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MpComparePage, packages_group);
  gtk_widget_class_bind_template_child (widget_class, MpComparePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, MpComparePage, table_box);
  gtk_widget_class_bind_template_child (widget_class, MpComparePage, grid);
  gtk_widget_class_bind_template_child (widget_class, MpComparePage, map_box);
  gtk_widget_class_bind_template_child (widget_class, MpComparePage, deal_map);
}

static void
mp_compare_page_init (MpComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->check_rows = g_ptr_array_new ();
  self->ticked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

GArray *
mp_compare_page_dup_selected_ids (MpComparePage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *packages;
  guint n;

  g_return_val_if_fail (MP_IS_COMPARE_PAGE (self), ids);

  ensure_initial_ticks (self);
  packages = mp_session_get_packages (mp_page_get_session (MP_PAGE (self)));
  n = g_list_model_get_n_items (packages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpPackageItem) item = g_list_model_get_item (packages, i);
      gint64 id = mp_package_item_get_id (item);

      if (is_ticked (self, id))
        g_array_append_val (ids, id);
    }

  return ids;
}

void
mp_compare_page_set_selected (MpComparePage *self,
                              gint64         id,
                              gboolean       selected)
{
  g_return_if_fail (MP_IS_COMPARE_PAGE (self));

  ensure_initial_ticks (self);
  set_ticked (self, id, selected);
  mp_page_queue_refresh (MP_PAGE (self));
}
