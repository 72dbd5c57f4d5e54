/* mp-brief-sheet.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-brief.h"
#include "mp-brief-sheet-private.h"

/* Sheets, cells and tables of a brief: what is written where, the column
 * widths and row heights that follow from it, and the print setup. */

/* A wrapped text cell: the row is made tall enough for it in
 * _mp_brief_sheet_finish(). */
typedef struct
{
  lxw_row_t  row;
  lxw_col_t  c0;
  lxw_col_t  c1;
  char      *text;
  double     font;           /* points */
  gboolean   bold;
} Wrapped;

/* A paragraph: merged over columns c0..c1 (c1 = MP_BRIEF_LAST_COL: the
 * sheet's last used column), wrapped, its row as tall as the text needs. */
typedef struct
{
  lxw_row_t   row;
  lxw_col_t   c0;
  lxw_col_t   c1;
  char       *text;
  lxw_format *format;
  double      font;
  gboolean    bold;
} Para;

/* ---- Cells --------------------------------------------------------------- */

/* Keeps the first error: the workbook fails as a whole when it is closed. */
void
_mp_brief_record (MpBriefBook *b,
                  lxw_error    err)
{
  if (err != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
    b->err = err;
}

static void
touch (MpBriefSheet *s,
       lxw_row_t     row,
       lxw_col_t     col,
       double        width)
{
  if (row > s->last_row)
    s->last_row = row;
  if (col > s->last_col)
    s->last_col = col;
  if (col < MP_BRIEF_MAX_COLS && width > s->width[col])
    s->width[col] = width;
}

void
_mp_brief_put_text (MpBriefBook  *b,
                    MpBriefSheet *s,
                    lxw_row_t     row,
                    lxw_col_t     col,
                    const char   *text,
                    lxw_format   *format)
{
  const char *c;

  if (text == NULL || *text == '\0')
    {
      if (format != NULL)
        _mp_brief_record (b, worksheet_write_blank (s->ws, row, col, format));
      touch (s, row, col, 0);
      return;
    }

  c = _mp_brief_clean (b, text);
  _mp_brief_record (b, worksheet_write_string (s->ws, row, col, c, format));
  touch (s, row, col, MIN (g_utf8_strlen (c, 200), 200));
  if (format != NULL && (format == b->f_wrap || format == b->f_head || format == b->f_thead))
    {
      Wrapped w = { row, col, col, g_strdup (c), 11, format != b->f_wrap };
      g_array_append_val (s->wraps, w);
    }
}

/* A note or other long text, merged from @c0 to @c1 (MP_BRIEF_LAST_COL: to
 * the last column the sheet uses) and wrapped; written by
 * _mp_brief_sheet_finish(). */
void
_mp_brief_put_para (MpBriefBook  *b,
                    MpBriefSheet *s,
                    lxw_row_t     row,
                    lxw_col_t     c0,
                    lxw_col_t     c1,
                    const char   *text,
                    lxw_format   *format)
{
  Para *p = g_new0 (Para, 1);

  p->row = row;
  p->c0 = c0;
  p->c1 = c1;
  p->text = g_strdup (_mp_brief_clean (b, text != NULL ? text : ""));
  p->format = _mp_brief_para_format (b, format);
  p->font = format == b->f_note ? 9 : 11;
  p->bold = format == b->f_warning || format == b->f_block;
  g_ptr_array_add (s->paras, p);
  touch (s, row, c0, 0);
}

/* Text that spans several columns (titles, notes): does not widen @col. */
void
_mp_brief_put_span (MpBriefBook  *b,
                    MpBriefSheet *s,
                    lxw_row_t     row,
                    lxw_col_t     col,
                    const char   *text,
                    lxw_format   *format)
{
  _mp_brief_record (b, worksheet_write_string (s->ws, row, col, _mp_brief_clean (b, text), format));
  touch (s, row, col, 0);
}


/* An empty cell that carries a format (a border, a fill). */
void
_mp_brief_put_blank (MpBriefBook  *b,
                     MpBriefSheet *s,
                     lxw_row_t     row,
                     lxw_col_t     col,
                     lxw_format   *format)
{
  _mp_brief_record (b, worksheet_write_blank (s->ws, row, col, format));
}

void
_mp_brief_put_num (MpBriefBook  *b,
                   MpBriefSheet *s,
                   lxw_row_t     row,
                   lxw_col_t     col,
                   double        value,
                   lxw_format   *format)
{
  if (!isfinite (value))
    {
      _mp_brief_record (b, worksheet_write_string (s->ws, row, col, "–", format));
      touch (s, row, col, 2);
      return;
    }
  _mp_brief_record (b, worksheet_write_number (s->ws, row, col, value, format));
  touch (s, row, col, _mp_brief_number_width (b, value, format));
}

void
_mp_brief_put_formula (MpBriefBook  *b,
                       MpBriefSheet *s,
                       lxw_row_t     row,
                       lxw_col_t     col,
                       const char   *formula,
                       double        cached,
                       lxw_format   *format)
{
  if (!isfinite (cached))
    cached = 0;
  _mp_brief_record (b, worksheet_write_formula_num (s->ws, row, col, formula, format, cached));
  touch (s, row, col, _mp_brief_number_width (b, cached, format));
}

/* 'Sheet name'!$C$9 */
char *
_mp_brief_sheet_ref (MpBriefSheet *s,
                     lxw_row_t     row,
                     lxw_col_t     col)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (cell, row, col, 1, 1);
  return g_strdup_printf ("'%s'!%s", s->name, cell);
}

