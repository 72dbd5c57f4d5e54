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

#include "mp-columns.h"
#include "mp-format.h"
#include "mp-icons.h"
#include "mp-item-list.h"
#include "mp-offer-items.h"
#include "mp-offer-page.h"
#include "mp-rows.h"
#include "mp-scheme-editor.h"
#include "mp-scheme-item.h"
#include "mp-scheme-presets.h"

/* The Offer page is where the work happens: the schemes of the package in a
 * table with an editor for the selected one (MpSchemeEditor), the other
 * offers, the asks and the conditional tranches (MpItemList), the package
 * settings and its partners.  Every edit is one undoable command in the
 * document (mp_page_commit()); the session then re-evaluates the package
 * and this page refreshes its widgets in place, without emitting their
 * change signals, so the focus stays where it is. */

/* The package settings, bound to MpPackage. */
typedef enum
{
  SETTING_NAME,
  SETTING_DESCRIPTION,
  SETTING_START_YEAR,
  SETTING_HORIZON,
  N_SETTINGS
} Setting;

static const MpRowDesc setting_descs[N_SETTINGS] = {
  [SETTING_NAME] = { MP_ROW_ENTRY, N_("Package name"), NULL, NULL, 0,
                     MP_VALUE_STRING, G_STRUCT_OFFSET (MpPackage, name), MP_ROW_REQUIRED, N_("Rename package") },
  [SETTING_DESCRIPTION] = { MP_ROW_ENTRY, N_("Description"), NULL, NULL, 0,
                            MP_VALUE_STRING, G_STRUCT_OFFSET (MpPackage, description), 0, NULL },
  [SETTING_START_YEAR] = { MP_ROW_SPIN, N_("Start year"), N_("First year of the projection"), NULL, MP_SPIN_START_YEAR,
                           MP_VALUE_INT, G_STRUCT_OFFSET (MpPackage, start_year), 0, NULL },
  [SETTING_HORIZON] = { MP_ROW_SPIN, N_("Horizon"), N_("Years projected"), N_("years"), MP_SPIN_HORIZON,
                        MP_VALUE_INT, G_STRUCT_OFFSET (MpPackage, horizon), 0, NULL },
};

/* One partner of the package, with its remove button. */
typedef struct
{
  MpOfferPage *page;
  GtkWidget   *row;
  char        *iso3;
} PartnerRow;

struct _MpOfferPage
{
  MpPage               parent_instance;

  GtkWidget           *scroller;
  GtkLabel            *commit_error_label;
  GtkSearchEntry      *filter_entry;
  GtkMenuButton       *preset_button;
  GtkMenuButton       *empty_preset_button;
  GtkStack            *schemes_stack;
  GtkColumnView       *scheme_view;
  GtkLabel            *filter_empty_label;
  MpSchemeEditor      *editor;
  MpItemList          *offers_list;
  GtkMenuButton       *add_offer_button;
  MpItemList          *asks_list;
  GtkMenuButton       *add_ask_button;
  MpItemList          *tranches_list;
  AdwPreferencesGroup *settings_group;
  AdwPreferencesGroup *partners_group;

  /* The scheme table */
  GListStore          *scheme_store;
  GtkStringFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *scheme_selection;
  guint                selected;          /* scheme index, G_MAXUINT for none */
  gboolean             syncing;

  /* Settings and partners */
  GPtrArray           *setting_rows;      /* MpRow: settings, then the NL weights */
  GPtrArray           *partner_rows;      /* PartnerRow */
  char                *partners_signature;
  MpRow               *add_partner;
  GPtrArray           *add_partner_codes; /* iso3 in add_partner's order */

  gint64               last_package_id;
};

G_DEFINE_FINAL_TYPE (MpOfferPage, mp_offer_page, MP_TYPE_PAGE)

static void update (MpOfferPage *self);

static MpSession *
get_session (MpOfferPage *self)
{
  return mp_page_get_session (MP_PAGE (self));
}

static gboolean
commit (MpOfferPage     *self,
        const MpPackage *package,
        const char      *label)
{
  return mp_page_commit (MP_PAGE (self), package, label);
}

static MpScheme *
selected_scheme (MpOfferPage *self,
                 MpPackage   *package)
{
  if (package == NULL || self->selected >= package->schemes->len)
    return NULL;

  return g_ptr_array_index (package->schemes, self->selected);
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
  const MpReference *reference = mp_session_get_reference (get_session (self));
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
  mp_scheme_editor_update (self->editor, self->selected);
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

/* ---- Package settings and partners ----------------------------------------------------- */

static void
on_setting_changed_cb (MpRow    *row,
                       gpointer  user_data)
{
  MpOfferPage *self = user_data;
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));

  if (package == NULL || !mp_row_write (row, package))
    return;

  commit (self, package, mp_row_get_undo_label (row, _("Edit package settings")));
}

