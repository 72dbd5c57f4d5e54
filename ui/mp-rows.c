/* mp-rows.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-rows"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mp-field-rules.h"
#include "mp-rows.h"

/* The step and digits of every spin button of the editors.  Their limits
 * come from the field rules of models/domain (spin_fields[], read in
 * spin_range()), the one table the JSON reader, the store, the engine and the
 * CLI's edit command check against; the min and max below are used only for
 * the few spin buttons that edit no field of that table. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  digits;
} SpinRange;

static const SpinRange spin_ranges[MP_N_SPIN_FIELDS] = {
  [MP_SPIN_QUOTA]              = { 0, 1000000, 10, 0 },
  [MP_SPIN_FIRST_YEAR]         = { 2000, 2100, 1, 0 },
  [MP_SPIN_INTAKE_YEARS]       = { 1, 50, 1, 0 },
  [MP_SPIN_MONTHS]             = { 1, 12, 1, 0 },
  [MP_SPIN_STAYS]              = { 1, 50, 1, 0 },
  [MP_SPIN_TRAINING_MONTHS]    = { 0, 60, 1, 1 },
  [MP_SPIN_HOME_TRACK_RATIO]   = { 0, 50, 0.5, 2 },
  [MP_SPIN_COST]               = { 0, 1000000, 500, 0 },
  [MP_SPIN_EMPLOYER_SHARE]     = { 0, 100, 5, 0 },
  [MP_SPIN_RECRUITMENT_FEES]   = { 0, 100000, 50, 0 },
  [MP_SPIN_OFFER_MONEY]        = { 0, 1e10, 100000, 0 },
  [MP_SPIN_OFFER_SCHOLARSHIPS] = { 0, 1e10, 10, 0 },
  [MP_SPIN_OFFER_VISA_LEVEL]   = { 0, 3, 1, 0 },
  [MP_SPIN_OFFER_JOBS]         = { 0, 1e8, 100, 0 },
  [MP_SPIN_ASK_RETURNS]        = { 0, 1e6, 10, 0 },
  [MP_SPIN_ASK_LEVEL]          = { 0, 3, 1, 0 },
  [MP_SPIN_TRANCHE_QUOTA]      = { 0, 1000000, 10, 0 },
  [MP_SPIN_TRANCHE_YEAR]       = { 2000, 2100, 1, 0 },
  [MP_SPIN_START_YEAR]         = { 2000, 2100, 1, 0 },
  [MP_SPIN_HORIZON]            = { 1, 50, 1, 0 },
  [MP_SPIN_NL_WEIGHT]          = { 0, 5, 0.5, 1 },
  [MP_SPIN_INTEREST_WEIGHT]    = { 0, 5, 0.5, 1 },
  [MP_SPIN_INTEREST_SCALE]     = { 0, 1e13, 100, 2 },
  [MP_SPIN_DRAWS]              = { 100, 100000, 500, 0 },
};

/* The field of the rules table each spin button edits, and the factor from
 * the stored value to the shown one (the employer share is shown in %). */