char *
_mp_brief_range_ref (lxw_row_t r0,
                     lxw_col_t c0,
                     lxw_row_t r1,
                     lxw_col_t c1)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];

  lxw_rowcol_to_range (range, r0, c0, r1, c1);
  return g_strdup (range);
}

char *
_mp_brief_cell_name (lxw_row_t row,
                     lxw_col_t col)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (cell, row, col);
  return g_strdup (cell);
}

/* ---- Tables ------------------------------------------------------------- */

/* Adds an Excel table (with filter buttons) over rows @header..@last and
 * columns @c0..@c0+n-1.  Column names are made unique and single-line, as
 * Excel requires.  A table needs at least one data row: libxlsxwriter 1.1.4
 * refuses a header-only table (and frees it twice), so the caller writes a
 * "none" line instead. */
void
_mp_brief_add_table (MpBriefBook        *b,
                     MpBriefSheet       *s,
                     lxw_row_t           header,
                     lxw_col_t           c0,
                     lxw_row_t           last,
                     const char * const *headers,
                     guint               n)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree lxw_table_column *cols = g_new0 (lxw_table_column, n);
  g_autofree lxw_table_column **colp = g_new0 (lxw_table_column *, n + 1);
  g_autofree char *table_name = NULL;
  lxw_table_options options = { 0 };

  g_assert (last > header);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = _mp_brief_clean_line (headers[i], 200);
      char *name = mp_brief_clean_text (line);

      if (*name == '\0')
        {
          g_free (name);
          /* TRANSLATORS: the name of a table column that has none */
          name = g_strdup_printf (_("Column %u"), i + 1);
        }
      for (guint k = 2; g_hash_table_contains (seen, name); k++)
        {
          g_autofree char *base = mp_brief_clean_text (line);
          g_free (name);
          name = g_strdup_printf ("%s (%u)", base, k);
        }
      g_hash_table_add (seen, name);
      g_ptr_array_add (names, name);
      cols[i].header = name;
      cols[i].header_format = b->f_thead;
      colp[i] = &cols[i];
      {
        /* Headers wrap: they widen a column up to their longest word. */
        glong len = g_utf8_strlen (name, -1);
        glong word = 0, longest = 0;
        Wrapped w = { header, c0 + i, c0 + i, g_strdup (name), 11, TRUE };

        for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
          {
            word = *p == ' ' ? 0 : word + 1;
            longest = MAX (longest, word);
          }
        touch (s, header, c0 + i, MAX (longest + 2, MIN (len + 2, 12)));
        g_array_append_val (s->wraps, w);
      }
    }

  table_name = g_strdup_printf ("Table%u", ++b->n_tables);
  options.name = table_name;
  options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  options.style_type_number = 9;
  options.columns = colp;
  _mp_brief_record (b, worksheet_add_table (s->ws, header, c0, last, c0 + n - 1, &options));
}