static MpRow *
add_setting (MpOfferPage     *self,
             const MpRowDesc *desc,
             const char      *title)
{
  MpRow *row = mp_row_new (desc, title, on_setting_changed_cb, self);

  g_ptr_array_add (self->setting_rows, row);
  return row;
}

static void
build_settings (MpOfferPage *self)
{
  GtkWidget *expander;

  for (guint s = 0; s < N_SETTINGS; s++)
    adw_preferences_group_add (self->settings_group, mp_row_get_widget (add_setting (self, &setting_descs[s], NULL)));

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Weights of the Netherlands’ benefit"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("0 ignores a component, 5 counts it most"));
  for (int c = 0; c < MP_N_NL_COMPONENTS; c++)
    {
      const MpRowDesc desc = {
        MP_ROW_SPIN, NULL, NULL, NULL, MP_SPIN_NL_WEIGHT, MP_VALUE_DOUBLE,
        G_STRUCT_OFFSET (MpPackage, nl_weights) + c * sizeof (double), 0, N_("Edit the Netherlands’ weights"),
      };

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                mp_row_get_widget (add_setting (self, &desc, mp_nl_component_label (c))));
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
partner_row_free (PartnerRow *row)
{
  g_free (row->iso3);
  g_free (row);
}

static void
on_remove_partner_clicked_cb (GtkButton  *button,
                              PartnerRow *row)
{
  MpOfferPage *self = row->page;
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (package == NULL || package->partners == NULL)
    return;

  if (partner_in_use (package, row->iso3))
    {
      mp_row_widget_set_error (row->row, _("Schemes, offers or asks of this package concern this partner: change them first."));
      return;
    }

  for (guint i = 0; package->partners[i] != NULL; i++)
    if (g_strcmp0 (package->partners[i], row->iso3) != 0)
      g_strv_builder_add (builder, package->partners[i]);
  g_strfreev (package->partners);
  package->partners = g_strv_builder_end (builder);
  commit (self, package, _("Remove partner"));
}

static void
on_add_partner_clicked_cb (GtkButton   *button,
                           MpOfferPage *self)
{
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
  guint position = mp_row_get_selected (self->add_partner);
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
add_partner_row (MpOfferPage *self,
                 const char  *iso3,
                 guint        n_partners)
{
  MpSession *session = get_session (self);
  const MpReference *reference = mp_session_get_reference (session);
  const MpPartner *partner = reference ? mp_reference_find_partner (reference, iso3) : NULL;
  const char *name = mp_session_get_partner_name (session, iso3);
  PartnerRow *row = g_new0 (PartnerRow, 1);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_name = NULL;
  GtkWidget *button;

  row->page = self;
  row->iso3 = g_strdup (iso3);
  row->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), name);
  subtitle = g_strdup_printf ("%s · %s", iso3, partner && partner->region ? partner->region : "");
  mp_row_widget_set_subtitle (row->row, subtitle);

  /* Translators: accessible name of a remove button; %s names the item */
  remove_name = g_strdup_printf (_("Remove “%s”"), name);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, n_partners > 1 && !mp_session_is_read_only (session));
  gtk_widget_set_tooltip_text (button, n_partners > 1 ? _("Remove this partner") : _("A package needs at least one partner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_partner_clicked_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), button);

  adw_preferences_group_add (self->partners_group, row->row);
  g_ptr_array_add (self->partner_rows, row);
}

/* The partners a package can add: not excluded, not a reference country,
 * not one of its own. */
static void
add_add_partner_row (MpOfferPage     *self,
                     const MpPackage *package)
{
  static const MpRowDesc desc = {
    MP_ROW_COMBO, N_("Add a partner"), N_("Makes this a regional package"), NULL, 0, MP_VALUE_NONE, 0, 0, NULL,
  };
  MpSession *session = get_session (self);
  const MpReference *reference = mp_session_get_reference (session);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  GtkExpression *expression;
  GtkWidget *drop;
  GtkWidget *widget;
  GtkWidget *button;

  g_ptr_array_set_size (self->add_partner_codes, 0);
  for (guint i = 0; reference != NULL && i < reference->partners->len; i++)
    {
      const MpPartner *partner = g_ptr_array_index (reference->partners, i);

      if (partner->excluded || mp_partner_is_reference_country (partner) ||
          (package->partners != NULL && g_strv_contains ((const char * const *) package->partners, partner->iso3)))
        continue;
      g_ptr_array_add (self->add_partner_codes, g_strdup (partner->iso3));
      g_strv_builder_add (labels, partner->name ? partner->name : partner->iso3);
    }
  strv = g_strv_builder_end (labels);

  self->add_partner = mp_row_new (&desc, NULL, NULL, NULL);
  mp_row_set_choices (self->add_partner, (const char * const *) strv, NULL);
  widget = mp_row_get_widget (self->add_partner);
  drop = mp_row_get_control (self->add_partner);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop), TRUE);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (drop), expression);
  gtk_expression_unref (expression);
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add this partner to the package"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add partner"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_partner_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (widget), NULL);
  adw_preferences_group_add (self->partners_group, widget);
  gtk_widget_set_sensitive (widget, !mp_session_is_read_only (session));
}

