/* mp-rows.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The rows of the editors, each built from a descriptor: a spin button, a
 * switch, a drop-down or an entry in a preferences row, with its unit and
 * accessible name.  A row can be bound to a field of a struct (an offset and
 * a type): mp_row_read() shows the field without emitting the control's
 * change signal, mp_row_write() stores what the control holds.  Every spin
 * button takes its range, step and digits from one table (MpSpinField). */

#include <adwaita.h>

G_BEGIN_DECLS

/* The spin buttons of the editors: their ranges are in one table in
 * mp-rows.c, spin_ranges[]. */
typedef enum
{
  MP_SPIN_QUOTA,
  MP_SPIN_FIRST_YEAR,
  MP_SPIN_INTAKE_YEARS,
  MP_SPIN_MONTHS,
  MP_SPIN_STAYS,
  MP_SPIN_TRAINING_MONTHS,
  MP_SPIN_HOME_TRACK_RATIO,
  MP_SPIN_COST,
  MP_SPIN_EMPLOYER_SHARE,
  MP_SPIN_RECRUITMENT_FEES,
  MP_SPIN_OFFER_MONEY,
  MP_SPIN_OFFER_SCHOLARSHIPS,
  MP_SPIN_OFFER_VISA_LEVEL,
  MP_SPIN_OFFER_JOBS,
  MP_SPIN_ASK_RETURNS,
  MP_SPIN_ASK_LEVEL,
  MP_SPIN_TRANCHE_QUOTA,
  MP_SPIN_TRANCHE_YEAR,
  MP_SPIN_START_YEAR,
  MP_SPIN_HORIZON,
  MP_SPIN_NL_WEIGHT,
  MP_SPIN_INTEREST_WEIGHT,
  MP_SPIN_INTEREST_SCALE,
  MP_SPIN_DRAWS,
  MP_N_SPIN_FIELDS
} MpSpinField;

typedef enum
{
  MP_ROW_SPIN,
  MP_ROW_SWITCH,
  MP_ROW_COMBO,
  MP_ROW_ENTRY,
} MpRowKind;

/* The type of the field a row is bound to. */
typedef enum
{
  MP_VALUE_NONE,       /* not bound: the owner reads and shows the value */
  MP_VALUE_DOUBLE,
  MP_VALUE_INT,        /* int, or an unsigned count */
  MP_VALUE_PERCENT,    /* double 0–1, shown as a whole percentage */
  MP_VALUE_BOOLEAN,    /* gboolean */
  MP_VALUE_STRING,     /* char * */
  MP_VALUE_ENUM,       /* an enum: its value is the position in the drop-down */
  MP_VALUE_CODE,       /* char *: one of the codes given to mp_row_set_choices() */
} MpValueType;

typedef enum
{
  MP_ROW_FLAGS_NONE = 0,
  MP_ROW_STRIP      = 1 << 0,  /* an entry stores its text without outer spaces */
  MP_ROW_REQUIRED   = 1 << 1,  /* ... and never empty: it shows the stored text again */
} MpRowFlags;

typedef struct
{
  MpRowKind    kind;
  const char  *title;        /* untranslated (N_()) */
  const char  *subtitle;     /* untranslated, nullable */
  const char  *unit;         /* spin rows: untranslated, nullable */
  MpSpinField  spin;         /* spin rows: range, step and digits */
  MpValueType  type;
  gsize        offset;       /* of the field in the struct the row edits */
  MpRowFlags   flags;
  const char  *undo_label;   /* untranslated, nullable: the owner's own */
} MpRowDesc;

typedef struct _MpRow MpRow;

/* The user changed the control's value. */
typedef void (*MpRowChangedFunc) (MpRow    *row,
                                  gpointer  user_data);

MpRow           *mp_row_new             (const MpRowDesc     *desc,
                                         const char          *title,
                                         MpRowChangedFunc     changed,
                                         gpointer             user_data);
void             mp_row_free            (MpRow               *row);

const MpRowDesc *mp_row_get_desc        (MpRow               *row);
GtkWidget       *mp_row_get_widget      (MpRow               *row);
GtkWidget       *mp_row_get_control     (MpRow               *row);
const char      *mp_row_get_undo_label  (MpRow               *row,
                                         const char          *fallback);

void             mp_row_set_choices     (MpRow               *row,
                                         const char * const  *labels,
                                         const char * const  *codes);

void             mp_row_read            (MpRow               *row,
                                         gconstpointer        item);
gboolean         mp_row_write           (MpRow               *row,
                                         gpointer             item);

/* The control's value, and showing one, for rows that are not bound. */
double           mp_row_get_number      (MpRow               *row);
gboolean         mp_row_get_active      (MpRow               *row);
guint            mp_row_get_selected    (MpRow               *row);
const char      *mp_row_get_text        (MpRow               *row);
void             mp_row_show_number     (MpRow               *row,
                                         double               value);
void             mp_row_show_active     (MpRow               *row,
                                         gboolean             active);
void             mp_row_show_selected   (MpRow               *row,
                                         guint                position);
void             mp_row_show_text       (MpRow               *row,
                                         const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpRow, mp_row_free)

/* For any preferences row: its subtitle, and a message in its place. */
void             mp_row_widget_set_subtitle (GtkWidget       *row,
                                             const char      *subtitle);
/* Shows @message under the row's title in the error style with a warning
 * icon, or the row's own subtitle again when @message is NULL. */
void             mp_row_widget_set_error    (GtkWidget       *row,
                                             const char      *message);
/* Same, in the warning style (the value is allowed but questionable). */
void             mp_row_widget_set_warning  (GtkWidget       *row,
                                             const char      *message);

void mp_row_spin_limits (MpSpinField  field,
                         double      *min,
                         double      *max);

G_END_DECLS
