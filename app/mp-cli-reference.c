/* mp-cli-reference.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mp-cli-commands.h"
#include "mp-document.h"
#include "mp-format.h"
#include "mp-reference.h"

/* Parses the options of a sub-command; prints the error and returns FALSE
 * on invalid use. */
static gboolean
parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      mp_cli_fail (error);
      return FALSE;
    }

  return TRUE;
}

static void
add_number_or_null (JsonBuilder *b,
                    const char  *member,
                    double       value)
{
  json_builder_set_member_name (b, member);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_strv (JsonBuilder *b,
          const char  *member,
          char       **strv)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

static void
add_partner_json (JsonBuilder            *b,
                  const MpPartner        *p,
                  const MpDdiEntry       *ddi,
                  const MpRiskThresholds *thresholds)
{
  MpRiskBasis basis;
  MpRisk risk = mp_partner_risk (p, thresholds, &basis);

  json_builder_begin_object (b);
  add_string_or_null (b, "iso3", p->iso3);
  add_string_or_null (b, "name", p->name);
  add_string_or_null (b, "region", p->region);
  json_builder_set_member_name (b, "reference_country");
  json_builder_add_boolean_value (b, mp_partner_is_reference_country (p));
  json_builder_set_member_name (b, "excluded");
  json_builder_add_boolean_value (b, p->excluded);
  add_string_or_null (b, "excluded_reason", p->excluded_reason);
  json_builder_set_member_name (b, "combiland");
  json_builder_add_boolean_value (b, p->combiland);
  json_builder_set_member_name (b, "who_ssl");
  json_builder_add_boolean_value (b, p->who_ssl);
  add_string_or_null (b, "who_ssl_source", p->who_ssl_source);
  add_strv (b, "memberships", p->memberships);
  add_strv (b, "frameworks", p->frameworks);

  json_builder_set_member_name (b, "risk");
  json_builder_begin_object (b);
  add_string_or_null (b, "class", mp_risk_to_string (risk));
  add_string_or_null (b, "basis", mp_risk_basis_to_string (basis));
  add_number_or_null (b, "vdem_libdem", p->ind[MP_IND_VDEM_LIBDEM].value);
  add_string_or_null (b, "override_reason", p->has_risk_override ? p->risk_override_reason : NULL);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "ddi");
  json_builder_begin_object (b);
  add_number_or_null (b, "index", ddi != NULL ? ddi->index : NAN);
  json_builder_set_member_name (b, "rank");
  if (ddi != NULL && ddi->rank > 0)
    json_builder_add_int_value (b, ddi->rank);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "components");
  json_builder_begin_object (b);
  for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
    {
      json_builder_set_member_name (b, mp_ddi_component_to_string (c));
      json_builder_begin_object (b);
      add_number_or_null (b, "value", ddi != NULL ? ddi->raw[c] : NAN);
      add_number_or_null (b, "normalised", ddi != NULL ? ddi->normalised[c] : NAN);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "indicators");
  json_builder_begin_object (b);
  for (int k = 0; k < MP_N_INDICATORS; k++)
    {
      const MpValue *v = &p->ind[k];

      json_builder_set_member_name (b, mp_indicator_to_string (k));
      json_builder_begin_object (b);
      add_number_or_null (b, "value", v->value);
      json_builder_set_member_name (b, "year");
      if (mp_value_present (v))
        json_builder_add_int_value (b, v->year);
      else
        json_builder_add_null_value (b);
      add_string_or_null (b, "source", v->source);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "profile");
  if (mp_partner_is_reference_country (p))
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "weights");
      json_builder_begin_object (b);
      for (int i = 0; i < MP_N_INTERESTS; i++)
        add_number_or_null (b, mp_interest_to_string (i), p->profile.weights[i]);
      json_builder_end_object (b);
      add_string_or_null (b, "rationale", p->profile.rationale);
      json_builder_end_object (b);
    }

  json_builder_end_object (b);
}

static void
print_partners_json (const MpReference      *ref,
                     const MpDdi            *ddi,
                     const MpRiskThresholds *thresholds)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  add_string_or_null (b, "vintage", ref->vintage);
  json_builder_set_member_name (b, "risk_thresholds");
  json_builder_begin_object (b);
  add_string_or_null (b, "index", mp_indicator_to_string (MP_IND_VDEM_LIBDEM));
  add_number_or_null (b, "low", thresholds->low);
  add_number_or_null (b, "medium", thresholds->medium);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "ddi_set_size");
  json_builder_add_int_value (b, ddi->set_size);
  json_builder_set_member_name (b, "partners");
  json_builder_begin_array (b);
  for (guint i = 0; i < ref->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, i);

      add_partner_json (b, p, mp_ddi_lookup (ddi, p->iso3), thresholds);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