static void
update_partners (MpOfferPage     *self,
                 const MpPackage *package)
{
  g_autofree char *signature = package->partners ? g_strjoinv (",", package->partners) : g_strdup ("");
  guint n_partners = package->partners ? g_strv_length (package->partners) : 0;

  if (g_strcmp0 (signature, self->partners_signature) == 0)
    return;

  g_free (self->partners_signature);
  self->partners_signature = g_steal_pointer (&signature);

  for (guint i = 0; i < self->partner_rows->len; i++)
    adw_preferences_group_remove (self->partners_group,
                                  ((PartnerRow *) g_ptr_array_index (self->partner_rows, i))->row);
  g_ptr_array_set_size (self->partner_rows, 0);
  if (self->add_partner != NULL)
    adw_preferences_group_remove (self->partners_group, mp_row_get_widget (self->add_partner));
  g_clear_pointer (&self->add_partner, mp_row_free);

  for (guint i = 0; i < n_partners; i++)
    add_partner_row (self, package->partners[i], n_partners);
  add_add_partner_row (self, package);
}

static void
update_settings (MpOfferPage     *self,
                 const MpPackage *package)
{
  for (guint i = 0; i < self->setting_rows->len; i++)
    mp_row_read (g_ptr_array_index (self->setting_rows, i), package);
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
      mp_scheme_editor_focus_name (self->editor);
    }
}

static void
add_scheme_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
  MpScheme *scheme;

  if (package == NULL)
    return;

  scheme = new_scheme_for (package, mp_session_get_reference (get_session (self)));
  scheme->name = dup_unique_scheme_name (package, _("New scheme"));
  add_scheme (self, package, scheme, _("Add scheme"));
}

static void
add_preset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
  const MpReference *reference = mp_session_get_reference (get_session (self));
  g_autoptr(MpScheme) scheme = NULL;
  g_autofree char *name = NULL;

  if (package == NULL)
    return;

  scheme = new_scheme_for (package, reference);
  if (!mp_scheme_presets_apply (g_variant_get_string (param, NULL), scheme, package, reference))
    return;

  name = dup_unique_scheme_name (package, scheme->name);
  g_free (scheme->name);
  scheme->name = g_steal_pointer (&name);
  add_scheme (self, package, g_steal_pointer (&scheme), _("Add scheme from preset"));
}

static void
duplicate_scheme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
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
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
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
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
  int kind = g_variant_get_int32 (param);

  if (package == NULL || kind < 0 || kind >= MP_N_OFFER_KINDS)
    return;

  g_ptr_array_add (package->offers, mp_offer_items_new_offer (package, kind));
  commit (self, package, _("Add offer"));
}

static void
add_ask_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
  int kind = g_variant_get_int32 (param);

  if (package == NULL || kind < 0 || kind >= MP_N_ASK_KINDS)
    return;

  g_ptr_array_add (package->asks, mp_offer_items_new_ask (package, kind));
  commit (self, package, _("Add ask"));
}

static void
add_tranche_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MpOfferPage *self = MP_OFFER_PAGE (widget);
  g_autoptr(MpPackage) package = mp_session_dup_package (get_session (self));
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
build_menus (MpOfferPage *self)
{
  g_autoptr(GMenu) offer_menu = g_menu_new ();
  g_autoptr(GMenu) ask_menu = g_menu_new ();
  g_autoptr(GMenu) low = g_menu_new ();
  g_autoptr(GMenu) medium = g_menu_new ();
  g_autoptr(GMenu) high = g_menu_new ();

  gtk_menu_button_set_popover (self->preset_button, mp_scheme_presets_new_popover ());
  gtk_menu_button_set_popover (self->empty_preset_button, mp_scheme_presets_new_popover ());

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
  MpSession *session = get_session (self);
  gboolean writable = session != NULL &&
                      !mp_session_is_read_only (session) &&
                      mp_session_get_package (session) != NULL;
  gboolean has_scheme = writable && self->selected != G_MAXUINT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-scheme", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-preset", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-offer", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-ask", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.add-tranche", has_scheme);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.duplicate-scheme", has_scheme);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offer.remove-scheme", has_scheme);

  mp_scheme_editor_set_editable (self->editor, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->offers_list), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->asks_list), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tranches_list), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->settings_group), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preset_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_preset_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_offer_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_ask_button), writable);
}

