/* mp-print.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-print"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mp-bar-list.h"
#include "mp-deal-map.h"
#include "mp-format.h"
#include "mp-print.h"
#include "mp-projection-chart.h"
#include "mp-risk-matrix.h"

/* The printed brief is a flow of blocks (title, heading, paragraph, a row of
 * a table, a chart) laid out top to bottom on A4 pages in points.  The
 * pagination measures every block with Pango in "begin-print"; "draw-page"
 * then draws the blocks of its page.  Charts are drawn by the chart
 * widgets themselves (mp_chart_draw()) in their print palette. */

#define MARGIN_FOOTER 18.0
#define GAP 6.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_ROW,            /* cells separated by \t, column fractions in the job */
  BLOCK_HEADER_ROW,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;
  MpChart   *chart;       /* borrowed from the job */
  double     height;      /* measured, points */
  int        page;
  double     y;
  const double *columns;  /* column widths as fractions, for rows */
  int        n_columns;
} Block;

typedef struct
{
  MpPackage    *package;
  MpEvaluation *evaluation;
  MpReference  *reference;
  char         *document_name;
  char         *date;
  GArray       *blocks;       /* Block */
  int           n_pages;

  GtkWidget    *projection;
  GtkWidget    *deal_map;
  GtkWidget    *fit_bars;
  GtkWidget    *risk_matrix;
} PrintJob;

static const double headline_columns[] = { 0.6, 0.4 };
static const double scheme_columns[] = { 0.26, 0.14, 0.12, 0.14, 0.09, 0.06, 0.06, 0.05, 0.08 };
static const double two_columns[] = { 0.55, 0.45 };
static const double three_columns[] = { 0.2, 0.55, 0.25 };

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->text);
}

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->package, mp_package_free);
  g_clear_pointer (&job->evaluation, mp_evaluation_free);
  g_clear_pointer (&job->reference, mp_reference_free);
  g_free (job->document_name);
  g_free (job->date);
  g_clear_pointer (&job->blocks, g_array_unref);
  g_clear_object (&job->projection);
  g_clear_object (&job->deal_map);
  g_clear_object (&job->fit_bars);
  g_clear_object (&job->risk_matrix);
  g_free (job);
}

static void
add_block (PrintJob   *job,
           BlockKind   kind,
           const char *text)
{
  Block block = { 0 };

  block.kind = kind;
  block.text = g_strdup (text);
  g_array_append_val (job->blocks, block);
}

static void
add_row (PrintJob     *job,
         BlockKind     kind,
         const double *columns,
         int           n_columns,
         const char   *first,
         ...)
{
  Block block = { 0 };
  g_autoptr(GString) text = g_string_new (first);
  va_list args;
  const char *cell;

  va_start (args, first);
  for (int i = 1; i < n_columns; i++)
    {
      cell = va_arg (args, const char *);
      g_string_append_c (text, '\t');
      g_string_append (text, cell ? cell : "");
    }
  va_end (args);

  block.kind = kind;
  block.text = g_string_free (g_steal_pointer (&text), FALSE);
  block.columns = columns;
  block.n_columns = n_columns;
  g_array_append_val (job->blocks, block);
}

static void
add_chart (PrintJob  *job,
           GtkWidget *chart,
           double     height)
{
  Block block = { 0 };

  block.kind = BLOCK_CHART;
  block.chart = MP_CHART (chart);
  block.height = height;
  g_array_append_val (job->blocks, block);
}

static const char *
partner_name (PrintJob   *job,
              const char *iso3)
{
  const MpPartner *partner = iso3 ? mp_reference_find_partner (job->reference, iso3) : NULL;

  return partner && partner->name ? partner->name : (iso3 ? iso3 : "");
}

static const char *
sector_name (PrintJob   *job,
             const char *code)
{
  const MpSector *sector = code ? mp_reference_find_sector (job->reference, code) : NULL;

  return sector && sector->name ? sector->name : (code ? code : "");
}

/* ---- The contents of the brief ----------------------------------------------- */

