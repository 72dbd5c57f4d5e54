/* mp-cli-evaluate.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mp-cli-commands.h"
#include "mp-evaluation.h"
#include "mp-format.h"
#include "mp-headline-format.h"
#include "mp-json.h"
#include "mp-reference.h"

/* mobility-planner-cli evaluate FILE [--package NAME] [--draws N] [--seed S] [--json]
 *
 * FILE is a JSON package file or bundle (data/JSON-FORMAT.md) or a
 * Mobility Planner document (.mplan).  Exit status: 0 on success (also when
 * the evaluation has block findings: a block is a result, not an error),
 * 2 on invalid input with the message on stderr, 1 on other failures. */

/* ---- Number formatting ------------------------------------------------------ */

/* The report is text for reading: true minus signs, and amounts in whole
 * euros (its tables are exact, not rounded to millions). */
#define REPORT_FORMAT (MP_FORMAT_TRUE_MINUS | MP_FORMAT_EXACT_EUROS)

static char *
fmt_num (double v,
         int    decimals)
{
  return mp_format_number_full (v, decimals, REPORT_FORMAT);
}

/* Enough decimals for about three significant digits below 100. */
static char *
fmt_auto (double v)
{
  double a = fabs (v);

  if (v == 0.0 || a >= 100.0 || isnan (v))
    return fmt_num (v, 0);
  if (a >= 10.0)
    return fmt_num (v, 1);
  if (a >= 1.0)
    return fmt_num (v, 2);
  if (a >= 0.01)
    return fmt_num (v, 4);
  return fmt_num (v, 6);
}

/* ---- Tables ----------------------------------------------------------------- */

typedef struct
{
  guint      n_cols;
  GPtrArray *rows;     /* GPtrArray (char *) per row; row 0 is the header */
  guint      left;     /* bit i: column i is left-aligned */
} Table;

static Table *
table_new (guint  n_cols,
           guint  left)
{
  Table *t = g_new0 (Table, 1);

  t->n_cols = n_cols;
  t->left = left;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return t;
}

static void
table_free (Table *t)
{
  g_ptr_array_unref (t->rows);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Adds a row; takes ownership of the @n_cols strings passed. */
static void
table_row (Table *t,
           ...)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, t);
  for (guint i = 0; i < t->n_cols; i++)
    {
      char *cell = va_arg (args, char *);
      g_ptr_array_add (row, cell != NULL ? cell : g_strdup (""));
    }
  va_end (args);

  g_ptr_array_add (t->rows, row);
}

static void
table_print (Table *t,
             int    indent)
{
  g_autofree glong *width = g_new0 (glong, t->n_cols);

  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (t->rows, r);

      for (guint c = 0; c < t->n_cols; c++)
        width[c] = MAX (width[c], g_utf8_strlen (g_ptr_array_index (row, c), -1));
    }

  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (t->rows, r);
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "%*s", indent, "");
      for (guint c = 0; c < t->n_cols; c++)
        {
          const char *cell = g_ptr_array_index (row, c);
          glong pad = width[c] - g_utf8_strlen (cell, -1);
          gboolean left = (t->left >> c) & 1;

          if (c > 0)
            g_string_append (line, "  ");
          if (!left)
            g_string_append_printf (line, "%*s", (int) pad, "");
          g_string_append (line, cell);
          if (left && c + 1 < t->n_cols)
            g_string_append_printf (line, "%*s", (int) pad, "");
        }
      /* no trailing blanks */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);

      if (r == 0)
        {
          glong total = 0;
          GString *rule = g_string_new (NULL);

          for (guint c = 0; c < t->n_cols; c++)
            total += width[c] + (c > 0 ? 2 : 0);
          g_string_append_printf (rule, "%*s", indent, "");
          for (glong i = 0; i < total; i++)
            g_string_append (rule, "─");
          g_print ("%s\n", rule->str);
          g_string_free (rule, TRUE);
        }
      g_string_free (line, TRUE);
    }
}