static const struct
{
  int    field;   /* MpFieldId, or -1 */
  double factor;
} spin_fields[MP_N_SPIN_FIELDS] = {
  [MP_SPIN_QUOTA]              = { MP_FIELD_SCHEME_QUOTA, 1 },
  [MP_SPIN_FIRST_YEAR]         = { MP_FIELD_SCHEME_FIRST_YEAR, 1 },
  [MP_SPIN_INTAKE_YEARS]       = { MP_FIELD_SCHEME_INTAKE_YEARS, 1 },
  [MP_SPIN_MONTHS]             = { MP_FIELD_SCHEME_MONTHS, 1 },
  [MP_SPIN_STAYS]              = { MP_FIELD_SCHEME_STAYS, 1 },
  [MP_SPIN_TRAINING_MONTHS]    = { MP_FIELD_SCHEME_TRAINING_MONTHS, 1 },
  [MP_SPIN_HOME_TRACK_RATIO]   = { MP_FIELD_SCHEME_HOME_TRACK_RATIO, 1 },
  [MP_SPIN_COST]               = { MP_FIELD_SCHEME_COST_PER_PARTICIPANT, 1 },
  [MP_SPIN_EMPLOYER_SHARE]     = { MP_FIELD_SCHEME_EMPLOYER_SHARE, 100 },
  [MP_SPIN_RECRUITMENT_FEES]   = { MP_FIELD_SCHEME_RECRUITMENT_FEES, 1 },
  [MP_SPIN_OFFER_MONEY]        = { MP_FIELD_OFFER_AMOUNT, 1 },
  [MP_SPIN_OFFER_SCHOLARSHIPS] = { MP_FIELD_OFFER_AMOUNT, 1 },
  [MP_SPIN_OFFER_VISA_LEVEL]   = { MP_FIELD_OFFER_VISA_LEVEL, 1 },
  [MP_SPIN_OFFER_JOBS]         = { MP_FIELD_OFFER_JOBS, 1 },
  [MP_SPIN_ASK_RETURNS]        = { MP_FIELD_ASK_RETURNS_MODE, 1 },
  [MP_SPIN_ASK_LEVEL]          = { MP_FIELD_ASK_LEVEL, 1 },
  [MP_SPIN_TRANCHE_QUOTA]      = { MP_FIELD_TRANCHE_EXTRA_QUOTA, 1 },
  [MP_SPIN_TRANCHE_YEAR]       = { MP_FIELD_TRANCHE_RELEASE_YEAR, 1 },
  [MP_SPIN_START_YEAR]         = { MP_FIELD_PACKAGE_START_YEAR, 1 },
  [MP_SPIN_HORIZON]            = { MP_FIELD_PACKAGE_HORIZON, 1 },
  [MP_SPIN_NL_WEIGHT]          = { MP_FIELD_PACKAGE_NL_WEIGHTS, 1 },
  [MP_SPIN_INTEREST_WEIGHT]    = { MP_FIELD_PACKAGE_INTEREST_WEIGHTS, 1 },
  [MP_SPIN_INTEREST_SCALE]     = { MP_FIELD_PACKAGE_INTEREST_SCALES, 1 },
  [MP_SPIN_DRAWS]              = { -1, 1 },
};

struct _MpRow
{
  MpRowDesc         desc;
  char             *title;
  GtkWidget        *widget;     /* the preferences row (a reference) */
  GtkWidget        *control;    /* the spin button, switch, drop-down or entry row */
  gulong            handler;    /* of the control's change signal */
  guint             n_choices;  /* combo rows */
  GStrv             codes;      /* MP_VALUE_CODE rows */
  MpRowChangedFunc  changed;
  gpointer          user_data;
};

/* Where a preferences row keeps its own subtitle and the icon of a message. */
#define SUBTITLE_KEY "mp-row-subtitle"
#define ICON_KEY     "mp-row-message-icon"

static void
spin_range (MpSpinField  field,
            SpinRange   *range)
{
  g_assert (field < MP_N_SPIN_FIELDS);

  *range = spin_ranges[field];
  if (spin_fields[field].field >= 0)
    {
      const MpFieldRule *rule = mp_field_rule ((MpFieldId) spin_fields[field].field);

      range->min = rule->min * spin_fields[field].factor;
      range->max = rule->max * spin_fields[field].factor;
    }
}

/* The limits a spin button of @field offers: those of the field rules. */
void
mp_row_spin_limits (MpSpinField  field,
                    double      *min,
                    double      *max)
{
  SpinRange range;

  spin_range (field, &range);
  *min = range.min;
  *max = range.max;
}

static void
on_control_changed_cb (MpRow *row)
{
  if (row->changed != NULL)
    row->changed (row, row->user_data);
}

static void
on_control_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      MpRow      *row)
{
  on_control_changed_cb (row);
}

static GtkWidget *
new_action_row (MpRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  const char *subtitle = row->desc.subtitle != NULL ? _(row->desc.subtitle) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), row->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  mp_row_widget_set_subtitle (widget, subtitle);

  return widget;
}

static void
add_control (MpRow     *row,
             GtkWidget *control)
{
  row->control = control;
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->widget), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->widget), control);
}