/* ---- Sheets ------------------------------------------------------------- */

static void
para_free (gpointer data)
{
  Para *p = data;

  g_free (p->text);
  g_free (p);
}

/* A sheet for A4, one page wide, with the package and date in its header
 * and the page number in its footer. */
MpBriefSheet *
_mp_brief_sheet_new (MpBriefBook *b,
                     const char  *name,
                     gboolean     landscape)
{
  MpBriefSheet *s = g_new0 (MpBriefSheet, 1);
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  lxw_header_footer_options hf = { .margin = 0.3 };

  s->name = _mp_brief_sheet_name (name);
  s->wraps = g_array_new (FALSE, TRUE, sizeof (Wrapped));
  s->paras = g_ptr_array_new_with_free_func (para_free);
  s->heights = g_hash_table_new (NULL, NULL);
  s->ws = workbook_add_worksheet (b->wb, s->name);
  if (s->ws == NULL)
    {
      _mp_brief_record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return s;
    }

  worksheet_set_paper (s->ws, 9);   /* A4 */
  if (landscape)
    worksheet_set_landscape (s->ws);
  else
    worksheet_set_portrait (s->ws);
  worksheet_set_margins (s->ws, 0.5, 0.5, 0.75, 0.75);
  worksheet_fit_to_pages (s->ws, 1, 0);

  header = g_strdup_printf ("&L%s&R%s", b->header_name, b->date_iso);
  /* TRANSLATORS: the page footer of a brief; &P (the page number) and &N
   * (the number of pages) are codes of the spreadsheet: keep them */
  footer = g_strdup_printf ("&LMobility Planner — &A&R%s", _("Page &P of &N"));
  _mp_brief_record (b, worksheet_set_header_opt (s->ws, header, &hf));
  _mp_brief_record (b, worksheet_set_footer_opt (s->ws, footer, &hf));
  return s;
}

void
_mp_brief_sheet_free (MpBriefSheet *s)
{
  for (guint i = 0; i < s->wraps->len; i++)
    g_free (g_array_index (s->wraps, Wrapped, i).text);
  g_array_unref (s->wraps);
  g_ptr_array_unref (s->paras);
  g_hash_table_unref (s->heights);
  g_free (s->name);
  g_free (s);
}

/* The widest @col may grow with its content. */
void
_mp_brief_sheet_cap (MpBriefSheet *s,
                     lxw_col_t     col,
                     double        cap)
{
  if (col < MP_BRIEF_MAX_COLS)
    s->cap[col] = cap;
}

/* The number of lines @text takes when wrapped at @capacity characters:
 * greedy word wrap, as the spreadsheet does it. */
static guint
wrap_lines (const char *text,
            double      capacity)
{
  guint lines = 1;
  double used = 0;
  glong cap = MAX ((glong) floor (capacity), 4);

  for (const char *p = text; *p != '\0';)
    {
      const char *end = p;
      glong len;

      if (*p == '\n')
        {
          lines++;
          used = 0;
          p++;
          continue;
        }
      while (*end != '\0' && *end != ' ' && *end != '\n')
        end++;
      len = g_utf8_strlen (p, end - p);
      if (used > 0 && used + 1 + len > cap)
        {
          lines++;
          used = 0;
        }
      if (len > cap)
        {
          lines += (guint) ((len - 1) / cap);
          used = len % cap;
        }
      else
        used += (used > 0 ? 1 : 0) + len;
      p = end;
      while (*p == ' ')
        p++;
    }
  return lines;
}

/* Characters of a proportional font that fit in @width column units. */
static double
capacity_of (double   width,
             double   font,
             gboolean bold)
{
  double per_unit = (bold ? 1.1 : 1.2) * 11.0 / font;

  return width * per_unit - 1;
}