/* Appends @text and pads it with spaces to @width characters (not bytes). */
static void
append_cell (GString    *line,
             const char *text,
             guint       width)
{
  glong n = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = n; i < (glong) width; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

static void
print_partners_text (const MpReference      *ref,
                     const MpDdi            *ddi,
                     const MpRiskThresholds *thresholds)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_print (_("Reference data of %s. Risk class from the V-Dem Liberal Democracy Index: "
             "low ≥ %.2f, medium ≥ %.2f, high below.\n"),
           ref->vintage, thresholds->low, thresholds->medium);
  g_print (_("Demographic-dividend index: 0–100 over the %u partners (the Netherlands excluded), "
             "rank 1 = largest dividend.\n\n"),
           ddi->set_size);

  append_cell (line, _("ISO"), 3);
  append_cell (line, _("Country"), 20);
  append_cell (line, _("Region"), 18);
  append_cell (line, _("DDI"), 5);
  append_cell (line, _("Rank"), 4);
  append_cell (line, _("Risk"), 6);
  append_cell (line, _("WHO list"), 8);
  g_string_append (line, _("Notes"));
  g_print ("%s\n", line->str);

  for (guint i = 0; i < ref->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, i);
      const MpDdiEntry *e = mp_ddi_lookup (ddi, p->iso3);
      MpRiskBasis basis;
      MpRisk risk = mp_partner_risk (p, thresholds, &basis);
      g_autofree char *index = NULL;
      g_autofree char *rank = NULL;
      g_autoptr(GPtrArray) notes = g_ptr_array_new ();

      index = e != NULL && !isnan (e->index) ? mp_format_number (e->index, 1) : g_strdup ("—");
      rank = e != NULL && e->rank > 0 ? g_strdup_printf ("%u", e->rank) : g_strdup ("—");

      if (mp_partner_is_reference_country (p))
        g_ptr_array_add (notes, _("reference country"));
      if (p->excluded)
        g_ptr_array_add (notes, _("excluded from partnerships"));
      if (basis == MP_RISK_BASIS_OVERRIDE)
        g_ptr_array_add (notes, _("risk class overridden"));
      if (basis == MP_RISK_BASIS_NO_DATA)
        g_ptr_array_add (notes, _("no democracy index"));
      if (p->combiland)
        g_ptr_array_add (notes, _("combiland"));
      g_ptr_array_add (notes, NULL);

      g_string_truncate (line, 0);
      append_cell (line, p->iso3, 3);
      append_cell (line, p->name, 20);
      append_cell (line, p->region != NULL ? p->region : "", 18);
      append_cell (line, index, 5);
      append_cell (line, rank, 4);
      append_cell (line, mp_risk_label (risk), 6);
      append_cell (line, p->who_ssl ? _("listed") : "", 8);
      {
        g_autofree char *joined = g_strjoinv (", ", (char **) notes->pdata);

        g_string_append (line, joined);
      }
      g_print ("%s\n", g_strchomp (line->str));
    }
}

/**
 * mp_cli_partners:
 *
 * `mobility-planner-cli partners [--json]`: the shipped partners with their
 * indicators, demographic-dividend index and rank, and risk class.
 */