static void
build_spin (MpRow *row)
{
  SpinRange range;
  g_autofree char *label = NULL;

  spin_range (row->desc.spin, &range);
  row->widget = new_action_row (row);
  add_control (row, gtk_spin_button_new_with_range (range.min, range.max, range.step));
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (row->control), range.digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (row->control), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->control), 9);

  if (row->desc.unit != NULL && row->desc.unit[0] != '\0')
    {
      const char *unit = _(row->desc.unit);
      GtkWidget *unit_label = gtk_label_new (unit);

      gtk_widget_add_css_class (unit_label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (unit_label), 0);
      gtk_label_set_width_chars (GTK_LABEL (unit_label), 6);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->widget), unit_label);
      label = g_strdup_printf ("%s (%s)", row->title, unit);
    }
  else
    label = g_strdup (row->title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row->control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  row->handler = g_signal_connect_swapped (row->control, "value-changed",
                                           G_CALLBACK (on_control_changed_cb), row);
}

static void
build_switch (MpRow *row)
{
  row->widget = new_action_row (row);
  add_control (row, gtk_switch_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row->title, -1);
  row->handler = g_signal_connect (row->control, "notify::active",
                                   G_CALLBACK (on_control_notify_cb), row);
}

static void
build_combo (MpRow *row)
{
  const char * const none[] = { NULL };

  row->widget = new_action_row (row);
  add_control (row, gtk_drop_down_new_from_strings (none));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row->title, -1);
  row->handler = g_signal_connect (row->control, "notify::selected",
                                   G_CALLBACK (on_control_notify_cb), row);
}

static void
build_entry (MpRow *row)
{
  row->widget = adw_entry_row_new ();
  row->control = row->widget;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->widget), row->title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row->widget), TRUE);
  row->handler = g_signal_connect_swapped (row->control, "apply",
                                           G_CALLBACK (on_control_changed_cb), row);
}

/**
 * mp_row_new:
 * @desc: what the row shows and edits; copied
 * @title: (nullable): the title, already translated; %NULL for @desc's
 * @changed: (nullable): called when the user changes the value
 * @user_data: for @changed
 *
 * Builds a row.  Its widget (mp_row_get_widget()) goes into a preferences
 * group or an expander row; the #MpRow lives as long as its owner keeps it.
 *
 * Returns: (transfer full): the row, to free with mp_row_free()
 */
MpRow *
mp_row_new (const MpRowDesc  *desc,
            const char       *title,
            MpRowChangedFunc  changed,
            gpointer          user_data)
{
  MpRow *row;

  g_return_val_if_fail (desc != NULL, NULL);

  row = g_new0 (MpRow, 1);
  row->desc = *desc;
  row->title = g_strdup (title != NULL ? title : _(desc->title));
  row->changed = changed;
  row->user_data = user_data;

  switch (desc->kind)
    {
    case MP_ROW_SPIN:
      build_spin (row);
      break;
    case MP_ROW_SWITCH:
      build_switch (row);
      break;
    case MP_ROW_COMBO:
      build_combo (row);
      break;
    case MP_ROW_ENTRY:
    default:
      build_entry (row);
      break;
    }

  g_object_ref_sink (row->widget);

  return row;
}

void
mp_row_free (MpRow *row)
{
  if (row == NULL)
    return;

  g_clear_signal_handler (&row->handler, row->control);
  g_clear_object (&row->widget);
  g_clear_pointer (&row->codes, g_strfreev);
  g_free (row->title);
  g_free (row);
}

const MpRowDesc *
mp_row_get_desc (MpRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return &row->desc;
}

GtkWidget *
mp_row_get_widget (MpRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->widget;
}

GtkWidget *
mp_row_get_control (MpRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->control;
}

/**
 * mp_row_get_undo_label:
 * @row: a row
 * @fallback: the owner's name for an edit
 *
 * Returns: the name of an edit of this row in the undo history, translated
 */
const char *
mp_row_get_undo_label (MpRow      *row,
                       const char *fallback)
{
  g_return_val_if_fail (row != NULL, fallback);

  return row->desc.undo_label != NULL ? _(row->desc.undo_label) : fallback;
}

/**
 * mp_row_set_choices:
 * @row: a combo row
 * @labels: the choices, translated
 * @codes: (nullable): for %MP_VALUE_CODE rows, the value of each choice
 *
 * Replaces the choices without emitting the change signal; show the value
 * again afterwards (mp_row_read()).
 */