static void
heading (const char *title)
{
  glong n = g_utf8_strlen (title, -1);

  g_print ("\n%s\n", title);
  for (glong i = 0; i < n; i++)
    g_print ("═");
  g_print ("\n");
}

static void
subheading (const char *title)
{
  g_print ("\n  %s\n", title);
}

/* ---- The report ------------------------------------------------------------- */

static const char *
partner_name (const MpReference *reference,
              const char        *iso3)
{
  MpPartner *p = mp_reference_find_partner (reference, iso3);

  return p != NULL && p->name != NULL ? p->name : iso3;
}

static char *
headline_value (MpHeadline h,
                double     v)
{
  return mp_format_headline (h, v, REPORT_FORMAT);
}

static void
print_components (const char        *title,
                  const GArray      *components,
                  gboolean           with_partner)
{
  g_autoptr(Table) t = table_new (with_partner ? 7 : 6, with_partner ? 0x43 : 0x21);

  subheading (title);
  if (with_partner)
    table_row (t, g_strdup (_("Component")), g_strdup (_("Partner")), g_strdup (_("Weight")),
               g_strdup (_("Delivered")), g_strdup (_("Scale")), g_strdup (_("Satisfaction")),
               g_strdup (_("Unit")));
  else
    table_row (t, g_strdup (_("Component")), g_strdup (_("Weight")), g_strdup (_("Delivered")),
               g_strdup (_("Scale")), g_strdup (_("Satisfaction")), g_strdup (_("Unit")));

  for (guint i = 0; components != NULL && i < components->len; i++)
    {
      const MpComponent *c = &g_array_index (components, MpComponent, i);

      if (with_partner)
        table_row (t, g_strdup (c->label), g_strdup (c->partner ? c->partner : ""),
                   fmt_num (c->weight, 1), fmt_auto (c->delivered), fmt_auto (c->scale),
                   fmt_num (c->satisfaction, 2), g_strdup (c->unit));
      else
        table_row (t, g_strdup (c->label), fmt_num (c->weight, 1),
                   fmt_auto (c->delivered), fmt_auto (c->scale),
                   fmt_num (c->satisfaction, 2), g_strdup (c->unit));
    }
  table_print (t, 4);
}

static void
print_years_people (const MpEvaluation *e,
                    const MpYear       *rows)
{
  g_autoptr(Table) t = table_new (9, 0x1);

  table_row (t, g_strdup (_("Year")), g_strdup (_("Admissions")), g_strdup (_("Present")),
             g_strdup (_("Person-years")), g_strdup (_("Settled")), g_strdup (_("Overstayed")),
             g_strdup (_("Returned")), g_strdup (_("Seasonal returns")),
             g_strdup (_("Net migration (cum.)")));
  for (int y = 0; y < e->n_years; y++)
    {
      const MpYear *r = &rows[y];

      table_row (t, g_strdup_printf ("%d", e->start_year + y), fmt_num (r->admissions, 0),
                 fmt_num (r->headcount, 0), fmt_num (r->person_years, 0),
                 fmt_num (r->settled, 0), fmt_num (r->overstayed, 0), fmt_num (r->returned, 0),
                 fmt_num (r->seasonal_returns, 0), fmt_num (r->net_migration, 0));
    }
  table_print (t, 4);
}

static void
print_years_money (const MpEvaluation *e,
                   const MpYear       *rows)
{
  g_autoptr(Table) t = table_new (7, 0x1);

  table_row (t, g_strdup (_("Year")), g_strdup (_("Remittances (€)")),
             g_strdup (_("Trainees away")), g_strdup (_("Trainees home")),
             g_strdup (_("Skilled returnees")), g_strdup (_("Public cost (€)")),
             g_strdup (_("Employer cost (€)")));
  for (int y = 0; y < e->n_years; y++)
    {
      const MpYear *r = &rows[y];

      table_row (t, g_strdup_printf ("%d", e->start_year + y), fmt_num (r->remittances, 0),
                 fmt_num (r->trainees_away, 0), fmt_num (r->trainees_home, 0),
                 fmt_num (r->skilled_returnees, 0), fmt_num (r->cost_public, 0),
                 fmt_num (r->cost_employer, 0));
    }
  table_print (t, 4);
}