int
mp_cli_partners (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print every partner with all indicators, sources, the index components and the "
         "profile as JSON"),
      NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpReference) ref = NULL;
  g_autoptr(MpDdi) ddi = NULL;
  MpRiskThresholds thresholds;

  g_option_context_set_summary (context,
                                _("Lists the partner countries of the reference data shipped "
                                  "with the application: demographic-dividend index and rank, "
                                  "risk class, WHO safeguards list; with --json also every "
                                  "indicator with its year and source."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return MP_CLI_EXIT_INVALID;
  if (argc > 1)
    {
      mp_cli_error (_("unexpected argument “%s”"), argv[1]);
      return MP_CLI_EXIT_INVALID;
    }

  ref = mp_reference_load_default (&error);
  if (ref == NULL)
    return mp_cli_fail (error);

  ddi = mp_reference_compute_ddi (ref);
  mp_risk_thresholds_init (&thresholds);

  if (json)
    print_partners_json (ref, ddi, &thresholds);
  else
    print_partners_text (ref, ddi, &thresholds);

  return MP_CLI_EXIT_OK;
}

static char *
describe_value (const MpValue *v)
{
  g_autofree char *number = NULL;

  if (!mp_value_present (v))
    return g_strdup (_("no data"));

  number = mp_reference_format_number (v->value);
  /* TRANSLATORS: an indicator value and its year, e.g. "22.37 (2024)" */
  return g_strdup_printf (_("%s (%d)"), number, v->year);
}

static void
print_changes (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const MpIndicatorChange *c = g_ptr_array_index (changes, i);
      g_autofree char *old_text = describe_value (&c->old_value);
      g_autofree char *new_text = describe_value (&c->new_value);

      /* TRANSLATORS: "line 2: MAR youth_unemployment: 22.37 (2024) → 23.5 (2025); source: ILO" */
      g_print (_("line %u: %s %s: %s → %s; source: %s\n"),
               c->line, c->iso3, mp_indicator_to_string (c->indicator), old_text, new_text,
               c->new_value.source != NULL ? c->new_value.source : _("none"));
    }
}

/**
 * mp_cli_import_indicators:
 *
 * `mobility-planner-cli import-indicators DOC FILE.csv [--dry-run]`: reads
 * indicator updates, prints every change, then (without --dry-run) replaces
 * the document's reference snapshot in one undoable transaction.
 */
int
mp_cli_import_indicators (int    argc,
                          char **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print the changes without writing anything"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DOCUMENT FILE.csv"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(MpReference) updated = NULL;

  g_option_context_set_summary (context,
                                _("Updates indicator values of a document's reference data "
                                  "from a CSV file with the header "
                                  "“iso3,indicator,value,year,source” (the format of "
                                  "export-indicators). Every change is printed, old → new with "
                                  "year and source; the file is applied completely or not at "
                                  "all."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return MP_CLI_EXIT_INVALID;
  if (argc != 3)
    {
      mp_cli_error (_("expected a document and a CSV file; see --help"));
      return MP_CLI_EXIT_INVALID;
    }

  doc = mp_cli_open_document (argv[1], !dry_run, &error);
  if (doc == NULL)
    return mp_cli_fail (error);

  if (!mp_reference_parse_csv_file (mp_document_get_reference (doc), argv[2], &changes, &error))
    {
      g_autofree char *where = g_filename_display_name (argv[2]);

      mp_cli_error ("%s: %s", where, error->message);
      return mp_cli_exit_code_for_error (error);
    }

  print_changes (changes);

  if (changes->len == 0)
    {
      g_print ("%s\n", _("No changes: the document already holds these values."));
      return MP_CLI_EXIT_OK;
    }

  if (dry_run)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u change; dry run: nothing was written.\n",
                            "%u changes; dry run: nothing was written.\n",
                            changes->len),
               changes->len);
      return MP_CLI_EXIT_OK;
    }

  updated = mp_reference_copy (mp_document_get_reference (doc));
  if (!mp_reference_apply_changes (updated, changes, &error)
      || !mp_document_replace_reference (doc, updated, &error))
    {
      mp_cli_error (_("nothing was changed: %s"), error->message);
      return mp_cli_exit_code_for_error (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u change written.\n",
                        "%u changes written.\n",
                        changes->len),
           changes->len);
  return MP_CLI_EXIT_OK;
}

/**
 * mp_cli_export_indicators:
 *
 * `mobility-planner-cli export-indicators DOC [-o FILE.csv]`: writes the
 * document's indicator values in the import format.
 */
int
mp_cli_export_indicators (int    argc,
                          char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DOCUMENT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autofree char *csv = NULL;
  gsize len = 0;

  g_option_context_set_summary (context,
                                _("Writes every indicator value of a document's reference "
                                  "data, with its year and source, as CSV in the format "
                                  "import-indicators reads."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return MP_CLI_EXIT_INVALID;
  if (argc != 2)
    {
      mp_cli_error (_("expected one document; see --help"));
      return MP_CLI_EXIT_INVALID;
    }

  doc = mp_cli_open_document (argv[1], FALSE, &error);
  if (doc == NULL)
    return mp_cli_fail (error);

  csv = mp_reference_to_csv (mp_document_get_reference (doc), &len);

  if (output == NULL)
    fwrite (csv, 1, len, stdout);   /* a write error is reported on the way out */
  else if (!g_file_set_contents (output, csv, len, &error))
    return mp_cli_fail (error);

  return MP_CLI_EXIT_OK;
}