static void
need_height (MpBriefSheet *s,
             lxw_row_t     row,
             double        points)
{
  guint tenths = (guint) ceil (points * 10);
  guint have = GPOINTER_TO_UINT (g_hash_table_lookup (s->heights, GUINT_TO_POINTER (row)));

  if (tenths > have)
    g_hash_table_insert (s->heights, GUINT_TO_POINTER (row), GUINT_TO_POINTER (tenths));
}

/* The width of @c: its content's, within its cap. */
static double
column_width (MpBriefSheet *s,
              lxw_col_t     c)
{
  return CLAMP (s->width[c] + 1, 6, s->cap[c] > 0 ? s->cap[c] : 50);
}

/* About how many pixels wide @c is (for placing charts). */
double
_mp_brief_column_pixels (MpBriefSheet *s,
                         lxw_col_t     c)
{
  return 7 * column_width (s, c) + 5;
}

/* Column widths from the content, paragraphs merged, row heights for
 * wrapped text (neither Excel nor LibreOffice recomputes them on opening),
 * print area over everything written. */
void
_mp_brief_sheet_finish (MpBriefBook  *b,
                        MpBriefSheet *s)
{
  double widths[MP_BRIEF_MAX_COLS] = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  for (lxw_col_t c = 0; c <= s->last_col && c < MP_BRIEF_MAX_COLS; c++)
    {
      widths[c] = column_width (s, c);
      _mp_brief_record (b, worksheet_set_column (s->ws, c, c, widths[c], NULL));
    }

  for (guint i = 0; i < s->wraps->len; i++)
    {
      const Wrapped *w = &g_array_index (s->wraps, Wrapped, i);
      double width = 0;

      for (lxw_col_t c = w->c0; c <= w->c1 && c < MP_BRIEF_MAX_COLS; c++)
        width += widths[c];
      need_height (s, w->row, wrap_lines (w->text, capacity_of (width, w->font, w->bold)) * w->font * 15.0 / 11.0);
    }

  for (guint i = 0; i < s->paras->len; i++)
    {
      const Para *p = g_ptr_array_index (s->paras, i);
      lxw_col_t c1 = p->c1 == MP_BRIEF_LAST_COL ? MAX (s->last_col, p->c0) : p->c1;
      double width = 0;

      for (lxw_col_t c = p->c0; c <= c1 && c < MP_BRIEF_MAX_COLS; c++)
        width += widths[c];
      if (c1 > p->c0)
        _mp_brief_record (b, worksheet_merge_range (s->ws, p->row, p->c0, p->row, c1, p->text, p->format));
      else
        _mp_brief_record (b, worksheet_write_string (s->ws, p->row, p->c0, p->text, p->format));
      need_height (s, p->row, wrap_lines (p->text, capacity_of (width, p->font, p->bold)) * p->font * 15.0 / 11.0);
    }

  g_hash_table_iter_init (&iter, s->heights);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double points = GPOINTER_TO_UINT (value) / 10.0;

      /* Rows of one line keep the default height. */
      if (points > 15.5)
        _mp_brief_record (b, worksheet_set_row (s->ws, GPOINTER_TO_UINT (key), points, NULL));
    }

  _mp_brief_record (b, worksheet_print_area (s->ws, 0, 0, s->last_row, s->last_col));
}

/* Inserts @chart at @row, @col and widens the sheet's used range (and so
 * its print area) over it: the default chart is 480 × 288 pixels, a row 20
 * pixels, a column of width w about 7 w + 5 pixels. */
void
_mp_brief_insert_chart (MpBriefBook       *b,
                        MpBriefSheet      *s,
                        lxw_row_t          row,
                        lxw_col_t          col,
                        lxw_chart         *chart,
                        lxw_chart_options *place)
{
  double w = 480 * (place->x_scale > 0 ? place->x_scale : 1) + place->x_offset;
  double h = 288 * (place->y_scale > 0 ? place->y_scale : 1) + place->y_offset;
  lxw_col_t c = col;

  _mp_brief_record (b, worksheet_insert_chart_opt (s->ws, row, col, chart, place));
  while (w > 0 && c < MP_BRIEF_MAX_COLS)
    {
      w -= _mp_brief_column_pixels (s, c);
      c++;
    }
  touch (s, row + (lxw_row_t) ceil (h / 20.0), MIN (c, MP_BRIEF_MAX_COLS) - 1, 0);
}


