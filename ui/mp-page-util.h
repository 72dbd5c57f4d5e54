/* mp-page-util.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Small builders shared by the pages: preference rows with a spin button,
 * switch or drop-down and a unit, each with an accessible name, and inline
 * validation messages under a row. */

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget   *mp_spin_row_new        (const char     *title,
                                     const char     *subtitle,
                                     double          min,
                                     double          max,
                                     double          step,
                                     guint           digits,
                                     const char     *unit,
                                     GtkSpinButton **spin_out);
GtkWidget   *mp_switch_row_new      (const char     *title,
                                     const char     *subtitle,
                                     GtkSwitch     **switch_out);
GtkWidget   *mp_drop_down_row_new   (const char     *title,
                                     const char     *subtitle,
                                     const char * const *items,
                                     GtkDropDown   **drop_down_out);

/* Shows @message under the row's title in the error style with a warning
 * icon, or restores the row's own subtitle when @message is NULL. */
void         mp_row_set_error       (GtkWidget      *row,
                                     const char     *message);
/* Same, in the warning style (the value is allowed but questionable). */
void         mp_row_set_warning     (GtkWidget      *row,
                                     const char     *message);

/* Sets a spin button's value without emitting "value-changed" to the
 * handler with @data. */
void         mp_spin_set_value_quietly   (GtkSpinButton *spin,
                                          double         value,
                                          gpointer       data);
void         mp_switch_set_active_quietly (GtkSwitch    *sw,
                                           gboolean      active,
                                           gpointer      data);
void         mp_drop_down_set_selected_quietly (GtkDropDown *drop_down,
                                                guint        position,
                                                gpointer     data);
void         mp_editable_set_text_quietly (GtkEditable  *editable,
                                           const char   *text,
                                           gpointer      data);

/* A card with a big value, a caption and a tooltip (Overview, Compare). */
GtkWidget   *mp_headline_card_new   (void);
void         mp_headline_card_set   (GtkWidget      *card,
                                     const char     *value,
                                     const char     *caption,
                                     const char     *tooltip);

/* Removes every child of a GtkBox or GtkListBox. */
void         mp_container_remove_all (GtkWidget     *container);

G_END_DECLS