void
mp_row_set_choices (MpRow              *row,
                    const char * const *labels,
                    const char * const *codes)
{
  g_autoptr(GtkStringList) list = NULL;

  g_return_if_fail (row != NULL && row->desc.kind == MP_ROW_COMBO);
  g_return_if_fail (labels != NULL);

  list = gtk_string_list_new (labels);
  row->n_choices = g_strv_length ((GStrv) labels);
  g_clear_pointer (&row->codes, g_strfreev);
  if (codes != NULL)
    row->codes = g_strdupv ((GStrv) codes);

  g_signal_handler_block (row->control, row->handler);
  gtk_drop_down_set_model (GTK_DROP_DOWN (row->control), G_LIST_MODEL (list));
  g_signal_handler_unblock (row->control, row->handler);
}

static guint
code_position (MpRow      *row,
               const char *code)
{
  for (guint i = 0; row->codes != NULL && row->codes[i] != NULL; i++)
    if (g_strcmp0 (row->codes[i], code) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/**
 * mp_row_read:
 * @row: a bound row
 * @item: the struct the row edits
 *
 * Shows the value of the row's field in @item, without emitting the
 * control's change signal: the focus and the cursor stay where they are.
 */
void
mp_row_read (MpRow         *row,
             gconstpointer  item)
{
  gconstpointer field;

  g_return_if_fail (row != NULL);
  g_return_if_fail (item != NULL);

  field = G_STRUCT_MEMBER_P (item, row->desc.offset);
  switch (row->desc.type)
    {
    case MP_VALUE_DOUBLE:
      mp_row_show_number (row, *(const double *) field);
      break;
    case MP_VALUE_INT:
      mp_row_show_number (row, *(const int *) field);
      break;
    case MP_VALUE_PERCENT:
      mp_row_show_number (row, round (*(const double *) field * 100.0));
      break;
    case MP_VALUE_BOOLEAN:
      mp_row_show_active (row, *(const gboolean *) field);
      break;
    case MP_VALUE_STRING:
      mp_row_show_text (row, *(char * const *) field);
      break;
    case MP_VALUE_ENUM:
      mp_row_show_selected (row, *(const int *) field);
      break;
    case MP_VALUE_CODE:
      mp_row_show_selected (row, code_position (row, *(char * const *) field));
      break;
    case MP_VALUE_NONE:
    default:
      g_return_if_reached ();
    }
}

/**
 * mp_row_write:
 * @row: a bound row
 * @item: the struct the row edits (a copy to commit)
 *
 * Stores the control's value in the row's field of @item.  A drop-down
 * with nothing chosen, or a required entry left empty, stores nothing; the
 * entry shows @item's text again.
 *
 * Returns: %TRUE when @item changed
 */
gboolean
mp_row_write (MpRow    *row,
              gpointer  item)
{
  gpointer field;

  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  field = G_STRUCT_MEMBER_P (item, row->desc.offset);
  switch (row->desc.type)
    {
    case MP_VALUE_DOUBLE:
      *(double *) field = mp_row_get_number (row);
      return TRUE;
    case MP_VALUE_INT:
      *(int *) field = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->control));
      return TRUE;
    case MP_VALUE_PERCENT:
      *(double *) field = mp_row_get_number (row) / 100.0;
      return TRUE;
    case MP_VALUE_BOOLEAN:
      *(gboolean *) field = mp_row_get_active (row);
      return TRUE;
    case MP_VALUE_STRING:
      {
        g_autofree char *text = g_strdup (mp_row_get_text (row));

        if (row->desc.flags & (MP_ROW_STRIP | MP_ROW_REQUIRED))
          g_strstrip (text);
        if ((row->desc.flags & MP_ROW_REQUIRED) && text[0] == '\0')
          {
            mp_row_show_text (row, *(char **) field);
            return FALSE;
          }
        g_free (*(char **) field);
        *(char **) field = g_steal_pointer (&text);
      }
      return TRUE;
    case MP_VALUE_ENUM:
      {
        guint position = mp_row_get_selected (row);

        if (position >= row->n_choices)
          return FALSE;
        *(int *) field = (int) position;
      }
      return TRUE;
    case MP_VALUE_CODE:
      {
        guint position = mp_row_get_selected (row);

        if (row->codes == NULL || position >= g_strv_length (row->codes))
          return FALSE;
        g_free (*(char **) field);
        *(char **) field = g_strdup (row->codes[position]);
      }
      return TRUE;
    case MP_VALUE_NONE:
    default:
      g_return_val_if_reached (FALSE);
    }
}