static void
build_blocks (PrintJob *job)
{
  const MpPackage *p = job->package;
  const MpEvaluation *e = job->evaluation;
  g_autoptr(GString) partners = g_string_new (NULL);
  g_autofree char *line = NULL;
  static const MpHeadline headlines[] = {
    MP_HEADLINE_ADMISSIONS, MP_HEADLINE_PERSON_YEARS, MP_HEADLINE_REMITTANCES,
    MP_HEADLINE_NET_MIGRATION, MP_HEADLINE_FIT, MP_HEADLINE_NL_BENEFIT,
    MP_HEADLINE_BALANCE, MP_HEADLINE_COST_PUBLIC,
  };

  for (guint i = 0; p->partners != NULL && p->partners[i] != NULL; i++)
    {
      if (partners->len > 0)
        g_string_append (partners, ", ");
      g_string_append (partners, partner_name (job, p->partners[i]));
    }

  /* Cover */
  add_block (job, BLOCK_SUBTITLE, _("Negotiation brief"));
  add_block (job, BLOCK_TITLE, p->name);
  /* Translators: the cover of a printed brief: partners, date, data vintage */
  line = g_strdup_printf (_("Partner: %s · %s · reference data of %s · %s"),
                          partners->str, job->date,
                          job->reference->vintage ? job->reference->vintage : "–",
                          job->document_name);
  add_block (job, BLOCK_PARAGRAPH, line);
  g_clear_pointer (&line, g_free);
  if (p->description != NULL && p->description[0] != '\0')
    add_block (job, BLOCK_PARAGRAPH, p->description);

  add_block (job, BLOCK_HEADING, _("Headline figures"));
  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      MpHeadline h = headlines[i];
      double v = e->headline[h];
      g_autofree char *value = NULL;

      if (h == MP_HEADLINE_REMITTANCES || h == MP_HEADLINE_COST_PUBLIC)
        value = mp_format_money (v);
      else if (h == MP_HEADLINE_NET_MIGRATION || h == MP_HEADLINE_BALANCE)
        value = mp_format_signed_number (v, h == MP_HEADLINE_BALANCE ? 1 : 0);
      else if (h == MP_HEADLINE_FIT || h == MP_HEADLINE_NL_BENEFIT)
        value = mp_format_number (v, 1);
      else
        value = mp_format_number (v, 0);
      add_row (job, BLOCK_ROW, headline_columns, 2, mp_headline_label (h), value);
    }

  add_block (job, BLOCK_HEADING, _("Safeguards"));
  {
    g_autofree char *counts = g_strdup_printf (_("%d blocks, %d warnings, %d notes."),
                                               e->n_blocks, e->n_warnings, e->n_notes);
    add_block (job, BLOCK_PARAGRAPH, counts);
  }
  for (int severity = MP_SEVERITY_BLOCK; severity >= MP_SEVERITY_WARNING; severity--)
    for (guint i = 0; e->findings != NULL && i < e->findings->len; i++)
      {
        const MpFinding *f = g_ptr_array_index (e->findings, i);
        g_autofree char *text = NULL;

        if ((int) f->severity != severity)
          continue;
        /* Translators: a finding on paper: severity in capitals, message, source */
        text = g_strdup_printf (_("%s — %s (%s)"),
                                severity == MP_SEVERITY_BLOCK ? _("BLOCK") : _("WARNING"),
                                f->message, f->source ? f->source : "");
        add_block (job, BLOCK_PARAGRAPH, text);
      }

  add_block (job, BLOCK_HEADING, _("Required monitoring"));
  for (guint i = 0; e->measures != NULL && i < e->measures->len; i++)
    {
      const MpMeasure *m = &g_array_index (e->measures, MpMeasure, i);

      add_row (job, BLOCK_ROW, two_columns, 2, m->measure, mp_monitoring_label (m->monitoring));
    }

  /* Charts */
  add_block (job, BLOCK_PAGE_BREAK, NULL);
  add_block (job, BLOCK_HEADING, _("Projection: person-years in the Netherlands by sector"));
  add_chart (job, job->projection, 300);
  add_block (job, BLOCK_HEADING, _("Deal map: partner fit against NL benefit"));
  add_chart (job, job->deal_map, 300);
  add_block (job, BLOCK_HEADING, _("What drives the partner fit"));
  add_chart (job, job->fit_bars, 220);
  add_block (job, BLOCK_HEADING, _("Risk matrix: country risk × measure risk"));
  add_chart (job, job->risk_matrix, 280);

  /* The offer */
  add_block (job, BLOCK_PAGE_BREAK, NULL);
  add_block (job, BLOCK_HEADING, _("Schemes"));
  add_row (job, BLOCK_HEADER_ROW, scheme_columns, 9, _("Scheme"), _("Kind"), _("Partner"), _("Sector"),
           _("Quota a year"), _("Years"), _("Months"), _("Stays"), _("Cost per participant"));
  for (guint i = 0; i < p->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (p->schemes, i);
      g_autofree char *quota = mp_format_number (s->quota, 0);
      g_autofree char *years = g_strdup_printf ("%d–%d", s->first_year, s->first_year + s->intake_years - 1);
      g_autofree char *months = g_strdup_printf ("%d", s->months);
      g_autofree char *stays = g_strdup_printf ("%d", s->stays);
      g_autofree char *cost = mp_format_money (s->cost_per_participant);

      add_row (job, BLOCK_ROW, scheme_columns, 9, s->name, mp_scheme_kind_label (s->kind),
               partner_name (job, s->partner), sector_name (job, s->sector), quota, years, months, stays, cost);
    }

  if (p->offers->len > 0)
    {
      add_block (job, BLOCK_HEADING, _("Other offers"));
      for (guint i = 0; i < p->offers->len; i++)
        {
          const MpOffer *o = g_ptr_array_index (p->offers, i);
          g_autofree char *amount = mp_format_number (o->amount, 0);

          add_row (job, BLOCK_ROW, three_columns, 3, partner_name (job, o->partner),
                   mp_offer_kind_label (o->kind), amount);
        }
    }

  if (p->asks->len > 0)
    {
      add_block (job, BLOCK_HEADING, _("What the Netherlands asks"));
      for (guint i = 0; i < p->asks->len; i++)
        {
          const MpAsk *a = g_ptr_array_index (p->asks, i);
          g_autofree char *detail = NULL;

          if (a->returns_mode > 0)
            {
              g_autofree char *low = mp_format_number (a->returns_low, 0);
              g_autofree char *mode = mp_format_number (a->returns_mode, 0);
              g_autofree char *high = mp_format_number (a->returns_high, 0);

              detail = g_strdup_printf (_("%s extra returns a year (range %s–%s)"), mode, low, high);
            }
          else
            detail = g_strdup_printf (_("level %d of 3"), a->level);
          add_row (job, BLOCK_ROW, three_columns, 3, partner_name (job, a->partner),
                   mp_ask_kind_label (a->kind), detail);
        }
      add_block (job, BLOCK_PARAGRAPH,
                 _("Evidence: the only measured effect of a Dutch partnership on returns was about +112 forced returns a year (Morocco) [evaluation]; information campaigns showed no measurable effect (3ie review of 112 studies) [evaluation §3.3]."));
    }

  add_block (job, BLOCK_HEADING, _("Partner fit: components"));
  for (guint i = 0; e->fit_components != NULL && i < e->fit_components->len; i++)
    {
      const MpComponent *c = &g_array_index (e->fit_components, MpComponent, i);
      g_autofree char *w = mp_format_number (c->weight, 1);
      g_autofree char *s = mp_format_number (c->satisfaction, 2);
      g_autofree char *value = g_strdup_printf (_("weight %s, satisfaction %s"), w, s);

      add_row (job, BLOCK_ROW, two_columns, 2, c->label, value);
    }
  add_block (job, BLOCK_HEADING, _("NL benefit: components"));
  for (guint i = 0; e->nl_components != NULL && i < e->nl_components->len; i++)
    {
      const MpComponent *c = &g_array_index (e->nl_components, MpComponent, i);
      g_autofree char *w = mp_format_number (c->weight, 1);
      g_autofree char *s = mp_format_number (c->satisfaction, 2);
      g_autofree char *value = g_strdup_printf (_("weight %s, satisfaction %s"), w, s);

      add_row (job, BLOCK_ROW, two_columns, 2, c->label, value);
    }
}

