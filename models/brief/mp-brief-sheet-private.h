/* mp-brief-sheet-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The sheet-writing layer under the brief's sheets: the workbook being
 * written and its formats, sheets with print setup, cells, tables with total
 * rows, and the text cleaning every user string gets.  Private to
 * models/brief (it includes xlsxwriter.h).
 *
 * How the workbook is written
 *
 * - Every piece of user text (names, notes, messages, sources) goes through
 *   _mp_brief_clean() and then worksheet_write_string(): never a formula, so
 *   "=1+1", "+cmd", "@SUM(A1)" stay text.  Cleaning makes the text valid
 *   UTF-8, replaces characters XML 1.0 cannot carry with U+FFFD, protects
 *   literal OOXML escapes ("_x0041_" would otherwise be read back as "A") and
 *   caps the length at Excel's 32,767 characters.
 * - Chart series names refer to cells (chart_series_set_name_range): a name
 *   given as a string would be taken as a formula when it starts with "=".
 * - Header and footer text is escaped for the &-codes ("&&"), and the
 *   picture code (&G) libxlsxwriter counts cannot be formed from user text.
 * - Totals are formulas written with their cached values
 *   (worksheet_write_formula_num), in plain A1 ranges, in the row under each
 *   table: libxlsxwriter 1.1.4's table total rows store 0 and LibreOffice 7.4
 *   reads their structured references as #NAME? (tests/check-brief.py reads
 *   the totals back).  A column declares its total (MpBriefColumn.total).
 * - Non-finite numbers are never written as numbers (they would make Excel
 *   repair the file): they become "–".
 * - The brief's own texts are gettext messages translated into the brief's
 *   language (mp-i18n.h: the thread language is set while the brief is
 *   written), not the process's.
 */

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

#define MP_BRIEF_MAX_COLS        64
#define MP_BRIEF_MAX_CELL_CHARS  32767
#define MP_BRIEF_HEADER_NAME_MAX 80

/* Paragraph end column: the last column the sheet uses. */
#define MP_BRIEF_LAST_COL G_MAXUINT16

#define MP_BRIEF_NUM_INT  "#,##0"
#define MP_BRIEF_NUM_DEC1 "#,##0.0"
#define MP_BRIEF_NUM_EUR  "\"€ \"#,##0"

/* The workbook being written: its formats, the cells other sheets link to,
 * and the first error libxlsxwriter reported. */
typedef struct
{
  lxw_workbook *wb;
  char         *path;               /* the destination */
  char         *tmp;                /* the temporary file written first */
  char         *saved_language;     /* the thread language before the brief's */
  gboolean      decimal_comma;      /* 1.234,5 rather than 1,234.5 */
  GDateTime    *date;
  char         *date_iso;
  char         *author;
  char         *header_name;        /* &-escaped */
  lxw_error     err;
  GString      *scratch;
  guint         n_tables;

  lxw_format   *f_title;
  lxw_format   *f_subtitle;
  lxw_format   *f_h2;
  lxw_format   *f_label;
  lxw_format   *f_text;
  lxw_format   *f_wrap;
  lxw_format   *f_note;
  lxw_format   *f_head;
  lxw_format   *f_int;
  lxw_format   *f_dec1;
  lxw_format   *f_dec2;
  lxw_format   *f_dec3;
  lxw_format   *f_eur;
  lxw_format   *f_pct;
  lxw_format   *f_year;
  lxw_format   *f_date;
  lxw_format   *f_total_label;
  lxw_format   *f_total_int;
  lxw_format   *f_total_dec1;
  lxw_format   *f_total_eur;
  lxw_format   *f_big_int;
  lxw_format   *f_big_dec1;
  lxw_format   *f_big_eur;
  lxw_format   *f_block;
  lxw_format   *f_warning;
  lxw_format   *f_good;
  lxw_format   *f_unit;
  lxw_format   *f_small;
  lxw_format   *f_center;
  lxw_format   *f_head_num;
  lxw_format   *f_thead;
  lxw_format   *f_para_text;
  lxw_format   *f_para_note;
  lxw_format   *f_para_warning;
  lxw_format   *f_para_block;
  lxw_format   *f_para_good;

  /* Cells the cover links to, as 'Sheet'!$C$9, with their values. */
  char         *ref_py_total;
  double        py_total;
  char         *ref_cost_total;
  double        cost_total;
  char         *ref_fit;
  double        fit;
  char         *ref_nl;
  double        nl;
} MpBriefBook;

typedef struct
{
  lxw_worksheet *ws;
  char          *name;
  double         width[MP_BRIEF_MAX_COLS];   /* characters, from the content */
  double         cap[MP_BRIEF_MAX_COLS];     /* 0 = default cap */
  lxw_row_t      last_row;
  lxw_col_t      last_col;
  GArray        *wraps;             /* cells whose row height follows their text */
  GPtrArray     *paras;             /* notes merged across the sheet, written at the end */
  GHashTable    *heights;           /* row → tenths of a point */
} MpBriefSheet;

/* What the row under a table shows in a column. */
typedef enum
{
  MP_BRIEF_TOTAL_NONE,
  MP_BRIEF_TOTAL_SUM,      /* the sum of the column */
  MP_BRIEF_TOTAL_LAST,     /* the last row's value (a cumulative column) */
} MpBriefTotal;

typedef struct
{
  const char   *header;
  lxw_format   *format;    /* of the numbers in the column */
  MpBriefTotal  total;
  double        cap;       /* column width cap, 0 = default */
} MpBriefColumn;