/* The compact table per scheme, sector or partner; @coverage may be NULL. */
static void
print_years_compact (const MpEvaluation *e,
                     const MpYear       *rows,
                     const double       *coverage)
{
  g_autoptr(Table) t = table_new (coverage != NULL ? 8 : 7, 0x1);

  if (coverage != NULL)
    table_row (t, g_strdup (_("Year")), g_strdup (_("Admissions")), g_strdup (_("Present")),
               g_strdup (_("Person-years")), g_strdup (_("Shortage coverage")),
               g_strdup (_("Net migration (cum.)")), g_strdup (_("Remittances (€)")),
               g_strdup (_("Cost (€)")));
  else
    table_row (t, g_strdup (_("Year")), g_strdup (_("Admissions")), g_strdup (_("Present")),
               g_strdup (_("Person-years")), g_strdup (_("Net migration (cum.)")),
               g_strdup (_("Remittances (€)")), g_strdup (_("Cost (€)")));

  for (int y = 0; y < e->n_years; y++)
    {
      const MpYear *r = &rows[y];

      if (coverage != NULL)
        table_row (t, g_strdup_printf ("%d", e->start_year + y), fmt_num (r->admissions, 0),
                   fmt_num (r->headcount, 0), fmt_num (r->person_years, 0),
                   mp_format_percent (coverage[y] * 100.0, 2), fmt_num (r->net_migration, 0),
                   fmt_num (r->remittances, 0), fmt_num (r->cost_public + r->cost_employer, 0));
      else
        table_row (t, g_strdup_printf ("%d", e->start_year + y), fmt_num (r->admissions, 0),
                   fmt_num (r->headcount, 0), fmt_num (r->person_years, 0),
                   fmt_num (r->net_migration, 0), fmt_num (r->remittances, 0),
                   fmt_num (r->cost_public + r->cost_employer, 0));
    }
  table_print (t, 4);
}