/* ---- Layout ---------------------------------------------------------------------- */

static PangoLayout *
block_layout (GtkPrintContext *context,
              const Block     *block,
              const char      *text,
              double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9.5");

  switch (block->kind)
    {
    case BLOCK_TITLE:
      pango_font_description_set_size (font, 20 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_SUBTITLE:
      pango_font_description_set_size (font, 10 * PANGO_SCALE);
      pango_font_description_set_variant (font, PANGO_VARIANT_SMALL_CAPS);
      break;
    case BLOCK_HEADING:
      pango_font_description_set_size (font, 12 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_HEADER_ROW:
      pango_font_description_set_size (font, 8.5 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_ROW:
      pango_font_description_set_size (font, 8.5 * PANGO_SCALE);
      break;
    case BLOCK_PARAGRAPH:
    case BLOCK_CHART:
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);

  return layout;
}

static double
measure_block (GtkPrintContext *context,
               const Block     *block,
               double           width)
{
  switch (block->kind)
    {
    case BLOCK_CHART:
      return block->height;
    case BLOCK_PAGE_BREAK:
      return 0;
    case BLOCK_ROW:
    case BLOCK_HEADER_ROW:
      {
        g_auto(GStrv) cells = g_strsplit (block->text, "\t", -1);
        double height = 0;

        for (int i = 0; cells[i] != NULL && i < block->n_columns; i++)
          {
            g_autoptr(PangoLayout) layout = block_layout (context, block, cells[i],
                                                          block->columns[i] * width - 4);
            int h;

            pango_layout_get_size (layout, NULL, &h);
            height = MAX (height, (double) h / PANGO_SCALE);
          }
        return height + 4;
      }
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    case BLOCK_HEADING:
    case BLOCK_PARAGRAPH:
    default:
      {
        g_autoptr(PangoLayout) layout = block_layout (context, block, block->text, width);
        int h;

        pango_layout_get_size (layout, NULL, &h);
        return (double) h / PANGO_SCALE + (block->kind == BLOCK_HEADING ? 10 : 0);
      }
    }
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - MARGIN_FOOTER;
  double y = 0;
  int page = 0;

  for (guint i = 0; i < job->blocks->len; i++)
    {
      Block *block = &g_array_index (job->blocks, Block, i);

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (y > 0)
            {
              page++;
              y = 0;
            }
          continue;
        }

      block->height = measure_block (context, block, width);
      /* A heading stays with what follows it. */
      if (y > 0 && (y + block->height > height ||
                    (block->kind == BLOCK_HEADING && i + 1 < job->blocks->len &&
                     y + block->height + measure_block (context, &g_array_index (job->blocks, Block, i + 1), width) > height)))
        {
          page++;
          y = 0;
        }
      block->page = page;
      block->y = y;
      y += block->height + GAP;
    }

  job->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, job->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;
  Block footer_block = { BLOCK_ROW };

  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < job->blocks->len; i++)
    {
      const Block *block = &g_array_index (job->blocks, Block, i);

      if (block->page != page_nr || block->kind == BLOCK_PAGE_BREAK)
        continue;

      cairo_save (cr);
      cairo_translate (cr, 0, block->y);
      switch (block->kind)
        {
        case BLOCK_CHART:
          mp_chart_draw (block->chart, cr, width, block->height, MP_CHART_STYLE_PRINT);
          break;
        case BLOCK_ROW:
        case BLOCK_HEADER_ROW:
          {
            g_auto(GStrv) cells = g_strsplit (block->text, "\t", -1);
            double x = 0;

            for (int c = 0; cells[c] != NULL && c < block->n_columns; c++)
              {
                g_autoptr(PangoLayout) layout = block_layout (context, block, cells[c],
                                                              block->columns[c] * width - 4);

                cairo_move_to (cr, x, 2);
                pango_cairo_show_layout (cr, layout);
                x += block->columns[c] * width;
              }
            cairo_set_line_width (cr, block->kind == BLOCK_HEADER_ROW ? 0.8 : 0.3);
            cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
            cairo_move_to (cr, 0, block->height);
            cairo_line_to (cr, width, block->height);
            cairo_stroke (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
          }
          break;
        case BLOCK_TITLE:
        case BLOCK_SUBTITLE:
        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
        case BLOCK_PAGE_BREAK:
        default:
          {
            g_autoptr(PangoLayout) layout = block_layout (context, block, block->text, width);

            cairo_move_to (cr, 0, block->kind == BLOCK_HEADING ? 8 : 0);
            pango_cairo_show_layout (cr, layout);
          }
          break;
        }
      cairo_restore (cr);
    }

  /* Translators: the footer of a printed page: package, date, page x of y */
  footer = g_strdup_printf (_("%s · %s · page %d of %d"), job->package->name, job->date,
                            page_nr + 1, job->n_pages);
  footer_layout = block_layout (context, &footer_block, footer, width);
  pango_layout_set_alignment (footer_layout, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, height - MARGIN_FOOTER + 6);
  pango_cairo_show_layout (cr, footer_layout);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could Not Print"),
                                       error ? error->message : _("The printer reported an error."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static PrintJob *
print_job_new (MpSession *session)
{
  PrintJob *job = g_new0 (PrintJob, 1);
  MpDocument *document = mp_session_get_document (session);
  const MpEvaluation *eval = mp_session_get_evaluation (session);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (MpDealPoint));

  job->package = mp_session_dup_package (session);
  job->reference = mp_reference_copy (mp_session_get_reference (session));
  job->evaluation = mp_evaluate (job->package, job->reference, NULL);
  job->document_name = g_path_get_basename (mp_document_get_path (document));
  job->date = g_date_time_format (now, "%x");
  job->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (job->blocks, block_clear);

  if (job->evaluation == NULL || eval == NULL)
    {
      print_job_free (job);
      return NULL;
    }

  job->projection = g_object_ref_sink (mp_projection_chart_new ());
  mp_projection_chart_set_evaluation (MP_PROJECTION_CHART (job->projection), job->evaluation, job->reference);
  job->fit_bars = g_object_ref_sink (mp_bar_list_new ());
  mp_bar_list_set_components (MP_BAR_LIST (job->fit_bars), job->evaluation->fit_components);
  job->risk_matrix = g_object_ref_sink (mp_risk_matrix_new ());
  mp_risk_matrix_set_evaluation (MP_RISK_MATRIX (job->risk_matrix), job->evaluation);

  job->deal_map = g_object_ref_sink (mp_deal_map_new ());
  mp_session_evaluate_all (session, &packages, &evaluations, &ids);
  for (guint i = 0; i < packages->len; i++)
    {
      const MpPackage *package = g_ptr_array_index (packages, i);
      const MpEvaluation *e = g_ptr_array_index (evaluations, i);
      MpDealPoint point = { 0 };

      if (e == NULL)
        continue;
      point.name = package->name;
      point.fit = e->headline[MP_HEADLINE_FIT];
      point.nl_benefit = e->headline[MP_HEADLINE_NL_BENEFIT];
      point.highlighted = g_array_index (ids, gint64, i) == mp_session_get_package_id (session);
      g_array_append_val (points, point);
    }
  mp_deal_map_set_points (MP_DEAL_MAP (job->deal_map), (const MpDealPoint *) (gpointer) points->data, points->len);

  build_blocks (job);

  return job;
}

gboolean
mp_print_run (GtkWindow                *parent,
              MpSession                *session,
              GtkPrintOperationAction   action,
              const char               *export_path,
              GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (MP_IS_SESSION (session), FALSE);

  if (mp_session_get_package (session) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No package is selected."));
      return FALSE;
    }

  job = print_job_new (session);
  if (job == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                   mp_session_get_evaluation_error (session)
                   ? mp_session_get_evaluation_error (session)
                   : _("The package cannot be evaluated."));
      return FALSE;
    }

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job->package->name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, action != GTK_PRINT_OPERATION_ACTION_EXPORT);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (action != GTK_PRINT_OPERATION_ACTION_EXPORT)
    g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);
  g_object_set_data_full (G_OBJECT (operation), "mp-print-job", job, (GDestroyNotify) print_job_free);

  result = gtk_print_operation_run (operation, action, parent, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