/* A table whose columns are declared by MpBriefColumn: numbers written
 * through it are added up for the total row. */
typedef struct
{
  MpBriefSheet        *sheet;
  const MpBriefColumn *columns;
  guint                n_columns;
  lxw_row_t            header;      /* the row of column names; the data follow */
  double              *totals;      /* cached values of the total row, per column */
} MpBriefTable;

/* mp-brief-text.c */
const char   *_mp_brief_clean            (MpBriefBook        *b,
                                          const char         *text);
char         *_mp_brief_clean_line       (const char         *text,
                                          glong               max);
char         *_mp_brief_escape_header    (const char         *text);
char         *_mp_brief_sheet_name       (const char         *text);
char         *_mp_brief_format_grouped   (MpBriefBook        *b,
                                          double              value,
                                          int                 digits);

/* mp-brief-formats.c */
void          _mp_brief_formats_init     (MpBriefBook        *b);
lxw_format   *_mp_brief_total_format     (MpBriefBook        *b,
                                          lxw_format         *f);
lxw_format   *_mp_brief_para_format      (MpBriefBook        *b,
                                          lxw_format         *format);
double        _mp_brief_number_width     (MpBriefBook        *b,
                                          double              value,
                                          lxw_format         *format);

/* mp-brief-sheet.c: sheets */
MpBriefSheet *_mp_brief_sheet_new        (MpBriefBook        *b,
                                          const char         *name,
                                          gboolean            landscape);
void          _mp_brief_sheet_free       (MpBriefSheet       *s);
void          _mp_brief_sheet_cap        (MpBriefSheet       *s,
                                          lxw_col_t           col,
                                          double              cap);
void          _mp_brief_sheet_finish     (MpBriefBook        *b,
                                          MpBriefSheet       *s);
double        _mp_brief_column_pixels    (MpBriefSheet       *s,
                                          lxw_col_t           col);
void          _mp_brief_insert_chart     (MpBriefBook        *b,
                                          MpBriefSheet       *s,
                                          lxw_row_t           row,
                                          lxw_col_t           col,
                                          lxw_chart          *chart,
                                          lxw_chart_options  *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpBriefSheet, _mp_brief_sheet_free)

/* mp-brief-sheet.c: cells */
void          _mp_brief_record           (MpBriefBook        *b,
                                          lxw_error           err);
void          _mp_brief_put_text         (MpBriefBook        *b,
                                          MpBriefSheet       *s,
                                          lxw_row_t           row,
                                          lxw_col_t           col,
                                          const char         *text,
                                          lxw_format         *format);
void          _mp_brief_put_para         (MpBriefBook        *b,
                                          MpBriefSheet       *s,
                                          lxw_row_t           row,
                                          lxw_col_t           c0,
                                          lxw_col_t           c1,
                                          const char         *text,
                                          lxw_format         *format);
void          _mp_brief_put_span         (MpBriefBook        *b,
                                          MpBriefSheet       *s,
                                          lxw_row_t           row,
                                          lxw_col_t           col,
                                          const char         *text,
                                          lxw_format         *format);
void          _mp_brief_put_blank        (MpBriefBook        *b,
                                          MpBriefSheet       *s,
                                          lxw_row_t           row,
                                          lxw_col_t           col,
                                          lxw_format         *format);
void          _mp_brief_put_num          (MpBriefBook        *b,
                                          MpBriefSheet       *s,
                                          lxw_row_t           row,
                                          lxw_col_t           col,
                                          double              value,
                                          lxw_format         *format);
void          _mp_brief_put_formula      (MpBriefBook        *b,
                                          MpBriefSheet       *s,
                                          lxw_row_t           row,
                                          lxw_col_t           col,
                                          const char         *formula,
                                          double              cached,
                                          lxw_format         *format);
char         *_mp_brief_sheet_ref        (MpBriefSheet       *s,
                                          lxw_row_t           row,
                                          lxw_col_t           col);
char         *_mp_brief_range_ref        (lxw_row_t           r0,
                                          lxw_col_t           c0,
                                          lxw_row_t           r1,
                                          lxw_col_t           c1);
char         *_mp_brief_cell_name        (lxw_row_t           row,
                                          lxw_col_t           col);

/* mp-brief-sheet.c: tables */
void          _mp_brief_add_table        (MpBriefBook        *b,
                                          MpBriefSheet       *s,
                                          lxw_row_t           header,
                                          lxw_col_t           c0,
                                          lxw_row_t           last,
                                          const char * const *headers,
                                          guint               n);
void          _mp_brief_table_init       (MpBriefTable       *t,
                                          MpBriefSheet       *s,
                                          lxw_row_t           header,
                                          const MpBriefColumn *columns,
                                          guint               n_columns);
void          _mp_brief_table_num        (MpBriefBook        *b,
                                          MpBriefTable       *t,
                                          lxw_row_t           row,
                                          guint               col,
                                          double              value);
void          _mp_brief_table_formula    (MpBriefBook        *b,
                                          MpBriefTable       *t,
                                          lxw_row_t           row,
                                          guint               col,
                                          const char         *formula,
                                          double              cached);
lxw_row_t     _mp_brief_table_close      (MpBriefBook        *b,
                                          MpBriefTable       *t,
                                          lxw_row_t           last);
void          _mp_brief_table_clear      (MpBriefTable       *t);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MpBriefTable, _mp_brief_table_clear)

G_END_DECLS