static void
print_report (const MpPackage    *p,
              const MpEvaluation *e,
              const MpReference  *reference)
{
  g_autoptr(GString) partners = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; p->partners != NULL && p->partners[i] != NULL; i++)
    g_string_append_printf (partners, "%s%s (%s)", i > 0 ? ", " : "",
                            partner_name (reference, p->partners[i]), p->partners[i]);

  /* TRANSLATORS: the title of the evaluation report; %s is the package name */
  title = g_strdup_printf (_("Evaluation of “%s”"), p->name);
  heading (title);
  g_print ("  %-16s %s\n", _("Partners:"), partners->str);
  g_print ("  %-16s %d–%d (%d %s)\n", _("Horizon:"), e->start_year,
           e->start_year + e->n_years - 1, e->n_years,
           ngettext ("year", "years", (gulong) e->n_years));
  g_print ("  %-16s %s\n", _("Reference data:"),
           reference->vintage != NULL ? reference->vintage : _("no vintage"));
  g_print ("  %-16s %u %s, %u %s, %u %s\n", _("Contents:"),
           p->schemes->len, ngettext ("scheme", "schemes", p->schemes->len),
           p->offers->len, ngettext ("offer", "offers", p->offers->len),
           p->asks->len, ngettext ("ask", "asks", p->asks->len));

  /* Headlines and scores */
  heading (_("Headlines"));
  {
    g_autoptr(Table) t = table_new (2, 0x1);

    table_row (t, g_strdup (_("Output")), g_strdup (_("Value")));
    for (int h = 0; h < MP_N_HEADLINES; h++)
      table_row (t, g_strdup (mp_headline_label (h)), headline_value (h, e->headline[h]));
    g_print ("\n");
    table_print (t, 2);
  }

  heading (_("Scores"));
  {
    g_autofree char *fit = headline_value (MP_HEADLINE_FIT, e->headline[MP_HEADLINE_FIT]);
    g_autofree char *nl = headline_value (MP_HEADLINE_NL_BENEFIT, e->headline[MP_HEADLINE_NL_BENEFIT]);
    g_autofree char *balance = headline_value (MP_HEADLINE_BALANCE, e->headline[MP_HEADLINE_BALANCE]);

    g_print ("  %s %s / 100   %s %s / 100   %s %s\n", _("Partner-interest fit:"), fit,
             _("NL benefit:"), nl, _("Balance:"), balance);
  }
  if (e->partner_fit != NULL && e->n_partners > 1)
    for (int k = 0; k < e->n_partners; k++)
      {
        g_autofree char *fit = headline_value (MP_HEADLINE_FIT, e->partner_fit[k]);
        g_print ("    %s %s: %s / 100\n", _("Fit for"), e->partner_codes[k], fit);
      }
  print_components (_("Partner-interest fit: components"), e->fit_components, TRUE);
  print_components (_("Netherlands benefit: components"), e->nl_components, FALSE);

  /* Findings */
  {
    g_autofree char *blocks = g_strdup_printf (ngettext ("%d block", "%d blocks", e->n_blocks),
                                               e->n_blocks);
    g_autofree char *warnings = g_strdup_printf (ngettext ("%d warning", "%d warnings",
                                                           e->n_warnings), e->n_warnings);
    g_autofree char *notes = g_strdup_printf (ngettext ("%d note", "%d notes", e->n_notes),
                                              e->n_notes);
    /* TRANSLATORS: "Findings (1 block, 2 warnings, 0 notes)" */
    g_autofree char *t = g_strdup_printf (_("Findings (%s, %s, %s)"), blocks, warnings, notes);

    heading (t);
  }
  if (e->findings == NULL || e->findings->len == 0)
    g_print ("  %s\n", _("No findings."));
  for (guint i = 0; e->findings != NULL && i < e->findings->len; i++)
    {
      const MpFinding *f = g_ptr_array_index (e->findings, i);
      g_autofree char *sev = g_utf8_strup (mp_severity_label (f->severity), -1);
      GString *where = g_string_new (NULL);

      if (f->scheme >= 0 && (guint) f->scheme < p->schemes->len)
        g_string_append_printf (where, _("scheme %d “%s”"), f->scheme + 1,
                                ((MpScheme *) g_ptr_array_index (p->schemes, f->scheme))->name);
      if (f->partner != NULL)
        g_string_append_printf (where, "%s%s", where->len > 0 ? ", " : "", f->partner);

      g_print ("\n  %-8s %s%s%s%s\n", sev, f->rule,
               where->len > 0 ? " (" : "", where->str, where->len > 0 ? ")" : "");
      g_print ("           %s\n", f->message);
      if (f->source != NULL)
        g_print ("           %s %s\n", _("Source:"), f->source);
      g_string_free (where, TRUE);
    }

  /* Measures and monitoring */
  heading (_("Required monitoring (risk matrix)"));
  if (e->measures == NULL || e->measures->len == 0)
    g_print ("  %s\n", _("No measures."));
  else
    {
      g_autoptr(Table) t = table_new (5, 0x13);

      g_print ("\n");
      table_row (t, g_strdup (_("Measure")), g_strdup (_("Partner")),
                 g_strdup (_("Country risk")), g_strdup (_("Measure risk")),
                 g_strdup (_("Monitoring")));
      for (guint i = 0; i < e->measures->len; i++)
        {
          const MpMeasure *m = &g_array_index (e->measures, MpMeasure, i);

          table_row (t, g_strdup (m->measure), g_strdup (m->partner),
                     g_strdup (mp_risk_label (m->country_risk)),
                     g_strdup (mp_risk_label (m->measure_risk)),
                     m->never_allowed ? g_strdup_printf ("%s (%s)", mp_monitoring_label (m->monitoring),
                                                         _("never allowed"))
                                      : g_strdup (mp_monitoring_label (m->monitoring)));
        }
      table_print (t, 2);
    }

  /* Projection */
  heading (_("Projection by year"));
  subheading (_("Total: people"));
  print_years_people (e, e->total);
  subheading (_("Total: money and skills"));
  print_years_money (e, e->total);

  for (int s = 0; s < e->n_schemes; s++)
    {
      const MpScheme *scheme = g_ptr_array_index (p->schemes, s);
      g_autofree char *t = g_strdup_printf (_("Scheme %d: %s (%s, %s, %s)"), s + 1, scheme->name,
                                            mp_scheme_kind_label (scheme->kind),
                                            scheme->partner, scheme->sector);

      subheading (t);
      print_years_compact (e, &e->by_scheme[(gsize) s * e->n_years], NULL);
    }

  for (int k = 0; k < e->n_sectors; k++)
    {
      MpSector *sector = mp_reference_find_sector (reference, e->sector_codes[k]);
      g_autofree char *t = g_strdup_printf (_("Sector: %s (%s)"),
                                            sector != NULL && sector->name != NULL
                                            ? sector->name : e->sector_codes[k],
                                            e->sector_codes[k]);

      subheading (t);
      print_years_compact (e, &e->by_sector[(gsize) k * e->n_years],
                           e->coverage != NULL ? &e->coverage[(gsize) k * e->n_years] : NULL);
    }

  for (int k = 0; k < e->n_partners; k++)
    {
      g_autofree char *t = NULL;

      if (e->partner_risk != NULL)
        t = g_strdup_printf (_("Partner: %s (%s), country risk %s"),
                             partner_name (reference, e->partner_codes[k]), e->partner_codes[k],
                             mp_risk_label (e->partner_risk[k]));
      else
        t = g_strdup_printf (_("Partner: %s (%s)"),
                             partner_name (reference, e->partner_codes[k]), e->partner_codes[k]);
      subheading (t);
      print_years_compact (e, &e->by_partner[(gsize) k * e->n_years], NULL);
    }

  /* Uncertainty */
  if (!e->has_uncertainty)
    {
      heading (_("Uncertainty"));
      g_print ("  %s\n", _("Not computed (0 draws)."));
      return;
    }

  {
    g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, e->seed);
    g_autofree char *t = g_strdup_printf (_("Uncertainty (%u draws, seed %s)"), e->draws, seed);
    heading (t);
  }
  {
    g_autoptr(Table) t = table_new (5, 0x1);

    subheading (_("Headline outputs"));
    table_row (t, g_strdup (_("Output")), g_strdup ("P10"), g_strdup ("P50"), g_strdup ("P90"),
               g_strdup (_("Mean")));
    for (int h = 0; h < MP_N_HEADLINES; h++)
      table_row (t, g_strdup (mp_headline_label (h)),
                 headline_value (h, e->quantiles[h].p10), headline_value (h, e->quantiles[h].p50),
                 headline_value (h, e->quantiles[h].p90), headline_value (h, e->quantiles[h].mean));
    table_print (t, 4);
  }
  if (e->person_years_by_year != NULL)
    {
      g_autoptr(Table) t = table_new (5, 0x1);

      subheading (_("Person-years by year (fan)"));
      table_row (t, g_strdup (_("Year")), g_strdup ("P10"), g_strdup ("P50"), g_strdup ("P90"),
                 g_strdup (_("Mean")));
      for (int y = 0; y < e->n_years; y++)
        {
          const MpQuantiles *q = &e->person_years_by_year[y];

          table_row (t, g_strdup_printf ("%d", e->start_year + y), fmt_num (q->p10, 0),
                     fmt_num (q->p50, 0), fmt_num (q->p90, 0), fmt_num (q->mean, 0));
        }
      table_print (t, 4);
    }
  if (e->swings != NULL && e->swings->len > 0)
    {
      g_autoptr(Table) t = table_new (7, 0x1);

      subheading (_("One-at-a-time swings (tornado)"));
      table_row (t, g_strdup (_("Assumption")), g_strdup (_("Fit at low")),
                 g_strdup (_("Fit at high")), g_strdup (_("Fit base")),
                 g_strdup (_("NL at low")), g_strdup (_("NL at high")), g_strdup (_("NL base")));
      for (guint i = 0; i < e->swings->len; i++)
        {
          const MpSwing *s = &g_array_index (e->swings, MpSwing, i);

          table_row (t, g_strdup (s->assumption), fmt_num (s->low_value, 1),
                     fmt_num (s->high_value, 1), fmt_num (s->base, 1),
                     fmt_num (s->nl_low_value, 1), fmt_num (s->nl_high_value, 1),
                     fmt_num (s->nl_base, 1));
        }
      table_print (t, 4);
    }
}