/* ---- Tables with a total row ---------------------------------------------- */

/* Starts a table of @columns whose header is at @header (written by
 * _mp_brief_table_close()); the data rows follow it. */
void
_mp_brief_table_init (MpBriefTable        *t,
                      MpBriefSheet        *s,
                      lxw_row_t            header,
                      const MpBriefColumn *columns,
                      guint                n_columns)
{
  t->sheet = s;
  t->columns = columns;
  t->n_columns = n_columns;
  t->header = header;
  t->totals = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    if (columns[i].cap > 0)
      _mp_brief_sheet_cap (s, i, columns[i].cap);
}

static void
table_count (MpBriefTable *t,
             guint         col,
             double        value)
{
  if (!isfinite (value))
    value = 0;
  if (t->columns[col].total == MP_BRIEF_TOTAL_SUM)
    t->totals[col] += value;
  else if (t->columns[col].total == MP_BRIEF_TOTAL_LAST)
    t->totals[col] = value;
}

/* Writes @value in the column's format, counting it towards the total. */
void
_mp_brief_table_num (MpBriefBook  *b,
                     MpBriefTable *t,
                     lxw_row_t     row,
                     guint         col,
                     double        value)
{
  g_assert (col < t->n_columns);
  _mp_brief_put_num (b, t->sheet, row, col, value, t->columns[col].format);
  table_count (t, col, value);
}

/* Writes a formula whose value is @cached, counting it towards the total. */
void
_mp_brief_table_formula (MpBriefBook  *b,
                         MpBriefTable *t,
                         lxw_row_t     row,
                         guint         col,
                         const char   *formula,
                         double        cached)
{
  g_assert (col < t->n_columns);
  _mp_brief_put_formula (b, t->sheet, row, col, formula, cached, t->columns[col].format);
  table_count (t, col, cached);
}

/* Makes the rows from the header to @last an Excel table and writes the
 * total row under it: "Total" in the first column, then for each column
 * the total it declares.  Returns the total row. */
lxw_row_t
_mp_brief_table_close (MpBriefBook  *b,
                       MpBriefTable *t,
                       lxw_row_t     last)
{
  g_autofree const char **headers = g_new0 (const char *, t->n_columns);
  lxw_row_t total_row = last + 1;

  for (guint i = 0; i < t->n_columns; i++)
    headers[i] = t->columns[i].header;
  _mp_brief_add_table (b, t->sheet, t->header, 0, last, headers, t->n_columns);

  _mp_brief_put_text (b, t->sheet, total_row, 0, _("Total"), b->f_total_label);
  for (guint i = 1; i < t->n_columns; i++)
    {
      lxw_format *format = _mp_brief_total_format (b, t->columns[i].format);
      g_autofree char *formula = NULL;

      switch (t->columns[i].total)
        {
        case MP_BRIEF_TOTAL_SUM:
          {
            g_autofree char *range = _mp_brief_range_ref (t->header + 1, i, last, i);

            formula = g_strdup_printf ("=SUM(%s)", range);
          }
          break;
        case MP_BRIEF_TOTAL_LAST:
          {
            g_autofree char *cell = _mp_brief_cell_name (last, i);

            formula = g_strdup_printf ("=%s", cell);
          }
          break;
        case MP_BRIEF_TOTAL_NONE:
        default:
          _mp_brief_put_blank (b, t->sheet, total_row, i, b->f_total_label);
          continue;
        }
      _mp_brief_put_formula (b, t->sheet, total_row, i, formula, t->totals[i], format);
    }
  return total_row;
}

void
_mp_brief_table_clear (MpBriefTable *t)
{
  g_clear_pointer (&t->totals, g_free);
}
