/* mp-csv.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* CSV text as spreadsheets write it: RFC 4180 records separated by ',' (or
 * ';' when the first line uses only that), numbers with a decimal point or
 * comma, and the problems of a file's rows collected into one message with
 * their line numbers.  The file format itself (header, columns, what a value
 * means) belongs to the caller. */

#include <glib.h>

G_BEGIN_DECLS

#define MP_CSV_ERROR (mp_csv_error_quark ())

typedef enum
{
  MP_CSV_ERROR_ENCODING,   /* UTF-16, not UTF-8, or NUL bytes */
  MP_CSV_ERROR_SYNTAX,     /* bad quoting */
} MpCsvError;

GQuark       mp_csv_error_quark        (void);

/* ---- Reading records ---------------------------------------------------- */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;     /* physical line at p, 1-based */
  char        sep;
} MpCsvReader;

typedef enum
{
  MP_CSV_RECORD,        /* a record was read */
  MP_CSV_END,           /* no more records */
  MP_CSV_FAILED,        /* bad quoting: the error names the line */
} MpCsvStatus;

gboolean     mp_csv_check_text         (const char   *data,
                                        gsize         len,
                                        GError      **error);
void         mp_csv_reader_init        (MpCsvReader  *reader,
                                        const char   *data,
                                        gsize         len);
MpCsvStatus  mp_csv_reader_next        (MpCsvReader  *reader,
                                        GPtrArray    *fields,
                                        guint        *line_out,
                                        GError      **error);
gboolean     mp_csv_record_is_blank    (GPtrArray    *fields);
char        *mp_csv_dup_field          (GPtrArray    *fields,
                                        guint         i);
gboolean     mp_csv_parse_number       (const char   *text,
                                        double       *out);

/* ---- Writing ------------------------------------------------------------ */

void         mp_csv_append_field       (GString      *out,
                                        const char   *field);

/* ---- Problems: per-row errors collected into one message ---------------- */

typedef struct
{
  GString *text;
  guint    count;
  int      first_code;  /* error code of the first problem, -1 while none */
} MpCsvProblems;

void         mp_csv_problems_init      (MpCsvProblems *problems);
void         mp_csv_problems_clear     (MpCsvProblems *problems);
void         mp_csv_problems_add       (MpCsvProblems *problems,
                                        int            code,
                                        guint          line,
                                        const char    *format,
                                        ...) G_GNUC_PRINTF (4, 5);
void         mp_csv_problems_add_error (MpCsvProblems *problems,
                                        int            code,
                                        const char    *message);
gboolean     mp_csv_problems_propagate (MpCsvProblems *problems,
                                        GQuark         domain,
                                        GError       **error);

G_END_DECLS