/* ---- The command ------------------------------------------------------------ */

/**
 * mp_cli_evaluate:
 * @argc: arguments, argv[0] being "evaluate"
 * @argv: (array length=argc): the arguments
 *
 * Runs `mobility-planner-cli evaluate`.
 *
 * Returns: the exit status
 */
int
mp_cli_evaluate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(MpCliInput) in = { 0 };
  g_autofree char *package_name = NULL;
  const char *names[2] = { NULL, NULL };
  g_autofree char *draws_arg = NULL;
  g_autofree char *seed_arg = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  gboolean have_draws = FALSE;
  gboolean have_seed = FALSE;
  guint64 draws = 0;
  guint64 seed = 0;
  GOptionEntry entries[] = {
    { "package", 'p', 0, G_OPTION_ARG_STRING, &package_name,
      N_("Evaluate only the package called NAME"), N_("NAME") },
    { "draws", 'n', 0, G_OPTION_ARG_STRING, &draws_arg,
      N_("Monte Carlo draws (0 = none; default: the package's, 2000 for new packages)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_arg,
      N_("Monte Carlo seed (default: the package's)"), N_("S") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the evaluation as JSON (see data/JSON-FORMAT.md)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  if (g_get_prgname () == NULL)
    g_set_prgname ("mobility-planner-cli evaluate");

  context = g_option_context_new (_("FILE — evaluate the packages of a JSON file or .mplan document"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prints the projection by year, the scores with their components, "
                                  "the safeguard findings, the required monitoring and the "
                                  "uncertainty of each package.  Exit status: 0 on success (also "
                                  "when a finding blocks the package), 2 on invalid input, 1 on "
                                  "other failures."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mp_cli_fail (error);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      mp_cli_error (_("evaluate needs exactly one FILE; see “mobility-planner-cli evaluate --help”"));
      return MP_CLI_EXIT_INVALID;
    }

  if (draws_arg != NULL)
    {
      if (!g_ascii_string_to_unsigned (draws_arg, 10, 0, MP_JSON_MAX_DRAWS, &draws, NULL))
        {
          mp_cli_error (_("--draws: “%s” is not a whole number between 0 and %d"),
                        draws_arg, MP_JSON_MAX_DRAWS);
          return MP_CLI_EXIT_INVALID;
        }
      have_draws = TRUE;
    }

  if (seed_arg != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed_arg, 10, 0, G_MAXUINT64, &seed, NULL))
        {
          mp_cli_error (_("--seed: “%s” is not a whole number between 0 and %s"),
                        seed_arg, "18446744073709551615");
          return MP_CLI_EXIT_INVALID;
        }
      have_seed = TRUE;
    }

  names[0] = package_name;
  if (!mp_cli_input_load (&in, files[0], names, &error) ||
      !mp_cli_input_evaluate (&in, have_draws ? (gint64) draws : -1, have_seed ? &seed : NULL, &error))
    return mp_cli_fail (error);

  if (json)
    {
      if (in.packages->len == 1)
        output = mp_json_write_evaluation (g_ptr_array_index (in.packages, 0),
                                           g_ptr_array_index (in.evaluations, 0), &error);
      else
        output = mp_json_write_evaluations (in.packages, in.evaluations, &error);
      if (output == NULL)
        return mp_cli_fail (error);
      fputs (output, stdout);
    }
  else
    {
      for (guint i = 0; i < in.packages->len; i++)
        print_report (g_ptr_array_index (in.packages, i), g_ptr_array_index (in.evaluations, i),
                      in.reference);
    }

  return MP_CLI_EXIT_OK;
}