static void
update (MpOfferPage *self)
{
  const MpPackage *package = mp_session_get_package (get_session (self));

  update_table (self, package);
  mp_scheme_editor_update (self->editor, self->selected);
  if (package != NULL)
    {
      mp_item_list_update (self->offers_list, package);
      mp_item_list_update (self->asks_list, package);
      mp_item_list_update (self->tranches_list, package);
      update_settings (self, package);
    }
  update_sensitivity (self);
}

/* ---- MpPage ---------------------------------------------------------------------------------- */

static void
mp_offer_page_refresh (MpPage *page)
{
  MpOfferPage *self = MP_OFFER_PAGE (page);
  gint64 id = mp_session_get_package_id (get_session (self));

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
mp_offer_page_package_changed (MpPage *page)
{
  /* Actions must follow the package even while the page is hidden. */
  if (mp_page_defer_while_hidden (page))
    update_sensitivity (MP_OFFER_PAGE (page));
  else
    mp_offer_page_refresh (page);
}

static void
mp_offer_page_document_changed (MpPage *page)
{
  MpOfferPage *self = MP_OFFER_PAGE (page);

  mp_item_list_reset (self->offers_list);
  mp_item_list_reset (self->asks_list);
  mp_item_list_reset (self->tranches_list);
  g_clear_pointer (&self->partners_signature, g_free);
}

static void
mp_offer_page_committed (MpPage       *page,
                         const GError *error)
{
  MpOfferPage *self = MP_OFFER_PAGE (page);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The change was not made: %s"), error->message);

      gtk_label_set_text (self->commit_error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->commit_error_label), TRUE);
      /* Put the widgets back to what the document holds. */
      update (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->commit_error_label), FALSE);
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
mp_offer_page_dispose (GObject *object)
{
  MpOfferPage *self = MP_OFFER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_OFFER_PAGE);

  g_clear_object (&self->scheme_selection);
  g_clear_object (&self->scheme_store);

  G_OBJECT_CLASS (mp_offer_page_parent_class)->dispose (object);
}

static void
mp_offer_page_finalize (GObject *object)
{
  MpOfferPage *self = MP_OFFER_PAGE (object);

  g_clear_pointer (&self->setting_rows, g_ptr_array_unref);
  g_clear_pointer (&self->partner_rows, g_ptr_array_unref);
  g_clear_pointer (&self->add_partner, mp_row_free);
  g_clear_pointer (&self->add_partner_codes, g_ptr_array_unref);
  g_free (self->partners_signature);

  G_OBJECT_CLASS (mp_offer_page_parent_class)->finalize (object);
}

static void
mp_offer_page_class_init (MpOfferPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpPageClass *page_class = MP_PAGE_CLASS (klass);

  object_class->dispose = mp_offer_page_dispose;
  object_class->finalize = mp_offer_page_finalize;

  page_class->refresh = mp_offer_page_refresh;
  page_class->package_changed = mp_offer_page_package_changed;
  page_class->document_changed = mp_offer_page_document_changed;
  page_class->committed = mp_offer_page_committed;

  g_type_ensure (MP_TYPE_ITEM_LIST);
  g_type_ensure (MP_TYPE_SCHEME_EDITOR);
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
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, editor);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, offers_list);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, add_offer_button);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, asks_list);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, add_ask_button);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, tranches_list);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, settings_group);
  gtk_widget_class_bind_template_child (widget_class, MpOfferPage, partners_group);

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
  self->setting_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_row_free);
  self->partner_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) partner_row_free);
  self->add_partner_codes = g_ptr_array_new_with_free_func (g_free);

  mp_item_list_set_spec (self->offers_list, &mp_other_offers_spec);
  mp_item_list_set_spec (self->asks_list, &mp_asks_spec);
  mp_item_list_set_spec (self->tranches_list, &mp_tranches_spec);

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

  package = mp_session_get_package (get_session (self));
  if (package == NULL || index >= package->schemes->len)
    return;

  /* A filter that hides the scheme would hide the selection: clear it. */
  if (position_of_index (self, index) == GTK_INVALID_LIST_POSITION)
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");

  self->selected = index;
  sync_table_selection (self);
  mp_scheme_editor_update (self->editor, self->selected);
  update_sensitivity (self);
}

guint
mp_offer_page_get_selected_scheme (MpOfferPage *self)
{
  g_return_val_if_fail (MP_IS_OFFER_PAGE (self), G_MAXUINT);

  return self->selected;
}