double
mp_row_get_number (MpRow *row)
{
  g_return_val_if_fail (row != NULL && row->desc.kind == MP_ROW_SPIN, 0);

  return gtk_spin_button_get_value (GTK_SPIN_BUTTON (row->control));
}

gboolean
mp_row_get_active (MpRow *row)
{
  g_return_val_if_fail (row != NULL && row->desc.kind == MP_ROW_SWITCH, FALSE);

  return gtk_switch_get_active (GTK_SWITCH (row->control));
}

guint
mp_row_get_selected (MpRow *row)
{
  g_return_val_if_fail (row != NULL && row->desc.kind == MP_ROW_COMBO, GTK_INVALID_LIST_POSITION);

  return gtk_drop_down_get_selected (GTK_DROP_DOWN (row->control));
}

const char *
mp_row_get_text (MpRow *row)
{
  g_return_val_if_fail (row != NULL && row->desc.kind == MP_ROW_ENTRY, "");

  return gtk_editable_get_text (GTK_EDITABLE (row->control));
}

void
mp_row_show_number (MpRow  *row,
                    double  value)
{
  g_return_if_fail (row != NULL && row->desc.kind == MP_ROW_SPIN);

  g_signal_handler_block (row->control, row->handler);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->control), value);
  g_signal_handler_unblock (row->control, row->handler);
}

void
mp_row_show_active (MpRow    *row,
                    gboolean  active)
{
  g_return_if_fail (row != NULL && row->desc.kind == MP_ROW_SWITCH);

  g_signal_handler_block (row->control, row->handler);
  gtk_switch_set_active (GTK_SWITCH (row->control), active);
  g_signal_handler_unblock (row->control, row->handler);
}

void
mp_row_show_selected (MpRow *row,
                      guint  position)
{
  g_return_if_fail (row != NULL && row->desc.kind == MP_ROW_COMBO);

  g_signal_handler_block (row->control, row->handler);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->control), position);
  g_signal_handler_unblock (row->control, row->handler);
}

/* Leaves the text alone when it is the same: the cursor stays put. */
void
mp_row_show_text (MpRow      *row,
                  const char *text)
{
  g_return_if_fail (row != NULL && row->desc.kind == MP_ROW_ENTRY);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->control)), text ? text : "") == 0)
    return;

  g_signal_handler_block (row->control, row->handler);
  gtk_editable_set_text (GTK_EDITABLE (row->control), text ? text : "");
  g_signal_handler_unblock (row->control, row->handler);
}

/* ---- Messages under any row ------------------------------------------------- */

/**
 * mp_row_widget_set_subtitle:
 * @row: an #AdwActionRow
 * @subtitle: (nullable): its subtitle
 *
 * Sets the subtitle that mp_row_widget_set_error() puts back.
 */
void
mp_row_widget_set_subtitle (GtkWidget  *row,
                            const char *subtitle)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), SUBTITLE_KEY, g_strdup (subtitle), g_free);
}

static void
row_set_message (GtkWidget  *row,
                 const char *message,
                 const char *css_class,
                 const char *icon_name)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), ICON_KEY);
  const char *subtitle = g_object_get_data (G_OBJECT (row), SUBTITLE_KEY);
  gboolean expander = ADW_IS_EXPANDER_ROW (row);

  g_return_if_fail (ADW_IS_ACTION_ROW (row) || expander);

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_remove_css_class (row, "warning");

  if (message == NULL)
    {
      /* An expander row's subtitle is kept up to date by its page. */
      if (!expander)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
      if (icon != NULL)
        gtk_widget_set_visible (icon, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  if (icon == NULL)
    {
      icon = gtk_image_new ();
      if (expander)
        adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      else
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), ICON_KEY, icon);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_visible (icon, TRUE);
  gtk_widget_add_css_class (row, css_class);
  if (expander)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), message);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

void
mp_row_widget_set_error (GtkWidget  *row,
                         const char *message)
{
  row_set_message (row, message, "error", "dialog-error-symbolic");
}

void
mp_row_widget_set_warning (GtkWidget  *row,
                           const char *message)
{
  row_set_message (row, message, "warning", "dialog-warning-symbolic");
}
