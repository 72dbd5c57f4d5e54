/* mp-brief.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-brief.h"
#include "mp-reference.h"

/* How the workbook is written
 *
 * - Every piece of user text (names, notes, messages, sources) goes through
 *   clean() and then worksheet_write_string(): never a formula, so "=1+1",
 *   "+cmd", "@SUM(A1)" stay text.  clean() makes the text valid UTF-8,
 *   replaces characters XML 1.0 cannot carry with U+FFFD, protects literal
 *   OOXML escapes ("_x0041_" would otherwise be read back as "A") and caps
 *   the length at Excel's 32,767 characters.
 * - Chart series names refer to cells (chart_series_set_name_range): a name
 *   given as a string would be taken as a formula when it starts with "=".
 * - Header and footer text is escaped for the &-codes ("&&"), and the
 *   picture code (&G) libxlsxwriter counts cannot be formed from user text.
 * - Totals are formulas written with their cached values
 *   (worksheet_write_formula_num), in plain A1 ranges: libxlsxwriter 1.1.4's
 *   table total rows store 0 and LibreOffice 7.4 reads their structured
 *   references as #NAME? (TESTING.md).  The totals sit in the row under each
 *   table.
 * - Non-finite numbers are never written as numbers (they would make Excel
 *   repair the file): they become "–".
 * - The file is written to a temporary file next to the destination and
 *   renamed over it only when workbook_close() succeeded; otherwise the
 *   temporary file is removed and an existing file at the destination stays
 *   untouched.
 * - The brief's own texts come from the bilingual pairs TR (b, "en", "nl")
 *   below, chosen by the document language, not the process locale; no
 *   global state is touched, so briefs can be written from worker threads.
 */

#define MAX_COLS        64
#define MAX_CELL_CHARS  32767
#define COVER_LIST_MAX  8
#define HEADER_NAME_MAX 80

G_DEFINE_QUARK (mp-brief-error-quark, mp_brief_error)

typedef struct
{
  const char *en;
  const char *nl;
} Text;

typedef struct
{
  lxw_worksheet *ws;
  char          *name;
  double         width[MAX_COLS];   /* characters, from the content */
  double         cap[MAX_COLS];     /* 0 = default cap */
  lxw_row_t      last_row;
  lxw_col_t      last_col;
  GArray        *wraps;             /* Wrapped: cells whose row height follows their text */
  GPtrArray     *paras;             /* Para*: notes merged across the sheet, written at the end */
  GHashTable    *heights;           /* row → points (as double, GUINT_TO_POINTER of 10×) */
} Sheet;

/* A wrapped text cell: the row is made tall enough for it in sheet_finish(). */
typedef struct
{
  lxw_row_t  row;
  lxw_col_t  c0;
  lxw_col_t  c1;
  char      *text;
  double     font;           /* points */
  gboolean   bold;
} Wrapped;

/* A paragraph: merged over columns c0..c1 (c1 = LAST_COL: the sheet's last
 * used column), wrapped, its row as tall as the text needs. */
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

#define LAST_COL G_MAXUINT16

typedef struct
{
  lxw_workbook *wb;
  gboolean      dutch;
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

  /* Cells other sheets refer to, as 'Sheet'!$C$9, with their values. */
  char         *ref_py_total;
  double        py_total;
  char         *ref_cost_total;
  double        cost_total;
  char         *ref_fit;
  double        fit;
  char         *ref_nl;
  double        nl;
} Brief;

#define TR(b, en, nl) ((b)->dutch ? (nl) : (en))

/* ---- Bilingual labels of the model's enums -------------------------------- */

static const Text scheme_kind_text[MP_N_SCHEME_KINDS] = {
  { "Talent partnership", "Talentpartnerschap" },
  { "Circular scheme", "Circulaire regeling" },
  { "Seasonal scheme", "Seizoensregeling" },
  { "Trainee scheme", "Traineeregeling" },
  { "Study scheme", "Studieregeling" },
  { "Home track", "Thuistraject" },
};

static const Text offer_kind_text[MP_N_OFFER_KINDS] = {
  { "Development investment", "Ontwikkelingsinvestering" },
  { "Trade and nearshoring", "Handel en nearshoring" },
  { "Scholarships", "Studiebeurzen" },
  { "Visa information and facilitation", "Visuminformatie en -facilitatie" },
  { "Capacity building", "Capaciteitsopbouw" },
};

static const Text offer_unit_text[MP_N_OFFER_KINDS] = {
  { "€ a year", "€ per jaar" },
  { "€ a year", "€ per jaar" },
  { "scholarships a year", "beurzen per jaar" },
  { "level 0–3", "niveau 0–3" },
  { "€ a year", "€ per jaar" },
};

static const Text ask_kind_text[MP_N_ASK_KINDS] = {
  { "Information campaigns", "Voorlichtingscampagnes" },
  { "Voluntary return and reintegration support", "Steun voor vrijwillige terugkeer en herintegratie" },
  { "Protection in the region", "Bescherming in de regio" },
  { "Anti-smuggling cooperation", "Samenwerking tegen mensensmokkel" },
  { "Return and readmission cooperation", "Samenwerking bij terugkeer en overname" },
  { "Return or transit hubs", "Terugkeer- of transithubs" },
  { "Border equipment and training", "Grensmaterieel en -training" },
  { "Coast-guard support", "Steun aan de kustwacht" },
  { "External asylum processing", "Asielprocedure buiten Europa" },
  { "Transfers in breach of non-refoulement", "Overdrachten in strijd met non-refoulement" },
  { "Push- or pullbacks", "Push- of pullbacks" },
  { "Detention without guaranteed rights", "Detentie zonder gewaarborgde rechten" },
};

static const Text risk_text[MP_N_RISK] = {
  { "Low", "Laag" },
  { "Medium", "Middel" },
  { "High", "Hoog" },
};

static const Text severity_text[MP_N_SEVERITY] = {
  { "Note", "Opmerking" },
  { "Warning", "Waarschuwing" },
  { "Block", "Blokkade" },
};

static const Text monitoring_text[MP_N_MONITOR] = {
  { "Standard reporting", "Standaardrapportage" },
  { "Standard reporting + periodic review", "Standaardrapportage + periodieke evaluatie" },
  { "Enhanced: independent monitoring with local access",
    "Verscherpt: onafhankelijke monitoring met lokale toegang" },
  { "Enhanced + suspension clause", "Verscherpt + opschortingsclausule" },
  { "Not allowed", "Niet toegestaan" },
};

/* The five elements of adequate monitoring (AR §4.2.3) for each level of
 * the risk matrix (AR §4.2.1): form, cooperation, frequency, content,
 * follow-up. */
#define N_ELEMENTS 5
static const Text monitoring_elements[MP_N_MONITOR][N_ELEMENTS] = {
  [MP_MONITOR_STANDARD] = {
    { "Reporting obligations in the agreement", "Rapportageverplichtingen in de afspraken" },
    { "Partner authorities report to the Netherlands", "Partnerautoriteiten rapporteren aan Nederland" },
    { "Regular reporting, as agreed", "Regelmatige rapportage, zoals afgesproken" },
    { "Indicators of migrants’ rights fixed in advance", "Vooraf vastgelegde indicatoren voor de rechten van migranten" },
    { "Findings discussed in the partnership dialogue", "Bevindingen besproken in de partnerschapsdialoog" },
  },
  [MP_MONITOR_STANDARD_REVIEW] = {
    { "Reporting obligations in the agreement", "Rapportageverplichtingen in de afspraken" },
    { "Partner authorities report to the Netherlands", "Partnerautoriteiten rapporteren aan Nederland" },
    { "Regular reporting and a periodic review of the measure", "Regelmatige rapportage en een periodieke evaluatie van de maatregel" },
    { "Indicators of migrants’ rights fixed in advance", "Vooraf vastgelegde indicatoren voor de rechten van migranten" },
    { "The review can adjust or end the measure", "De evaluatie kan de maatregel bijstellen of beëindigen" },
  },
  [MP_MONITOR_ENHANCED] = {
    { "Reporting backed by independent institutions with local access", "Rapportage gestut door onafhankelijke instellingen met lokale toegang" },
    { "Partner authorities and independent actors (international organisations with a human-rights mandate, ombudsmen)",
      "Partnerautoriteiten en onafhankelijke actoren (internationale organisaties met een mensenrechtenmandaat, ombudsmannen)" },
    { "Periodic, set by the risk profile of country and measure", "Periodiek, naar het risicoprofiel van land en maatregel" },
    { "What is monitored and what counts as a breach, fixed in advance", "Vooraf vastgelegd wat wordt gemonitord en wat als schending geldt" },
    { "Agreed consequences of findings", "Afgesproken consequenties van bevindingen" },
  },
  [MP_MONITOR_ENHANCED_SUSPENSION] = {
    { "Reporting backed by independent institutions with local access", "Rapportage gestut door onafhankelijke instellingen met lokale toegang" },
    { "Partner authorities and independent actors (international organisations with a human-rights mandate, ombudsmen)",
      "Partnerautoriteiten en onafhankelijke actoren (internationale organisaties met een mensenrechtenmandaat, ombudsmannen)" },
    { "Periodic, set by the risk profile of country and measure", "Periodiek, naar het risicoprofiel van land en maatregel" },
    { "What is monitored and what counts as a breach, fixed in advance", "Vooraf vastgelegd wat wordt gemonitord en wat als schending geldt" },
    { "Agreed consequences, including suspension of the measure after serious violations",
      "Afgesproken consequenties, waaronder opschorting van de maatregel bij ernstige schendingen" },
  },
  [MP_MONITOR_NOT_ALLOWED] = {
    { "Not allowed: leave this measure out of the package", "Niet toegestaan: laat deze maatregel uit het pakket" },
    { "–", "–" },
    { "–", "–" },
    { "–", "–" },
    { "–", "–" },
  },
};

static const Text interest_text[MP_N_INTERESTS] = {
  { "Labour mobility", "Arbeidsmobiliteit" },
  { "Skills and training", "Vaardigheden en opleiding" },
  { "Remittances", "Geldovermakingen" },
  { "Investment and trade", "Investeringen en handel" },
  { "Study and exchange", "Studie en uitwisseling" },
  { "Visa facilitation", "Visumfacilitatie" },
  { "Protection of nationals abroad", "Bescherming van onderdanen in het buitenland" },
  { "Development funding", "Ontwikkelingsfinanciering" },
};

static const Text interest_unit_text[MP_N_INTERESTS] = {
  { "admissions a year", "toelatingen per jaar" },
  { "trainees a year", "getrainden per jaar" },
  { "€ a year", "€ per jaar" },
  { "€ a year", "€ per jaar" },
  { "scholarships a year", "beurzen per jaar" },
  { "level 0–3", "niveau 0–3" },
  { "share of participants", "aandeel deelnemers" },
  { "€ a year", "€ per jaar" },
};

static const Text nl_component_text[MP_N_NL_COMPONENTS] = {
  { "Shortage relief", "Verlichting van tekorten" },
  { "Return cooperation", "Terugkeersamenwerking" },
  { "Irregular migration and protection", "Irreguliere migratie en bescherming" },
  { "Cost efficiency", "Kostenefficiëntie" },
  { "Net-migration restraint", "Beperking van netto migratie" },
};

static const Text nl_unit_text[MP_N_NL_COMPONENTS] = {
  { "person-years per vacancy", "persoonsjaren per vacature" },
  { "extra returns a year", "extra terugkeer per jaar" },
  { "level 0–3", "niveau 0–3" },
  { "public € per person-year", "publieke € per persoonsjaar" },
  { "persons a year", "personen per jaar" },
};

static const Text headline_text[MP_N_HEADLINES] = {
  { "Admissions a year (mean over the intake years)", "Toelatingen per jaar (gemiddeld over de instroomjaren)" },
  { "Person-years over the horizon", "Persoonsjaren over de horizon" },
  { "Remittances, € a year (mean)", "Geldovermakingen, € per jaar (gemiddeld)" },
  { "Net-migration contribution (cumulative)", "Bijdrage aan netto migratie (cumulatief)" },
  { "Partner-interest fit (0–100)", "Aansluiting bij partnerbelangen (0–100)" },
  { "Netherlands benefit (0–100)", "Nederlands belang (0–100)" },
  { "Balance (fit − NL benefit)", "Balans (aansluiting − NL-belang)" },
  { "Public cost over the horizon (€)", "Publieke kosten over de horizon (€)" },
};

static const Text indicator_text[MP_N_INDICATORS] = {
  { "Population", "Bevolking" },
  { "Working-age share (15–64)", "Aandeel werkende leeftijd (15–64)" },
  { "Dependency ratio", "Afhankelijkheidsratio" },
  { "Old-age dependency ratio", "Grijze druk" },
  { "Median age", "Mediane leeftijd" },
  { "Working-age population 2025", "Bevolking in de werkende leeftijd 2025" },
  { "Working-age population 2050", "Bevolking in de werkende leeftijd 2050" },
  { "Working-age growth 2025–2050", "Groei werkende leeftijd 2025–2050" },
  { "Youth unemployment", "Jeugdwerkloosheid" },
  { "Remittances (% of GDP)", "Geldovermakingen (% bbp)" },
  { "Remittance inflow (USD)", "Instroom geldovermakingen (USD)" },
  { "GDP per capita (USD)", "Bbp per hoofd (USD)" },
  { "GDP per capita (PPP)", "Bbp per hoofd (KKP)" },
  { "Doctors per 10,000", "Artsen per 10.000" },
  { "Nurses and midwives per 10,000", "Verpleegkundigen en verloskundigen per 10.000" },
  { "V-Dem Liberal Democracy Index", "V-Dem Liberal Democracy Index" },
  { "V-Dem Electoral Democracy Index", "V-Dem Electoral Democracy Index" },
};

static const Text indicator_unit_text[MP_N_INDICATORS] = {
  { "persons", "personen" },
  { "% of population", "% van de bevolking" },
  { "% of working age", "% van de werkende leeftijd" },
  { "% of working age", "% van de werkende leeftijd" },
  { "years", "jaar" },
  { "persons", "personen" },
  { "persons", "personen" },
  { "%", "%" },
  { "% of labour force 15–24", "% van de beroepsbevolking 15–24" },
  { "% of GDP", "% bbp" },
  { "USD a year", "USD per jaar" },
  { "USD", "USD" },
  { "international $", "internationale $" },
  { "per 10,000", "per 10.000" },
  { "per 10,000", "per 10.000" },
  { "0–1", "0–1" },
  { "0–1", "0–1" },
};

static const Text risk_basis_text[MP_N_RISK_BASIS] = {
  { "V-Dem Liberal Democracy Index and thresholds", "V-Dem Liberal Democracy Index en drempels" },
  { "Context override", "Contextcorrectie" },
  { "No index value: classed high as a precaution", "Geen indexwaarde: uit voorzorg hoog" },
};

/* ---- Text cleaning ------------------------------------------------------ */

static gboolean
is_ooxml_escape (const char *p)
{
  return p[0] == '_' && p[1] == 'x' &&
         g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
         g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_';
}

static gboolean
text_is_plain (const char *text)
{
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    {
      if (*p < 0x20 || *p > 0x7e)
        return FALSE;
      if (*p == '_' && p[1] == 'x')
        return FALSE;
    }
  return strlen (text) <= MAX_CELL_CHARS;
}

/* Appends the cleaned @text to @out; see the comment at the top.  With
 * @escape, literal OOXML escapes are protected; that must happen exactly
 * once, right before the text is written. */
static void
clean_into (GString    *out,
            const char *text,
            gboolean    escape)
{
  g_autofree char *valid = NULL;
  const char *s = text;
  glong n = 0;

  if (!g_utf8_validate (text, -1, NULL))
    {
      valid = g_utf8_make_valid (text, -1);
      s = valid;
    }

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      glong need = (escape && c == '_' && is_ooxml_escape (p)) ? 7 : 1;

      if (n + need > MAX_CELL_CHARS - 1)
        {
          g_string_append (out, "…");
          return;
        }

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
          c == 0xFFFE || c == 0xFFFF)
        c = 0xFFFD;

      if (need == 7)
        g_string_append (out, "_x005F_");
      else
        g_string_append_unichar (out, c);
      n += need;
    }
}

/**
 * mp_brief_clean_text:
 * @text: (nullable): user text
 *
 * The cleaning every piece of user text gets before it is written to a
 * brief: invalid UTF-8 and characters XML 1.0 cannot carry (control
 * characters other than tab, line feed and carriage return; U+FFFE, U+FFFF)
 * become U+FFFD, a literal OOXML escape such as "_x0041_" is protected as
 * "_x005F_x0041_" so that spreadsheets show it as typed, and the result is
 * capped at Excel's 32,767 characters (ending in "…").
 *
 * Returns: (transfer full): the cleaned text ("" for %NULL)
 */
char *
mp_brief_clean_text (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text != NULL)
    clean_into (out, text, TRUE);
  return g_string_free (out, FALSE);
}

/* Returns @text itself when it needs no cleaning, else the cleaned copy in
 * b->scratch (valid until the next call). */
static const char *
clean (Brief      *b,
       const char *text)
{
  if (text == NULL)
    return "";
  if (text_is_plain (text))
    return text;
  g_string_truncate (b->scratch, 0);
  clean_into (b->scratch, text, TRUE);
  return b->scratch->str;
}

/* One line of text for headers, table column names and sheet-level labels:
 * line breaks and tabs become spaces, at most @max characters. */
static char *
clean_line (const char *text,
            glong       max)
{
  GString *valid = g_string_new (NULL);
  g_autofree char *c = NULL;
  GString *out = g_string_new (NULL);
  glong n = 0;

  /* Not escaped here: the result is written through clean() or add_table(). */
  clean_into (valid, text != NULL ? text : "", FALSE);
  c = g_string_free (valid, FALSE);
  for (const char *p = c; *p != '\0' && n < max; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\t' || ch == '\n' || ch == '\r')
        ch = ' ';
      g_string_append_unichar (out, ch);
    }
  if (g_utf8_strlen (c, -1) > max)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* Escapes user text for a header/footer: "&" is a control character there,
 * and libxlsxwriter counts "&G" as a picture even after "&&". */
static char *
escape_header (const char *text)
{
  g_autofree char *line = clean_line (text, HEADER_NAME_MAX);
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '&')
        {
          g_string_append (out, "&&");
          if (p[1] == 'G' || p[1] == '[')
            g_string_append (out, "\xe2\x80\x8b");   /* U+200B ZERO WIDTH SPACE */
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* ---- Writing cells ------------------------------------------------------ */

static void
record (Brief     *b,
        lxw_error  err)
{
  if (err != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
    b->err = err;
}

static void
touch (Sheet     *s,
       lxw_row_t  row,
       lxw_col_t  col,
       double     width)
{
  if (row > s->last_row)
    s->last_row = row;
  if (col > s->last_col)
    s->last_col = col;
  if (col < MAX_COLS && width > s->width[col])
    s->width[col] = width;
}

static void
put_text (Brief      *b,
          Sheet      *s,
          lxw_row_t   row,
          lxw_col_t   col,
          const char *text,
          lxw_format *format)
{
  const char *c;

  if (text == NULL || *text == '\0')
    {
      if (format != NULL)
        record (b, worksheet_write_blank (s->ws, row, col, format));
      touch (s, row, col, 0);
      return;
    }

  c = clean (b, text);
  record (b, worksheet_write_string (s->ws, row, col, c, format));
  touch (s, row, col, MIN (g_utf8_strlen (c, 200), 200));
  if (format != NULL && (format == b->f_wrap || format == b->f_head || format == b->f_thead))
    {
      Wrapped w = { row, col, col, g_strdup (c), 11, format != b->f_wrap };
      g_array_append_val (s->wraps, w);
    }
}

static lxw_format *
para_format (Brief      *b,
             lxw_format *format)
{
  if (format == b->f_note)
    return b->f_para_note;
  if (format == b->f_warning)
    return b->f_para_warning;
  if (format == b->f_block)
    return b->f_para_block;
  if (format == b->f_good)
    return b->f_para_good;
  return b->f_para_text;
}

/* A note or other long text, merged from @c0 to @c1 (LAST_COL: to the last
 * column the sheet uses) and wrapped; written by sheet_finish(). */
static void
put_para (Brief      *b,
          Sheet      *s,
          lxw_row_t   row,
          lxw_col_t   c0,
          lxw_col_t   c1,
          const char *text,
          lxw_format *format)
{
  Para *p = g_new0 (Para, 1);

  p->row = row;
  p->c0 = c0;
  p->c1 = c1;
  p->text = g_strdup (clean (b, text != NULL ? text : ""));
  p->format = para_format (b, format);
  p->font = format == b->f_note ? 9 : 11;
  p->bold = format == b->f_warning || format == b->f_block;
  g_ptr_array_add (s->paras, p);
  touch (s, row, c0, 0);
}

/* Text that spans several columns (titles, notes): does not widen @col. */
static void
put_span (Brief      *b,
          Sheet      *s,
          lxw_row_t   row,
          lxw_col_t   col,
          const char *text,
          lxw_format *format)
{
  record (b, worksheet_write_string (s->ws, row, col, clean (b, text), format));
  touch (s, row, col, 0);
}

static double
number_width (double      value,
              lxw_format *format,
              Brief      *b)
{
  double digits = floor (log10 (MAX (fabs (value), 1.0))) + 1;
  double w = digits + floor ((digits - 1) / 3);   /* thousands separators */

  if (value < 0)
    w += 1;
  if (format == b->f_eur || format == b->f_total_eur || format == b->f_big_eur)
    w += 2;
  else if (format == b->f_dec1 || format == b->f_total_dec1 || format == b->f_big_dec1 ||
           format == b->f_pct)
    w += 2;
  else if (format == b->f_dec2)
    w += 3;
  else if (format == b->f_dec3)
    w += 4;
  return w + 1;
}

static void
put_num (Brief      *b,
         Sheet      *s,
         lxw_row_t   row,
         lxw_col_t   col,
         double      value,
         lxw_format *format)
{
  if (!isfinite (value))
    {
      record (b, worksheet_write_string (s->ws, row, col, "–", format));
      touch (s, row, col, 2);
      return;
    }
  record (b, worksheet_write_number (s->ws, row, col, value, format));
  touch (s, row, col, number_width (value, format, b));
}

static void
put_formula (Brief      *b,
             Sheet      *s,
             lxw_row_t   row,
             lxw_col_t   col,
             const char *formula,
             double      cached,
             lxw_format *format)
{
  if (!isfinite (cached))
    cached = 0;
  record (b, worksheet_write_formula_num (s->ws, row, col, formula, format, cached));
  touch (s, row, col, number_width (cached, format, b));
}

static const char *
yes_no (Brief    *b,
        gboolean  v)
{
  return v ? TR (b, "Yes", "Ja") : TR (b, "No", "Nee");
}

/* 'Sheet name'!$C$9 */
static char *
sheet_ref (Sheet     *s,
           lxw_row_t  row,
           lxw_col_t  col)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (cell, row, col, 1, 1);
  return g_strdup_printf ("'%s'!%s", s->name, cell);
}

static char *
range_ref (lxw_row_t r0,
           lxw_col_t c0,
           lxw_row_t r1,
           lxw_col_t c1)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];

  lxw_rowcol_to_range (range, r0, c0, r1, c1);
  return g_strdup (range);
}

static char *
cell_name (lxw_row_t row,
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
static void
add_table (Brief              *b,
           Sheet              *s,
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
      g_autofree char *line = clean_line (headers[i], 200);
      char *name = mp_brief_clean_text (line);

      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup_printf ("%s %u", TR (b, "Column", "Kolom"), i + 1);
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
  record (b, worksheet_add_table (s->ws, header, c0, last, c0 + n - 1, &options));
}

/* ---- Sheets ------------------------------------------------------------- */

static void
para_free (gpointer data)
{
  Para *p = data;

  g_free (p->text);
  g_free (p);
}

static Sheet *
sheet_new (Brief      *b,
           const char *name,
           gboolean    landscape)
{
  Sheet *s = g_new0 (Sheet, 1);
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  lxw_header_footer_options hf = { .margin = 0.3 };

  s->name = g_strdup (name);
  s->wraps = g_array_new (FALSE, TRUE, sizeof (Wrapped));
  s->paras = g_ptr_array_new_with_free_func (para_free);
  s->heights = g_hash_table_new (NULL, NULL);
  s->ws = workbook_add_worksheet (b->wb, name);
  if (s->ws == NULL)
    {
      record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
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
  footer = g_strdup_printf ("&LMobility Planner — &A&R%s",
                            TR (b, "Page &P of &N", "Pagina &P van &N"));
  record (b, worksheet_set_header_opt (s->ws, header, &hf));
  record (b, worksheet_set_footer_opt (s->ws, footer, &hf));
  return s;
}

static void
sheet_free (Sheet *s)
{
  for (guint i = 0; i < s->wraps->len; i++)
    g_free (g_array_index (s->wraps, Wrapped, i).text);
  g_array_unref (s->wraps);
  g_ptr_array_unref (s->paras);
  g_hash_table_unref (s->heights);
  g_free (s->name);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

static void
sheet_cap (Sheet     *s,
           lxw_col_t  col,
           double     cap)
{
  if (col < MAX_COLS)
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
need_height (Sheet     *s,
             lxw_row_t  row,
             double     points)
{
  guint tenths = (guint) ceil (points * 10);
  guint have = GPOINTER_TO_UINT (g_hash_table_lookup (s->heights, GUINT_TO_POINTER (row)));

  if (tenths > have)
    g_hash_table_insert (s->heights, GUINT_TO_POINTER (row), GUINT_TO_POINTER (tenths));
}

/* Column widths from the content, paragraphs merged, row heights for
 * wrapped text (neither Excel nor LibreOffice recomputes them on opening),
 * print area over everything written. */
static void
sheet_finish (Brief     *b,
              Sheet     *s,
              lxw_row_t  extra_rows)
{
  double widths[MAX_COLS] = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  for (lxw_col_t c = 0; c <= s->last_col && c < MAX_COLS; c++)
    {
      double cap = s->cap[c] > 0 ? s->cap[c] : 50;

      widths[c] = CLAMP (s->width[c] + 1, 6, cap);
      record (b, worksheet_set_column (s->ws, c, c, widths[c], NULL));
    }

  for (guint i = 0; i < s->wraps->len; i++)
    {
      const Wrapped *w = &g_array_index (s->wraps, Wrapped, i);
      double width = 0;

      for (lxw_col_t c = w->c0; c <= w->c1 && c < MAX_COLS; c++)
        width += widths[c];
      need_height (s, w->row, wrap_lines (w->text, capacity_of (width, w->font, w->bold)) * w->font * 15.0 / 11.0);
    }

  for (guint i = 0; i < s->paras->len; i++)
    {
      const Para *p = g_ptr_array_index (s->paras, i);
      lxw_col_t c1 = p->c1 == LAST_COL ? MAX (s->last_col, p->c0) : p->c1;
      double width = 0;

      for (lxw_col_t c = p->c0; c <= c1 && c < MAX_COLS; c++)
        width += widths[c];
      if (c1 > p->c0)
        record (b, worksheet_merge_range (s->ws, p->row, p->c0, p->row, c1, p->text, p->format));
      else
        record (b, worksheet_write_string (s->ws, p->row, p->c0, p->text, p->format));
      need_height (s, p->row, wrap_lines (p->text, capacity_of (width, p->font, p->bold)) * p->font * 15.0 / 11.0);
    }

  g_hash_table_iter_init (&iter, s->heights);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double points = GPOINTER_TO_UINT (value) / 10.0;

      /* Rows of one line keep the default height. */
      if (points > 15.5)
        record (b, worksheet_set_row (s->ws, GPOINTER_TO_UINT (key), points, NULL));
    }

  record (b, worksheet_print_area (s->ws, 0, 0, s->last_row + extra_rows, s->last_col));
}

/* Inserts @chart at @row, @col and widens the sheet's used range (and so
 * its print area) over it: the default chart is 480 × 288 pixels, a row 20
 * pixels, a column of width w about 7 w + 5 pixels. */
static void
insert_chart (Brief             *b,
              Sheet             *s,
              lxw_row_t          row,
              lxw_col_t          col,
              lxw_chart         *chart,
              lxw_chart_options *place)
{
  double w = 480 * (place->x_scale > 0 ? place->x_scale : 1) + place->x_offset;
  double h = 288 * (place->y_scale > 0 ? place->y_scale : 1) + place->y_offset;
  lxw_col_t c = col;

  record (b, worksheet_insert_chart_opt (s->ws, row, col, chart, place));
  while (w > 0 && c < MAX_COLS)
    {
      w -= 7 * CLAMP (s->width[c] + 1, 6, s->cap[c] > 0 ? s->cap[c] : 50) + 5;
      c++;
    }
  touch (s, row + (lxw_row_t) ceil (h / 20.0), MIN (c, MAX_COLS) - 1, 0);
}

/* ---- Small helpers over the model --------------------------------------- */

static const char *
partner_name (const MpReference *ref,
              const char        *iso3)
{
  MpPartner *p = (ref != NULL && iso3 != NULL) ? mp_reference_find_partner (ref, iso3) : NULL;

  return p != NULL && p->name != NULL ? p->name : iso3;
}

static const char *
sector_name (const MpReference *ref,
             const char        *code)
{
  MpSector *s = (ref != NULL && code != NULL) ? mp_reference_find_sector (ref, code) : NULL;

  return s != NULL && s->name != NULL ? s->name : code;
}

static char *
partners_text (const MpPackage   *pkg,
               const MpReference *ref)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s (%s)", partner_name (ref, pkg->partners[i]),
                              pkg->partners[i]);
    }
  return g_string_free (out, FALSE);
}

static void
risk_thresholds (const MpPackage  *pkg,
                 MpRiskThresholds *t)
{
  mp_risk_thresholds_init (t);
  t->low = mp_package_assumption_value (pkg, MP_ASSUMPTION_VDEM_LOW_RISK);
  t->medium = mp_package_assumption_value (pkg, MP_ASSUMPTION_VDEM_HIGH_RISK);
  if (!mp_risk_thresholds_validate (t, NULL))
    mp_risk_thresholds_init (t);
}

/* Fit component keys are an interest ("labour-mobility"), or an interest and
 * a partner in regional packages ("labour-mobility:MAR"). */
static gboolean
interest_of_key (const char *key,
                 MpInterest *out)
{
  const char *colon = strchr (key, ':');
  g_autofree char *head = colon != NULL ? g_strndup (key, colon - key) : g_strdup (key);

  return mp_interest_from_string (head, out);
}

static const char *
component_label (Brief             *b,
                 const MpComponent *c,
                 gboolean           nl_side,
                 const MpReference *ref,
                 char             **owned)
{
  MpInterest i;
  MpNlComponent k;

  *owned = NULL;
  if (c->key == NULL)
    return c->label;
  if (!nl_side && interest_of_key (c->key, &i))
    {
      const char *colon = strchr (c->key, ':');

      if (colon == NULL)
        return TR (b, interest_text[i].en, interest_text[i].nl);
      /* Regional packages: one component per interest and partner. */
      *owned = g_strdup_printf ("%s (%s)", TR (b, interest_text[i].en, interest_text[i].nl),
                                partner_name (ref, colon + 1));
      return *owned;
    }
  if (nl_side && mp_nl_component_from_string (c->key, &k))
    return TR (b, nl_component_text[k].en, nl_component_text[k].nl);
  if (nl_side && g_str_has_prefix (c->key, "shortage:"))
    {
      *owned = g_strdup_printf ("%s: %s", TR (b, "Shortage relief", "Verlichting van tekorten"),
                                sector_name (ref, c->key + strlen ("shortage:")));
      return *owned;
    }
  return c->label;
}

static const char *
component_unit (Brief             *b,
                const MpComponent *c,
                gboolean           nl_side,
                lxw_format       **format)
{
  MpInterest i;
  MpNlComponent k;

  *format = b->f_dec1;
  if (c->key == NULL)
    return c->unit;
  if (!nl_side && interest_of_key (c->key, &i))
    {
      if (i == MP_INTEREST_REMITTANCES || i == MP_INTEREST_INVESTMENT_TRADE ||
          i == MP_INTEREST_DEVELOPMENT)
        *format = b->f_eur;
      else if (i == MP_INTEREST_PROTECTION)
        *format = b->f_pct;
      return TR (b, interest_unit_text[i].en, interest_unit_text[i].nl);
    }
  if (nl_side && g_str_has_prefix (c->key, "shortage:"))
    k = MP_NL_SHORTAGE;
  else if (!(nl_side && mp_nl_component_from_string (c->key, &k)))
    return c->unit;
  if (k == MP_NL_COST)
    *format = b->f_eur;
  else if (k == MP_NL_SHORTAGE)
    *format = b->f_dec3;
  return TR (b, nl_unit_text[k].en, nl_unit_text[k].nl);
}

static lxw_format *
indicator_format (Brief       *b,
                  MpIndicator  i)
{
  switch (i)
    {
    case MP_IND_POPULATION:
    case MP_IND_WORKING_AGE_2025:
    case MP_IND_WORKING_AGE_2050:
    case MP_IND_REMITTANCES_USD:
    case MP_IND_GDP_PC_USD:
    case MP_IND_GDP_PC_PPP:
      return b->f_int;
    case MP_IND_VDEM_LIBDEM:
    case MP_IND_VDEM_POLYARCHY:
      return b->f_dec3;
    case MP_IND_WORKING_AGE_SHARE:
    case MP_IND_DEPENDENCY_RATIO:
    case MP_IND_OLD_AGE_DEPENDENCY:
    case MP_IND_MEDIAN_AGE:
    case MP_IND_WORKING_AGE_GROWTH:
    case MP_IND_YOUTH_UNEMPLOYMENT:
    case MP_IND_REMITTANCES_PCT_GDP:
    case MP_IND_DOCTORS_PER_10K:
    case MP_IND_NURSES_PER_10K:
    case MP_N_INDICATORS:
    default:
      return b->f_dec1;
    }
}

static lxw_format *
headline_format (Brief      *b,
                 MpHeadline  h,
                 gboolean    big)
{
  switch (h)
    {
    case MP_HEADLINE_REMITTANCES:
    case MP_HEADLINE_COST_PUBLIC:
      return big ? b->f_big_eur : b->f_eur;
    case MP_HEADLINE_FIT:
    case MP_HEADLINE_NL_BENEFIT:
    case MP_HEADLINE_BALANCE:
      return big ? b->f_big_dec1 : b->f_dec1;
    case MP_HEADLINE_ADMISSIONS:
    case MP_HEADLINE_PERSON_YEARS:
    case MP_HEADLINE_NET_MIGRATION:
    case MP_N_HEADLINES:
    default:
      return big ? b->f_big_int : b->f_int;
    }
}

static double
scheme_sum (const MpEvaluation *eval,
            int                 scheme,
            gsize               field_offset)
{
  double sum = 0;

  if (eval->by_scheme == NULL || scheme < 0 || scheme >= eval->n_schemes)
    return NAN;
  for (int t = 0; t < eval->n_years; t++)
    sum += G_STRUCT_MEMBER (double, &eval->by_scheme[(gsize) scheme * eval->n_years + t],
                            field_offset);
  return sum;
}

static const char *
scheme_name (const MpPackage *pkg,
             int              index)
{
  if (index < 0 || pkg->schemes == NULL || (guint) index >= pkg->schemes->len)
    return NULL;
  return ((MpScheme *) g_ptr_array_index (pkg->schemes, index))->name;
}

/* The label of a measure in the brief's language, from the package itself
 * (the evaluation's label is in the language it ran in). */
static char *
measure_label (Brief           *b,
               const MpPackage *pkg,
               const MpMeasure *me)
{
  if (me->scheme >= 0 && pkg->schemes != NULL && (guint) me->scheme < pkg->schemes->len)
    {
      const MpScheme *sc = g_ptr_array_index (pkg->schemes, me->scheme);

      if (sc->kind < MP_N_SCHEME_KINDS)
        return g_strdup_printf ("%s: %s", TR (b, scheme_kind_text[sc->kind].en, scheme_kind_text[sc->kind].nl),
                                sc->name != NULL ? sc->name : "");
    }
  if (me->offer >= 0 && pkg->offers != NULL && (guint) me->offer < pkg->offers->len)
    {
      const MpOffer *o = g_ptr_array_index (pkg->offers, me->offer);

      if (o->kind < MP_N_OFFER_KINDS)
        return g_strdup (TR (b, offer_kind_text[o->kind].en, offer_kind_text[o->kind].nl));
    }
  if (me->ask >= 0 && pkg->asks != NULL && (guint) me->ask < pkg->asks->len)
    {
      const MpAsk *a = g_ptr_array_index (pkg->asks, me->ask);

      if (a->kind < MP_N_ASK_KINDS)
        return g_strdup (TR (b, ask_kind_text[a->kind].en, ask_kind_text[a->kind].nl));
    }
  return g_strdup (me->measure != NULL ? me->measure : "");
}

/* A number as text with thousands separators in the brief's language
 * (1,234.5 or 1.234,5), for cells that combine two numbers. */
static char *
format_grouped (Brief  *b,
                double  value,
                int     digits)
{
  g_autofree char *plain = NULL;
  GString *out = g_string_new (NULL);
  const char *p, *dot;
  gsize int_len;

  if (!isfinite (value))
    return g_strdup ("–");
  plain = g_strdup_printf ("%.*f", digits, fabs (value));
  dot = strchr (plain, '.');
  int_len = dot != NULL ? (gsize) (dot - plain) : strlen (plain);
  if (value < 0 && strspn (plain, "0.") != strlen (plain))
    g_string_append_c (out, '-');
  for (p = plain; (gsize) (p - plain) < int_len; p++)
    {
      gsize left = int_len - (p - plain);

      g_string_append_c (out, *p);
      if (left > 1 && (left - 1) % 3 == 0)
        g_string_append_c (out, b->dutch ? '.' : ',');
    }
  if (dot != NULL)
    {
      g_string_append_c (out, b->dutch ? ',' : '.');
      g_string_append (out, dot + 1);
    }
  return g_string_free (out, FALSE);
}

/* ---- Formats ------------------------------------------------------------ */

static lxw_format *
fmt (Brief      *b,
     const char *num_format,
     gboolean    bold,
     double      size)
{
  lxw_format *f = workbook_add_format (b->wb);

  if (num_format != NULL)
    format_set_num_format (f, num_format);
  if (bold)
    format_set_bold (f);
  if (size > 0)
    format_set_font_size (f, size);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

#define NUM_INT  "#,##0"
#define NUM_DEC1 "#,##0.0"
#define NUM_EUR  "\"€ \"#,##0"

static void
formats_init (Brief *b)
{
  b->f_title = fmt (b, NULL, TRUE, 16);
  b->f_subtitle = fmt (b, NULL, FALSE, 12);
  format_set_font_color (b->f_subtitle, 0x404040);
  b->f_h2 = fmt (b, NULL, TRUE, 12);
  format_set_bottom (b->f_h2, LXW_BORDER_THIN);
  b->f_label = fmt (b, NULL, TRUE, 0);
  b->f_text = fmt (b, NULL, FALSE, 0);
  b->f_wrap = fmt (b, NULL, FALSE, 0);
  format_set_text_wrap (b->f_wrap);
  b->f_note = fmt (b, NULL, FALSE, 9);
  format_set_italic (b->f_note);
  format_set_font_color (b->f_note, 0x505050);
  b->f_head = fmt (b, NULL, TRUE, 0);
  format_set_bg_color (b->f_head, 0xDDE5F0);
  format_set_bottom (b->f_head, LXW_BORDER_THIN);
  format_set_text_wrap (b->f_head);
  b->f_int = fmt (b, NUM_INT, FALSE, 0);
  b->f_dec1 = fmt (b, NUM_DEC1, FALSE, 0);
  b->f_dec2 = fmt (b, "0.00", FALSE, 0);
  b->f_dec3 = fmt (b, "0.000", FALSE, 0);
  b->f_eur = fmt (b, NUM_EUR, FALSE, 0);
  b->f_pct = fmt (b, "0.0%", FALSE, 0);
  b->f_year = fmt (b, "0", FALSE, 0);
  format_set_align (b->f_year, LXW_ALIGN_CENTER);
  b->f_date = fmt (b, "yyyy-mm-dd", FALSE, 0);
  format_set_align (b->f_date, LXW_ALIGN_LEFT);
  b->f_total_label = fmt (b, NULL, TRUE, 0);
  format_set_top (b->f_total_label, LXW_BORDER_THIN);
  b->f_total_int = fmt (b, NUM_INT, TRUE, 0);
  format_set_top (b->f_total_int, LXW_BORDER_THIN);
  b->f_total_dec1 = fmt (b, NUM_DEC1, TRUE, 0);
  format_set_top (b->f_total_dec1, LXW_BORDER_THIN);
  b->f_total_eur = fmt (b, NUM_EUR, TRUE, 0);
  format_set_top (b->f_total_eur, LXW_BORDER_THIN);
  b->f_big_int = fmt (b, NUM_INT, TRUE, 12);
  b->f_big_dec1 = fmt (b, NUM_DEC1, TRUE, 12);
  b->f_big_eur = fmt (b, NUM_EUR, TRUE, 12);
  b->f_block = fmt (b, NULL, TRUE, 0);
  format_set_font_color (b->f_block, 0xA00000);
  b->f_warning = fmt (b, NULL, TRUE, 0);
  format_set_font_color (b->f_warning, 0x9C5700);
  b->f_good = fmt (b, NULL, FALSE, 0);
  format_set_font_color (b->f_good, 0x1E6B30);
  b->f_small = fmt (b, "0.00000", FALSE, 0);
  b->f_center = fmt (b, NULL, FALSE, 0);
  format_set_align (b->f_center, LXW_ALIGN_CENTER);
  b->f_head_num = fmt (b, NULL, TRUE, 0);
  format_set_bg_color (b->f_head_num, 0xDDE5F0);
  format_set_bottom (b->f_head_num, LXW_BORDER_THIN);
  format_set_align (b->f_head_num, LXW_ALIGN_RIGHT);
  b->f_unit = fmt (b, NULL, FALSE, 0);
  format_set_indent (b->f_unit, 1);
  b->f_thead = fmt (b, NULL, TRUE, 0);
  format_set_text_wrap (b->f_thead);
  format_set_align (b->f_thead, LXW_ALIGN_VERTICAL_BOTTOM);
  b->f_para_text = fmt (b, NULL, FALSE, 0);
  format_set_text_wrap (b->f_para_text);
  b->f_para_note = fmt (b, NULL, FALSE, 9);
  format_set_italic (b->f_para_note);
  format_set_font_color (b->f_para_note, 0x505050);
  format_set_text_wrap (b->f_para_note);
  b->f_para_warning = fmt (b, NULL, TRUE, 0);
  format_set_font_color (b->f_para_warning, 0x9C5700);
  format_set_text_wrap (b->f_para_warning);
  b->f_para_block = fmt (b, NULL, TRUE, 0);
  format_set_font_color (b->f_para_block, 0xA00000);
  format_set_text_wrap (b->f_para_block);
  b->f_para_good = fmt (b, NULL, FALSE, 0);
  format_set_font_color (b->f_para_good, 0x1E6B30);
  format_set_text_wrap (b->f_para_good);
}

static lxw_format *
total_format (Brief      *b,
              lxw_format *f)
{
  if (f == b->f_eur)
    return b->f_total_eur;
  if (f == b->f_dec1)
    return b->f_total_dec1;
  return b->f_total_int;
}

static lxw_format *
severity_format (Brief      *b,
                 MpSeverity  s)
{
  return s == MP_SEVERITY_BLOCK ? b->f_block : s == MP_SEVERITY_WARNING ? b->f_warning : b->f_text;
}

/* ---- The sheets of one brief -------------------------------------------- */

typedef struct
{
  Sheet *cover;
  Sheet *offer;
  Sheet *projection;
  Sheet *scores;
  Sheet *safeguards;
  Sheet *uncertainty;
  Sheet *partner;
  Sheet *assumptions;
} BriefSheets;

/* A table of rows under a header; returns the next free row. */
typedef struct
{
  const char *header;
  lxw_format *format;
  gboolean    total;     /* SUM in the total row */
  double      cap;       /* column width cap, 0 = default */
} Column;

static lxw_row_t
write_offer_schemes (Brief           *b,
                     Sheet           *s,
                     lxw_row_t        row,
                     const MpPackage *pkg,
                     const MpEvaluation *eval,
                     const MpReference *ref)
{
  const Column cols[] = {
    { TR (b, "Scheme", "Regeling"), b->f_wrap, FALSE, 26 },
    { TR (b, "Kind", "Soort"), b->f_wrap, FALSE, 16 },
    { TR (b, "Partner", "Partner"), b->f_wrap, FALSE, 14 },
    { TR (b, "Sector", "Sector"), b->f_wrap, FALSE, 18 },
    { TR (b, "Quota a year", "Quotum per jaar"), b->f_int, TRUE, 0 },
    { TR (b, "First intake", "Eerste instroom"), b->f_year, FALSE, 0 },
    { TR (b, "Intake years", "Instroomjaren"), b->f_int, FALSE, 0 },
    { TR (b, "Months a stay", "Maanden per verblijf"), b->f_int, FALSE, 0 },
    { TR (b, "Stays", "Verblijven"), b->f_int, FALSE, 0 },
    { TR (b, "Mandatory return", "Verplichte terugkeer"), b->f_text, FALSE, 0 },
    { TR (b, "Training months", "Opleidingsmaanden"), b->f_dec1, FALSE, 0 },
    { TR (b, "Home-track ratio", "Thuistrajectratio"), b->f_dec2, FALSE, 0 },
    { TR (b, "Cost a participant (€)", "Kosten per deelnemer (€)"), b->f_eur, FALSE, 0 },
    { TR (b, "Employer share", "Aandeel werkgever"), b->f_pct, FALSE, 0 },
    { TR (b, "Recruitment fees (€)", "Wervingskosten (€)"), b->f_eur, FALSE, 0 },
    { TR (b, "Support", "Ondersteuning"), b->f_wrap, FALSE, 20 },
    { TR (b, "Person-years", "Persoonsjaren"), b->f_int, TRUE, 0 },
    { TR (b, "Remittances (€)", "Geldovermakingen (€)"), b->f_eur, TRUE, 0 },
  };
  const guint n = G_N_ELEMENTS (cols);
  const char *headers[G_N_ELEMENTS (cols)];
  lxw_row_t header = row;
  guint n_schemes = pkg->schemes != NULL ? pkg->schemes->len : 0;

  put_span (b, s, row++, 0, TR (b, "Schemes", "Regelingen"), b->f_h2);
  header = row;
  for (guint i = 0; i < n; i++)
    {
      headers[i] = cols[i].header;
      if (cols[i].cap > 0)
        sheet_cap (s, i, cols[i].cap);
    }

  if (n_schemes == 0)
    {
      put_para (b, s, row++, 0, LAST_COL, TR (b, "No labour-mobility schemes in this package.",
                                    "Geen arbeidsmobiliteitsregelingen in dit pakket."), b->f_note);
      return row + 1;
    }

  for (guint i = 0; i < n_schemes; i++)
    {
      const MpScheme *sc = g_ptr_array_index (pkg->schemes, i);
      lxw_row_t r = header + 1 + i;
      GString *support = g_string_new (NULL);
      lxw_col_t c = 0;

      if (sc->language_support)
        g_string_append_printf (support, "%s%s", support->len ? "; " : "", TR (b, "language", "taal"));
      if (sc->complaints_channel)
        g_string_append_printf (support, "%s%s", support->len ? "; " : "", TR (b, "complaints channel", "klachtenkanaal"));
      if (sc->reintegration_support)
        g_string_append_printf (support, "%s%s", support->len ? "; " : "", TR (b, "reintegration", "herintegratie"));
      if (sc->g2g_health_support)
        g_string_append_printf (support, "%s%s", support->len ? "; " : "", TR (b, "G2G health-system support", "G2G-steun aan het zorgstelsel"));
      if (sc->return_incentives)
        g_string_append_printf (support, "%s%s", support->len ? "; " : "", TR (b, "return incentives", "terugkeerprikkels"));

      put_text (b, s, r, c++, sc->name, b->f_wrap);
      put_text (b, s, r, c++, sc->kind < MP_N_SCHEME_KINDS ? TR (b, scheme_kind_text[sc->kind].en, scheme_kind_text[sc->kind].nl) : NULL, b->f_wrap);
      put_text (b, s, r, c++, partner_name (ref, sc->partner), b->f_wrap);
      put_text (b, s, r, c++, sector_name (ref, sc->sector), b->f_wrap);
      put_num (b, s, r, c++, sc->quota, b->f_int);
      put_num (b, s, r, c++, sc->first_year, b->f_year);
      put_num (b, s, r, c++, sc->intake_years, b->f_int);
      put_num (b, s, r, c++, sc->months, b->f_int);
      put_num (b, s, r, c++, sc->stays, b->f_int);
      put_text (b, s, r, c++, yes_no (b, sc->mandatory_return), b->f_center);
      put_num (b, s, r, c++, sc->training_months, b->f_dec1);
      put_num (b, s, r, c++, sc->home_track_ratio, b->f_dec2);
      put_num (b, s, r, c++, sc->cost_per_participant, b->f_eur);
      put_num (b, s, r, c++, sc->employer_share, b->f_pct);
      put_num (b, s, r, c++, sc->recruitment_fees, b->f_eur);
      put_text (b, s, r, c++, support->str, b->f_wrap);
      put_num (b, s, r, c++, scheme_sum (eval, i, G_STRUCT_OFFSET (MpYear, person_years)), b->f_int);
      put_num (b, s, r, c++, scheme_sum (eval, i, G_STRUCT_OFFSET (MpYear, remittances)), b->f_eur);
      g_string_free (support, TRUE);
    }

  /* Fill the header row before the table: it takes the header names. */
  add_table (b, s, header, 0, header + n_schemes, headers, n);

  row = header + n_schemes + 1;
  put_text (b, s, row, 0, TR (b, "Total", "Totaal"), b->f_total_label);
  for (guint i = 1; i < n; i++)
    {
      if (cols[i].total)
        {
          g_autofree char *range = range_ref (header + 1, i, header + n_schemes, i);
          g_autofree char *formula = g_strdup_printf ("=SUM(%s)", range);
          double sum = 0;

          for (guint k = 0; k < n_schemes; k++)
            {
              const MpScheme *sc = g_ptr_array_index (pkg->schemes, k);

              if (i == 4)
                sum += sc->quota;
              else if (i == n - 2)
                sum += scheme_sum (eval, k, G_STRUCT_OFFSET (MpYear, person_years));
              else
                sum += scheme_sum (eval, k, G_STRUCT_OFFSET (MpYear, remittances));
            }
          put_formula (b, s, row, i, formula, sum, total_format (b, cols[i].format));
        }
      else
        record (b, worksheet_write_blank (s->ws, row, i, b->f_total_label));
    }
  return row + 2;
}

/* The offers, asks and tranches tables share the columns of the schemes
 * table above them: text goes where the schemes table has wide text columns
 * (0-3), numbers where it has number columns (4-). */
static lxw_row_t
write_offer_offers (Brief             *b,
                    Sheet             *s,
                    lxw_row_t          row,
                    const MpPackage   *pkg,
                    const MpReference *ref)
{
  const char *headers[] = {
    TR (b, "Other offer", "Ander aanbod"), TR (b, "Sector", "Sector"), TR (b, "Partner", "Partner"),
    TR (b, "Note", "Toelichting"), TR (b, "Amount", "Omvang"), TR (b, "Unit", "Eenheid"),
    TR (b, "Jobs created", "Banen gecreëerd"),
  };
  guint n = pkg->offers != NULL ? pkg->offers->len : 0;
  lxw_row_t header;

  put_span (b, s, row++, 0, TR (b, "Other offers", "Ander aanbod"), b->f_h2);
  if (n == 0)
    {
      put_para (b, s, row++, 0, LAST_COL, TR (b, "No other offers in this package.",
                                              "Geen ander aanbod in dit pakket."), b->f_note);
      return row + 1;
    }
  header = row;
  for (guint i = 0; i < n; i++)
    {
      const MpOffer *o = g_ptr_array_index (pkg->offers, i);
      lxw_row_t r = header + 1 + i;
      gboolean euro = o->kind == MP_OFFER_INVESTMENT || o->kind == MP_OFFER_TRADE ||
                      o->kind == MP_OFFER_CAPACITY_BUILDING;

      put_text (b, s, r, 0, o->kind < MP_N_OFFER_KINDS ? TR (b, offer_kind_text[o->kind].en, offer_kind_text[o->kind].nl) : NULL, b->f_wrap);
      put_text (b, s, r, 1, o->sector != NULL ? sector_name (ref, o->sector) : NULL, b->f_wrap);
      put_text (b, s, r, 2, partner_name (ref, o->partner), b->f_wrap);
      put_text (b, s, r, 3, o->note, b->f_wrap);
      put_num (b, s, r, 4, o->amount, euro ? b->f_eur : b->f_int);
      put_text (b, s, r, 5, o->kind < MP_N_OFFER_KINDS ? TR (b, offer_unit_text[o->kind].en, offer_unit_text[o->kind].nl) : NULL, b->f_wrap);
      if (o->kind == MP_OFFER_TRADE)
        put_num (b, s, r, 6, o->jobs, b->f_int);
    }
  add_table (b, s, header, 0, header + n, headers, G_N_ELEMENTS (headers));
  return header + n + 2;
}

static lxw_row_t
write_offer_asks (Brief             *b,
                  Sheet             *s,
                  lxw_row_t          row,
                  const MpPackage   *pkg,
                  const MpReference *ref)
{
  const char *headers[] = {
    TR (b, "Ask", "Vraag"), TR (b, "Measure risk", "Risico maatregel"), TR (b, "Partner", "Partner"),
    TR (b, "Note", "Toelichting"),
    TR (b, "Extra returns a year (low)", "Extra terugkeer per jaar (laag)"),
    TR (b, "Extra returns a year (mode)", "Extra terugkeer per jaar (modus)"),
    TR (b, "Extra returns a year (high)", "Extra terugkeer per jaar (hoog)"),
    TR (b, "Agreed level (0–3)", "Afgesproken niveau (0–3)"),
  };
  guint n = pkg->asks != NULL ? pkg->asks->len : 0;
  gboolean any_campaign = FALSE, any_return = FALSE;
  lxw_row_t header;

  put_span (b, s, row++, 0, TR (b, "What the Netherlands asks", "Wat Nederland vraagt"), b->f_h2);
  if (n == 0)
    {
      put_para (b, s, row++, 0, LAST_COL, TR (b, "No asks in this package.", "Geen vragen in dit pakket."), b->f_note);
      return row + 1;
    }
  header = row;
  for (guint i = 0; i < n; i++)
    {
      const MpAsk *a = g_ptr_array_index (pkg->asks, i);
      lxw_row_t r = header + 1 + i;
      gboolean never = FALSE;
      MpRisk risk = a->kind < MP_N_ASK_KINDS ? mp_ask_measure_risk (a->kind, &never) : MP_RISK_HIGH;
      gboolean is_return = a->kind == MP_ASK_RETURN_READMISSION || a->kind == MP_ASK_VOLUNTARY_RETURN;

      put_text (b, s, r, 0, a->kind < MP_N_ASK_KINDS ? TR (b, ask_kind_text[a->kind].en, ask_kind_text[a->kind].nl) : NULL, b->f_wrap);
      put_text (b, s, r, 1, never ? TR (b, "Never allowed", "Nooit toegestaan") : TR (b, risk_text[risk].en, risk_text[risk].nl),
                never ? b->f_block : b->f_text);
      put_text (b, s, r, 2, partner_name (ref, a->partner), b->f_wrap);
      put_text (b, s, r, 3, a->note, b->f_wrap);
      if (is_return || a->returns_mode > 0)
        {
          put_num (b, s, r, 4, a->returns_low, b->f_int);
          put_num (b, s, r, 5, a->returns_mode, b->f_int);
          put_num (b, s, r, 6, a->returns_high, b->f_int);
          any_return = TRUE;
        }
      else
        put_num (b, s, r, 7, a->level, b->f_int);
      if (a->kind == MP_ASK_INFORMATION_CAMPAIGNS)
        any_campaign = TRUE;
    }
  add_table (b, s, header, 0, header + n, headers, G_N_ELEMENTS (headers));
  row = header + n + 1;

  if (any_return)
    {
      g_autofree char *evidence = g_strdup_printf (
          TR (b, "Evidence: the only measured effect of a Dutch partnership is about +%.0f forced returns a year (Morocco) [EV].",
                 "Bewijs: het enige gemeten effect van een Nederlands partnerschap is ongeveer +%.0f gedwongen vertrekken per jaar (Marokko) [EV]."),
          mp_package_assumption_value (pkg, MP_ASSUMPTION_EVIDENCE_RETURNS));
      put_para (b, s, row++, 0, LAST_COL, evidence, b->f_note);
    }
  if (any_campaign)
    put_para (b, s, row++, 0, LAST_COL,
              TR (b, "Information campaigns: no measurable effect on migration intentions (3ie review of 112 studies); the evaluation recommends stopping them [EV §3.3].",
                     "Voorlichtingscampagnes: geen meetbaar effect op migratie-intenties (3ie-review van 112 studies); de evaluatie beveelt aan ermee te stoppen [EV §3.3]."),
              b->f_note);
  return row + 1;
}

static lxw_row_t
write_offer_tranches (Brief           *b,
                      Sheet           *s,
                      lxw_row_t        row,
                      const MpPackage *pkg)
{
  const char *headers[] = {
    TR (b, "Conditional tranche", "Voorwaardelijke tranche"),
    TR (b, "Released when delivered", "Vrijgegeven bij levering van"),
    TR (b, "Release year", "Jaar van vrijgave"),
    TR (b, "Scheme", "Regeling"),
    TR (b, "Extra quota a year", "Extra quotum per jaar"),
  };
  guint n = pkg->tranches != NULL ? pkg->tranches->len : 0;
  lxw_row_t header;
  g_autofree char *note = NULL;

  if (n == 0)
    return row;
  put_span (b, s, row++, 0, TR (b, "More for more: conditional tranches", "Meer voor meer: voorwaardelijke tranches"), b->f_h2);
  header = row;
  for (guint i = 0; i < n; i++)
    {
      const MpTranche *t = g_ptr_array_index (pkg->tranches, i);
      lxw_row_t r = header + 1 + i;

      put_text (b, s, r, 0, t->label, b->f_wrap);
      put_text (b, s, r, 1, t->condition < MP_N_ASK_KINDS ? TR (b, ask_kind_text[t->condition].en, ask_kind_text[t->condition].nl) : NULL, b->f_wrap);
      put_num (b, s, r, 2, t->release_year, b->f_year);
      put_text (b, s, r, 3, t->scheme, b->f_wrap);
      put_num (b, s, r, 4, t->extra_quota, b->f_int);
    }
  add_table (b, s, header, 0, header + n, headers, G_N_ELEMENTS (headers));
  row = header + n + 1;
  note = g_strdup_printf (TR (b, "The projection counts each tranche weighted by the chance that the condition is met (%.0f %%).",
                                 "De projectie telt elke tranche gewogen naar de kans dat aan de voorwaarde wordt voldaan (%.0f %%)."),
                          100 * mp_package_assumption_value (pkg, MP_ASSUMPTION_P_CONDITION_MET));
  put_para (b, s, row++, 0, LAST_COL, note, b->f_note);
  return row + 1;
}

static void
write_offer (Brief              *b,
             Sheet              *s,
             const MpPackage    *pkg,
             const MpEvaluation *eval,
             const MpReference  *ref)
{
  lxw_row_t row = 0;

  /* The schemes table sets the columns; the notes of the offers and asks
   * tables below wrap inside them. */
  put_span (b, s, row++, 0, TR (b, "The offer and the asks", "Het aanbod en de vragen"), b->f_title);
  put_span (b, s, row++, 0, pkg->name, b->f_subtitle);
  row++;
  row = write_offer_schemes (b, s, row, pkg, eval, ref);
  row = write_offer_offers (b, s, row, pkg, ref);
  row = write_offer_asks (b, s, row, pkg, ref);
  row = write_offer_tranches (b, s, row, pkg);

  if (pkg->schemes != NULL && pkg->schemes->len > 0)
    {
      record (b, worksheet_repeat_rows (s->ws, 4, 4));
      worksheet_freeze_panes (s->ws, 5, 1);
    }
  sheet_finish (b, s, 0);
}

/* Projection: one row a year, person-years by sector, the other flows. */
typedef struct
{
  const Text  title;
  gsize       offset;
  gboolean    sum;       /* total = SUM over the years; else the last year */
  gboolean    euro;
} Flow;

static void
write_projection (Brief              *b,
                  Sheet              *s,
                  const MpPackage    *pkg,
                  const MpEvaluation *eval,
                  const MpReference  *ref)
{
  static const Flow flows[] = {
    { { "Admissions", "Toelatingen" }, G_STRUCT_OFFSET (MpYear, admissions), TRUE, FALSE },
    { { "Headcount present", "Aanwezig (personen)" }, G_STRUCT_OFFSET (MpYear, headcount), FALSE, FALSE },
    { { "Settled", "Gevestigd" }, G_STRUCT_OFFSET (MpYear, settled), TRUE, FALSE },
    { { "Overstayed", "Onrechtmatig gebleven" }, G_STRUCT_OFFSET (MpYear, overstayed), TRUE, FALSE },
    { { "Returned home", "Teruggekeerd" }, G_STRUCT_OFFSET (MpYear, returned), TRUE, FALSE },
    { { "Seasonal returns", "Seizoensterugkeer" }, G_STRUCT_OFFSET (MpYear, seasonal_returns), TRUE, FALSE },
    { { "Net migration (cumulative)", "Netto migratie (cumulatief)" }, G_STRUCT_OFFSET (MpYear, net_migration), FALSE, FALSE },
    { { "Remittances (€)", "Geldovermakingen (€)" }, G_STRUCT_OFFSET (MpYear, remittances), TRUE, TRUE },
    { { "Trainees (away)", "Getrainden (hier)" }, G_STRUCT_OFFSET (MpYear, trainees_away), TRUE, FALSE },
    { { "Trainees (home track)", "Getrainden (thuistraject)" }, G_STRUCT_OFFSET (MpYear, trainees_home), TRUE, FALSE },
    { { "Skilled returnees", "Geschoolde terugkeerders" }, G_STRUCT_OFFSET (MpYear, skilled_returnees), TRUE, FALSE },
    { { "Public cost (€)", "Publieke kosten (€)" }, G_STRUCT_OFFSET (MpYear, cost_public), TRUE, TRUE },
    { { "Employer cost (€)", "Kosten werkgevers (€)" }, G_STRUCT_OFFSET (MpYear, cost_employer), TRUE, TRUE },
  };
  const int ny = eval->n_years;
  const int nsec = eval->n_sectors;
  const lxw_row_t header = 4;
  const lxw_col_t col_total = 1 + nsec;
  const lxw_col_t col_flows = col_total + 1;
  const guint n_cols = col_flows + G_N_ELEMENTS (flows);
  g_autofree const char **headers = g_new0 (const char *, n_cols);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  lxw_row_t total_row = header + ny + 1;
  lxw_row_t row;
  g_autofree char *subtitle = NULL;
  int n_series = 0;

  put_span (b, s, 0, 0, TR (b, "Projection by year and sector", "Projectie per jaar en sector"), b->f_title);
  subtitle = g_strdup_printf (TR (b, "%s — person-years by sector (full-time-equivalent presence in the Netherlands) and the other flows",
                                     "%s — persoonsjaren per sector (voltijdequivalente aanwezigheid in Nederland) en de andere stromen"),
                              pkg->name != NULL ? pkg->name : "");
  put_span (b, s, 1, 0, subtitle, b->f_subtitle);

  headers[0] = TR (b, "Year", "Jaar");
  for (int k = 0; k < nsec; k++)
    {
      char *h = g_strdup_printf ("%s: %s", TR (b, "Person-years", "Persoonsjaren"),
                                 sector_name (ref, eval->sector_codes[k]));
      g_ptr_array_add (owned, h);
      headers[1 + k] = h;
    }
  headers[col_total] = TR (b, "Person-years, total", "Persoonsjaren, totaal");
  for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
    headers[col_flows + f] = TR (b, flows[f].title.en, flows[f].title.nl);

  if (ny <= 0)
    {
      put_para (b, s, header, 0, LAST_COL, TR (b, "The projection has no years.", "De projectie heeft geen jaren."), b->f_note);
      sheet_finish (b, s, 0);
      return;
    }

  for (int t = 0; t < ny; t++)
    {
      lxw_row_t r = header + 1 + t;
      g_autofree char *range = range_ref (r, 1, r, MAX (nsec, 1));
      g_autofree char *formula = g_strdup_printf ("=SUM(%s)", range);
      double sum = 0;

      put_num (b, s, r, 0, eval->start_year + t, b->f_year);
      for (int k = 0; k < nsec; k++)
        {
          double v = eval->by_sector[(gsize) k * ny + t].person_years;
          put_num (b, s, r, 1 + k, v, b->f_int);
          sum += isfinite (v) ? v : 0;
        }
      if (nsec > 0)
        put_formula (b, s, r, col_total, formula, sum, b->f_int);
      else
        put_num (b, s, r, col_total, eval->total[t].person_years, b->f_int);
      for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
        put_num (b, s, r, col_flows + f,
                 G_STRUCT_MEMBER (double, &eval->total[t], flows[f].offset),
                 flows[f].euro ? b->f_eur : b->f_int);
    }
  for (guint i = 0; i < n_cols; i++)
    {
      sheet_cap (s, i, 18);
    }
  add_table (b, s, header, 0, header + ny, headers, n_cols);

  /* Totals over the horizon. */
  put_text (b, s, total_row, 0, TR (b, "Total", "Totaal"), b->f_total_label);
  for (lxw_col_t c = 1; c < n_cols; c++)
    {
      gboolean euro = c >= col_flows && flows[c - col_flows].euro;
      lxw_format *tf = euro ? b->f_total_eur : b->f_total_int;
      double cached = 0;
      g_autofree char *formula = NULL;

      if (c >= col_flows && !flows[c - col_flows].sum)
        {
          g_autofree char *last = cell_name (header + ny, c);

          if (flows[c - col_flows].offset != G_STRUCT_OFFSET (MpYear, net_migration))
            {
              record (b, worksheet_write_blank (s->ws, total_row, c, b->f_total_label));
              continue;
            }
          /* Net migration is cumulative: its total is the last year's value. */
          formula = g_strdup_printf ("=%s", last);
          cached = G_STRUCT_MEMBER (double, &eval->total[ny - 1], flows[c - col_flows].offset);
        }
      else
        {
          g_autofree char *range = range_ref (header + 1, c, header + ny, c);

          formula = g_strdup_printf ("=SUM(%s)", range);
          for (int t = 0; t < ny; t++)
            {
              double v;

              if (c < col_total)
                v = eval->by_sector[(gsize) (c - 1) * ny + t].person_years;
              else if (c == col_total)
                {
                  v = 0;
                  for (int k = 0; k < nsec; k++)
                    v += eval->by_sector[(gsize) k * ny + t].person_years;
                  if (nsec == 0)
                    v = eval->total[t].person_years;
                }
              else
                v = G_STRUCT_MEMBER (double, &eval->total[t], flows[c - col_flows].offset);
              cached += isfinite (v) ? v : 0;
            }
        }
      put_formula (b, s, total_row, c, formula, cached, tf);
      if (c == col_total)
        {
          b->ref_py_total = sheet_ref (s, total_row, c);
          b->py_total = cached;
        }
      else if (c >= col_flows && flows[c - col_flows].offset == G_STRUCT_OFFSET (MpYear, cost_public))
        {
          b->ref_cost_total = sheet_ref (s, total_row, c);
          b->cost_total = cached;
        }
    }

  row = total_row + 2;

  /* Person-years by partner, for regional packages. */
  if (eval->n_partners > 1 && eval->by_partner != NULL)
    {
      g_autofree const char **ph = g_new0 (const char *, eval->n_partners + 1);
      lxw_row_t pheader;

      put_span (b, s, row++, 0, TR (b, "Person-years by partner", "Persoonsjaren per partner"), b->f_h2);
      pheader = row;
      ph[0] = TR (b, "Year", "Jaar");
      for (int p = 0; p < eval->n_partners; p++)
        ph[1 + p] = partner_name (ref, eval->partner_codes[p]);
      for (int t = 0; t < ny; t++)
        {
          put_num (b, s, pheader + 1 + t, 0, eval->start_year + t, b->f_year);
          for (int p = 0; p < eval->n_partners; p++)
            put_num (b, s, pheader + 1 + t, 1 + p,
                     eval->by_partner[(gsize) p * ny + t].person_years, b->f_int);
        }
      add_table (b, s, pheader, 0, pheader + ny, ph, eval->n_partners + 1);
      row = pheader + ny + 2;
    }

  /* Charts under the tables: stacked person-years by sector, remittances. */
  {
    lxw_chart *columns = workbook_add_chart (b->wb, LXW_CHART_COLUMN_STACKED);
    lxw_chart *line = workbook_add_chart (b->wb, LXW_CHART_LINE);
    lxw_chart_options place = { .x_offset = 5, .y_offset = 5, .x_scale = 1.45, .y_scale = 1.1,
                                .object_position = LXW_OBJECT_MOVE_DONT_SIZE };
    lxw_chart_series *series;

    if (columns == NULL || line == NULL)
      {
        record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
      }

    for (int k = 0; k < MAX (nsec, 1); k++)
      {
        lxw_col_t c = nsec > 0 ? 1 + k : col_total;
        double any = 0;

        for (int t = 0; t < ny; t++)
          any += nsec > 0 ? fabs (eval->by_sector[(gsize) k * ny + t].person_years) : 1;
        if (any == 0 && !(k == nsec - 1 && n_series == 0))
          continue;
        series = chart_add_series (columns, NULL, NULL);
        chart_series_set_categories (series, s->name, header + 1, 0, header + ny, 0);
        chart_series_set_values (series, s->name, header + 1, c, header + ny, c);
        chart_series_set_name_range (series, s->name, header, c);
        n_series++;
      }
    chart_title_set_name (columns, TR (b, "Person-years by sector", "Persoonsjaren per sector"));
    chart_axis_set_name (chart_axis_get (columns, LXW_CHART_AXIS_TYPE_Y),
                         TR (b, "person-years", "persoonsjaren"));
    chart_axis_set_num_format (chart_axis_get (columns, LXW_CHART_AXIS_TYPE_Y), NUM_INT);
    chart_legend_set_position (columns, LXW_CHART_LEGEND_BOTTOM);
    chart_set_style (columns, 10);

    series = chart_add_series (line, NULL, NULL);
    chart_series_set_categories (series, s->name, header + 1, 0, header + ny, 0);
    chart_series_set_values (series, s->name, header + 1, col_flows + 7, header + ny, col_flows + 7);
    chart_series_set_name_range (series, s->name, header, col_flows + 7);
    chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
    chart_title_set_name (line, TR (b, "Remittances a year (€)", "Geldovermakingen per jaar (€)"));
    chart_axis_set_num_format (chart_axis_get (line, LXW_CHART_AXIS_TYPE_Y), NUM_EUR);
    chart_legend_set_position (line, LXW_CHART_LEGEND_NONE);

    /* Side by side when the table is wide enough, else one under the other.
     * A column of width w is about 7 w + 5 pixels wide. */
    {
      const double chart_px = 480 * place.x_scale + 20;
      double px = 0, total_px = 0;
      lxw_col_t c2 = 0;

      for (lxw_col_t c = 0; c <= s->last_col && c < MAX_COLS; c++)
        total_px += 7 * CLAMP (s->width[c] + 1, 6, s->cap[c] > 0 ? s->cap[c] : 50) + 5;
      while (c2 <= s->last_col && c2 < MAX_COLS && px < chart_px)
        px += 7 * CLAMP (s->width[c2] + 1, 6, s->cap[c2] > 0 ? s->cap[c2] : 50) + 5, c2++;

      insert_chart (b, s, row, 0, columns, &place);
      if (total_px >= 2 * chart_px && c2 <= s->last_col)
        {
          insert_chart (b, s, row, c2, line, &place);
        }
      else
        {
          insert_chart (b, s, row + 19, 0, line, &place);
        }
    }
  }

  record (b, worksheet_repeat_rows (s->ws, header, header));
  worksheet_freeze_panes (s->ws, header + 1, 1);
  sheet_finish (b, s, 0);
}

static lxw_row_t
write_components (Brief             *b,
                  Sheet             *s,
                  lxw_row_t          row,
                  GArray            *components,
                  gboolean           nl_side,
                  const MpReference *ref,
                  double             headline,
                  char             **ref_out,
                  double            *value_out)
{
  const char *headers[] = {
    nl_side ? TR (b, "Component", "Onderdeel") : TR (b, "Interest", "Belang"),
    TR (b, "Weight (0–5)", "Gewicht (0–5)"),
    TR (b, "Delivered", "Geleverd"),
    TR (b, "Unit", "Eenheid"),
    TR (b, "Reference scale", "Referentieschaal"),
    TR (b, "Satisfaction", "Tevredenheid"),
    TR (b, "Weight × satisfaction", "Gewicht × tevredenheid"),
  };
  guint n = components != NULL ? components->len : 0;
  lxw_row_t header = row;
  double sum_w = 0, sum_ws = 0, value;
  lxw_row_t result_row;
  g_autofree char *wr = NULL;
  g_autofree char *sr = NULL;
  g_autofree char *formula = NULL;

  if (n == 0)
    {
      put_para (b, s, row++, 0, LAST_COL, TR (b, "No components.", "Geen onderdelen."), b->f_note);
      *value_out = headline;
      *ref_out = NULL;
      return row + 1;
    }

  for (guint i = 0; i < n; i++)
    {
      const MpComponent *c = &g_array_index (components, MpComponent, i);
      lxw_row_t r = header + 1 + i;
      g_autofree char *owned = NULL;
      g_autofree char *prod = NULL;
      g_autofree char *wc = cell_name (r, 1);
      g_autofree char *sc = cell_name (r, 5);
      lxw_format *vf;
      const char *unit = component_unit (b, c, nl_side, &vf);

      put_text (b, s, r, 0, component_label (b, c, nl_side, ref, &owned), b->f_text);
      put_num (b, s, r, 1, c->weight, b->f_dec1);
      put_num (b, s, r, 2, c->delivered, vf);
      put_text (b, s, r, 3, unit, b->f_unit);
      if (isfinite (c->scale))
        put_num (b, s, r, 4, c->scale, vf);
      else
        put_text (b, s, r, 4, TR (b, "direct", "direct"), b->f_text);
      put_num (b, s, r, 5, c->satisfaction, b->f_pct);
      prod = g_strdup_printf ("=%s*%s", wc, sc);
      put_formula (b, s, r, 6, prod, c->weight * c->satisfaction, b->f_dec2);
      if (isfinite (c->weight) && isfinite (c->satisfaction))
        {
          sum_w += c->weight;
          sum_ws += c->weight * c->satisfaction;
        }
    }
  add_table (b, s, header, 0, header + n, headers, G_N_ELEMENTS (headers));

  result_row = header + n + 1;
  wr = range_ref (header + 1, 1, header + n, 1);
  sr = range_ref (header + 1, 6, header + n, 6);
  formula = g_strdup_printf ("=IF(SUM(%s)=0,0,100*SUM(%s)/SUM(%s))", wr, sr, wr);
  value = sum_w > 0 ? 100 * sum_ws / sum_w : 0;
  put_text (b, s, result_row, 0,
            nl_side ? TR (b, "Netherlands benefit (0–100)", "Nederlands belang (0–100)")
                    : TR (b, "Partner-interest fit (0–100)", "Aansluiting bij partnerbelangen (0–100)"),
            b->f_total_label);
  for (lxw_col_t c = 1; c < 6; c++)
    record (b, worksheet_write_blank (s->ws, result_row, c, b->f_total_label));
  put_formula (b, s, result_row, 6, formula, value, b->f_total_dec1);
  *ref_out = sheet_ref (s, result_row, 6);
  *value_out = value;
  return result_row + 2;
}

static void
write_scores (Brief              *b,
              Sheet              *s,
              const MpPackage    *pkg,
              const MpEvaluation *eval,
              const MpReference  *ref)
{
  lxw_row_t row = 0;
  g_autofree char *formula = NULL;
  g_autofree char *fit_local = NULL;
  g_autofree char *nl_local = NULL;

  put_span (b, s, row++, 0, TR (b, "Scores and their components", "Scores en hun onderdelen"), b->f_title);
  put_para (b, s, row++, 0, LAST_COL,
            TR (b, "Satisfaction s = 1 − exp(−delivered / scale); score = 100 · Σ weight · s / Σ weight (DOMAIN §4.1, §4.2). Edit a weight and the score follows.",
                   "Tevredenheid s = 1 − exp(−geleverd / schaal); score = 100 · Σ gewicht · s / Σ gewicht (DOMAIN §4.1, §4.2). Wijzig een gewicht en de score volgt."),
            b->f_note);
  row++;

  put_span (b, s, row++, 0, TR (b, "Partner-interest fit", "Aansluiting bij partnerbelangen"), b->f_h2);
  row = write_components (b, s, row, eval->fit_components, FALSE, ref,
                          eval->headline[MP_HEADLINE_FIT], &b->ref_fit, &b->fit);

  put_span (b, s, row++, 0, TR (b, "Netherlands benefit", "Nederlands belang"), b->f_h2);
  row = write_components (b, s, row, eval->nl_components, TRUE, ref,
                          eval->headline[MP_HEADLINE_NL_BENEFIT], &b->ref_nl, &b->nl);

  if (pkg->asks != NULL)
    {
      for (guint i = 0; i < pkg->asks->len; i++)
        {
          const MpAsk *a = g_ptr_array_index (pkg->asks, i);

          if (a->returns_mode > 0)
            {
              g_autofree char *evidence = g_strdup_printf (
                  TR (b, "Return cooperation rests on the asks’ expected extra returns. The only measured effect of a Dutch partnership was about +%.0f forced returns a year (Morocco) [EV].",
                         "Terugkeersamenwerking rust op de verwachte extra terugkeer uit de vragen. Het enige gemeten effect van een Nederlands partnerschap was ongeveer +%.0f gedwongen vertrekken per jaar (Marokko) [EV]."),
                  mp_package_assumption_value (pkg, MP_ASSUMPTION_EVIDENCE_RETURNS));
              put_para (b, s, row++, 0, LAST_COL, evidence, b->f_note);
              row++;
              break;
            }
        }
    }

  put_span (b, s, row++, 0, TR (b, "Balance", "Balans"), b->f_h2);
  fit_local = b->ref_fit != NULL ? g_strdup (strchr (b->ref_fit, '!') + 1) : NULL;
  nl_local = b->ref_nl != NULL ? g_strdup (strchr (b->ref_nl, '!') + 1) : NULL;
  put_text (b, s, row, 0, TR (b, "Balance (fit − NL benefit)", "Balans (aansluiting − NL-belang)"), b->f_label);
  if (fit_local != NULL && nl_local != NULL)
    {
      formula = g_strdup_printf ("=%s-%s", fit_local, nl_local);
      put_formula (b, s, row, 6, formula, b->fit - b->nl, b->f_big_dec1);
    }
  else
    put_num (b, s, row, 6, eval->headline[MP_HEADLINE_BALANCE], b->f_big_dec1);
  row++;
  put_para (b, s, row++, 0, LAST_COL,
            TR (b, "Strongly negative: the Netherlands is the asking party (“vragende partij”), the evaluation’s diagnosis of why partnerships stall [EV §3.1].",
                   "Sterk negatief: Nederland is de vragende partij, volgens de evaluatie de reden dat partnerschappen vastlopen [EV §3.1]."),
            b->f_note);

  sheet_cap (s, 0, 40);
  sheet_cap (s, 3, 28);
  record (b, worksheet_repeat_rows (s->ws, 0, 1));
  sheet_finish (b, s, 0);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const MpFinding *fa = *(MpFinding * const *) a;
  const MpFinding *fb = *(MpFinding * const *) b;

  return (int) fb->severity - (int) fa->severity;
}

static GPtrArray *
sorted_findings (const MpEvaluation *eval)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; eval->findings != NULL && i < eval->findings->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (eval->findings, i));
  /* g_ptr_array_sort is a merge sort in GLib 2.74: stable, order kept within a severity. */
  g_ptr_array_sort (out, compare_findings);
  return out;
}

static void
write_safeguards (Brief              *b,
                  Sheet              *s,
                  const MpPackage    *pkg,
                  const MpEvaluation *eval,
                  const MpReference  *ref)
{
  const char *fh[] = {
    TR (b, "Severity", "Ernst"), TR (b, "Rule", "Regel"), TR (b, "Finding", "Bevinding"),
    TR (b, "Scheme", "Regeling"), TR (b, "Partner", "Partner"), TR (b, "Source", "Bron"),
  };
  const char *mh[] = {
    TR (b, "Measure", "Maatregel"), TR (b, "Partner", "Partner"),
    TR (b, "Country risk", "Landenrisico"), TR (b, "Measure risk", "Risico maatregel"),
    TR (b, "Matrix cell", "Matrixcel"), TR (b, "Required monitoring", "Vereiste monitoring"),
    TR (b, "Form", "Vorm"), TR (b, "Cooperation", "Samenwerking"),
    TR (b, "Frequency", "Frequentie"), TR (b, "Content", "Inhoud"),
    TR (b, "Follow-up", "Opvolging"),
  };
  g_autoptr(GPtrArray) findings = sorted_findings (eval);
  guint nm = eval->measures != NULL ? eval->measures->len : 0;
  lxw_row_t row = 0, fheader, mheader;
  g_autofree char *sev_range = NULL;

  put_span (b, s, row++, 0, TR (b, "Safeguards and human-rights monitoring", "Waarborgen en mensenrechtenmonitoring"), b->f_title);
  put_span (b, s, row++, 0, pkg->name, b->f_subtitle);
  row++;

  /* Counts, live over the findings table. */
  fheader = row + 5;
  if (findings->len > 0)
    sev_range = range_ref (fheader + 1, 0, fheader + findings->len, 0);
  for (int sev = MP_SEVERITY_BLOCK; sev >= MP_SEVERITY_NOTE; sev--)
    {
      int count = sev == MP_SEVERITY_BLOCK ? eval->n_blocks : sev == MP_SEVERITY_WARNING ? eval->n_warnings : eval->n_notes;
      const char *label = TR (b, severity_text[sev].en, severity_text[sev].nl);

      put_text (b, s, row, 0, label, severity_format (b, sev));
      if (sev_range != NULL)
        {
          g_autofree char *formula = g_strdup_printf ("=COUNTIF(%s,\"%s\")", sev_range, label);
          put_formula (b, s, row, 1, formula, count, b->f_int);
        }
      else
        put_num (b, s, row, 1, 0, b->f_int);
      row++;
    }
  row++;

  put_span (b, s, row++, 0, TR (b, "Findings", "Bevindingen"), b->f_h2);
  g_assert (row == fheader);
  if (findings->len == 0)
    {
      put_para (b, s, row++, 0, LAST_COL, TR (b, "No findings: the package trips no safeguard.",
                                    "Geen bevindingen: het pakket raakt geen waarborg."), b->f_good);
      row++;
    }
  else
    {
      for (guint i = 0; i < findings->len; i++)
        {
          const MpFinding *f = g_ptr_array_index (findings, i);
          lxw_row_t r = fheader + 1 + i;
          MpSeverity sev = f->severity < MP_N_SEVERITY ? f->severity : MP_SEVERITY_NOTE;

          put_text (b, s, r, 0, TR (b, severity_text[sev].en, severity_text[sev].nl), severity_format (b, sev));
          put_text (b, s, r, 1, f->rule, b->f_text);
          put_text (b, s, r, 2, f->message, b->f_wrap);
          put_text (b, s, r, 3, scheme_name (pkg, f->scheme), b->f_wrap);
          put_text (b, s, r, 4, f->partner != NULL ? partner_name (ref, f->partner) : NULL, b->f_text);
          put_text (b, s, r, 5, f->source, b->f_wrap);
        }
      add_table (b, s, fheader, 0, fheader + findings->len, fh, G_N_ELEMENTS (fh));
      row = fheader + findings->len + 2;
    }

  /* The risk matrix of §4.4 with the number of the package's measures in each cell. */
  put_span (b, s, row++, 0, TR (b, "Risk matrix: country risk × measure risk → monitoring",
                                   "Risicomatrix: landenrisico × risico maatregel → monitoring"), b->f_h2);
  {
    /* Two grids over the wide columns of the measures table (4-7): the
     * monitoring each cell requires, then the package's measures in it. */
    const lxw_col_t g0 = 4;
    lxw_row_t grid = row;
    lxw_row_t counts = grid + 5;
    lxw_row_t mfirst;
    g_autofree char *country_range = NULL;
    g_autofree char *measure_range = NULL;

    mheader = counts + 4 + 2 + 1;
    mfirst = mheader + 1;
    if (nm > 0)
      {
        country_range = range_ref (mfirst, 2, mfirst + nm - 1, 2);
        measure_range = range_ref (mfirst, 3, mfirst + nm - 1, 3);
      }
    put_text (b, s, grid, g0, TR (b, "Country \\ measure", "Land \\ maatregel"), b->f_head);
    put_text (b, s, counts, g0, TR (b, "Measures in the package", "Maatregelen in het pakket"), b->f_head);
    for (int m = 0; m < MP_N_RISK; m++)
      {
        put_text (b, s, grid, g0 + 1 + m, TR (b, risk_text[m].en, risk_text[m].nl), b->f_head);
        put_text (b, s, counts, g0 + 1 + m, TR (b, risk_text[m].en, risk_text[m].nl), b->f_head);
      }
    for (int c = 0; c < MP_N_RISK; c++)
      {
        put_text (b, s, grid + 1 + c, g0, TR (b, risk_text[c].en, risk_text[c].nl), b->f_label);
        put_text (b, s, counts + 1 + c, g0, TR (b, risk_text[c].en, risk_text[c].nl), b->f_label);
        for (int m = 0; m < MP_N_RISK; m++)
          {
            MpMonitoring mon = mp_monitoring_for_risk (c, m);
            int count = 0;

            put_text (b, s, grid + 1 + c, g0 + 1 + m, TR (b, monitoring_text[mon].en, monitoring_text[mon].nl),
                      mon == MP_MONITOR_NOT_ALLOWED ? b->f_block : b->f_wrap);
            for (guint i = 0; i < nm; i++)
              {
                const MpMeasure *me = &g_array_index (eval->measures, MpMeasure, i);
                if ((int) me->country_risk == c && (int) me->measure_risk == m && !me->never_allowed)
                  count++;
              }
            if (nm > 0)
              {
                g_autofree char *formula = g_strdup_printf ("=COUNTIFS(%s,\"%s\",%s,\"%s\")",
                                                            country_range, TR (b, risk_text[c].en, risk_text[c].nl),
                                                            measure_range, TR (b, risk_text[m].en, risk_text[m].nl));
                put_formula (b, s, counts + 1 + c, g0 + 1 + m, formula, count, b->f_int);
              }
            else
              put_num (b, s, counts + 1 + c, g0 + 1 + m, 0, b->f_int);
          }
      }
    put_para (b, s, counts + 4, 0, LAST_COL,
              TR (b, "Never allowed, whatever the class: transfers in breach of non-refoulement, push- or pullbacks, detention without guaranteed rights [AR rec. 3]. Monitoring elements after AR §4.2.3.",
                     "Nooit toegestaan, ongeacht de klasse: overdrachten in strijd met non-refoulement, push- of pullbacks, detentie zonder gewaarborgde rechten [AR aanb. 3]. Monitoringselementen naar AR §4.2.3."),
              b->f_note);
    row = counts + 6;
  }

  put_span (b, s, row++, 0, TR (b, "Monitoring each measure needs", "Monitoring die elke maatregel nodig heeft"), b->f_h2);
  g_assert (row == mheader);
  if (nm == 0)
    put_para (b, s, row++, 0, LAST_COL, TR (b, "No measures.", "Geen maatregelen."), b->f_note);
  else
    {
      for (guint i = 0; i < nm; i++)
        {
          const MpMeasure *me = &g_array_index (eval->measures, MpMeasure, i);
          lxw_row_t r = mheader + 1 + i;
          MpMonitoring mon = me->never_allowed ? MP_MONITOR_NOT_ALLOWED : MIN (me->monitoring, MP_MONITOR_NOT_ALLOWED);
          MpRisk cr = MIN (me->country_risk, MP_RISK_HIGH);
          MpRisk mr = MIN (me->measure_risk, MP_RISK_HIGH);
          g_autofree char *cell = g_strdup_printf ("%s × %s", TR (b, risk_text[cr].en, risk_text[cr].nl),
                                                   TR (b, risk_text[mr].en, risk_text[mr].nl));

          g_autofree char *label = measure_label (b, pkg, me);

          put_text (b, s, r, 0, label, b->f_wrap);
          put_text (b, s, r, 1, partner_name (ref, me->partner), b->f_text);
          put_text (b, s, r, 2, TR (b, risk_text[cr].en, risk_text[cr].nl), b->f_text);
          put_text (b, s, r, 3, me->never_allowed ? TR (b, "Never allowed", "Nooit toegestaan") : TR (b, risk_text[mr].en, risk_text[mr].nl),
                    me->never_allowed ? b->f_block : b->f_text);
          put_text (b, s, r, 4, me->never_allowed ? TR (b, "Never allowed", "Nooit toegestaan") : cell, b->f_text);
          put_text (b, s, r, 5, TR (b, monitoring_text[mon].en, monitoring_text[mon].nl),
                    mon == MP_MONITOR_NOT_ALLOWED ? b->f_block : b->f_wrap);
          for (int e = 0; e < N_ELEMENTS; e++)
            put_text (b, s, r, 6 + e, TR (b, monitoring_elements[mon][e].en, monitoring_elements[mon][e].nl), b->f_wrap);
        }
      add_table (b, s, mheader, 0, mheader + nm, mh, G_N_ELEMENTS (mh));
    }

  sheet_cap (s, 0, 36);
  sheet_cap (s, 1, 24);
  sheet_cap (s, 2, 60);
  sheet_cap (s, 3, 30);
  sheet_cap (s, 4, 18);
  sheet_cap (s, 5, 36);
  for (lxw_col_t c = 6; c < 11; c++)
    sheet_cap (s, c, 30);
  if (findings->len > 0)
    {
      record (b, worksheet_repeat_rows (s->ws, fheader, fheader));
      worksheet_freeze_panes (s->ws, fheader + 1, 0);
    }
  sheet_finish (b, s, 0);
}

static void
write_uncertainty (Brief              *b,
                   Sheet              *s,
                   const MpPackage    *pkg,
                   const MpEvaluation *eval)
{
  const char *qh[] = {
    TR (b, "Output", "Uitkomst"), TR (b, "Deterministic", "Deterministisch"),
    "P10", "P50", "P90", TR (b, "Mean", "Gemiddelde"),
  };
  const char *th[] = {
    TR (b, "Assumption", "Aanname"), TR (b, "Fit at low", "Aansluiting bij laag"),
    TR (b, "Fit at high", "Aansluiting bij hoog"), TR (b, "Base", "Basis"),
    TR (b, "Change at low", "Verandering bij laag"), TR (b, "Change at high", "Verandering bij hoog"),
    TR (b, "Swing", "Uitslag"),
  };
  lxw_row_t row = 0, qheader, theader;
  guint ns = eval->swings != NULL ? eval->swings->len : 0;
  g_autofree char *run = NULL;

  put_span (b, s, row++, 0, TR (b, "Uncertainty", "Onzekerheid"), b->f_title);
  put_span (b, s, row++, 0, pkg->name, b->f_subtitle);
  row++;

  if (!eval->has_uncertainty)
    {
      put_para (b, s, row++, 0, LAST_COL,
                TR (b, "No uncertainty analysis was run for this evaluation: the figures in this brief are deterministic (every assumption at its most likely value).",
                       "Voor deze evaluatie is geen onzekerheidsanalyse uitgevoerd: de cijfers in deze notitie zijn deterministisch (elke aanname op haar meest waarschijnlijke waarde)."),
                b->f_warning);
      put_para (b, s, row++, 0, LAST_COL,
                TR (b, "Run it in Mobility Planner (or with mobility-planner-cli evaluate --draws N) to see P10, P50 and P90 and the tornado chart.",
                       "Voer haar uit in Mobility Planner (of met mobility-planner-cli evaluate --draws N) voor P10, P50 en P90 en het tornadodiagram."),
                b->f_note);
      sheet_cap (s, 0, 40);
      sheet_finish (b, s, 0);
      return;
    }

  run = g_strdup_printf (TR (b, "Monte Carlo: %u draws from triangular distributions (low, mode, high), seed %" G_GUINT64_FORMAT "; reproducible bit for bit.",
                               "Monte Carlo: %u trekkingen uit driehoeksverdelingen (laag, modus, hoog), seed %" G_GUINT64_FORMAT "; bit voor bit reproduceerbaar."),
                         eval->draws, eval->seed);
  put_para (b, s, row++, 0, LAST_COL, run, b->f_note);
  row++;

  qheader = row;
  for (int h = 0; h < MP_N_HEADLINES; h++)
    {
      lxw_row_t r = qheader + 1 + h;
      lxw_format *f = headline_format (b, h, FALSE);

      put_text (b, s, r, 0, TR (b, headline_text[h].en, headline_text[h].nl), b->f_text);
      put_num (b, s, r, 1, eval->headline[h], f);
      put_num (b, s, r, 2, eval->quantiles[h].p10, f);
      put_num (b, s, r, 3, eval->quantiles[h].p50, f);
      put_num (b, s, r, 4, eval->quantiles[h].p90, f);
      put_num (b, s, r, 5, eval->quantiles[h].mean, f);
    }
  add_table (b, s, qheader, 0, qheader + MP_N_HEADLINES, qh, G_N_ELEMENTS (qh));
  row = qheader + MP_N_HEADLINES + 2;

  put_span (b, s, row++, 0, TR (b, "Tornado: partner-interest fit with one assumption at a time at its low and high",
                                   "Tornado: aansluiting bij partnerbelangen met één aanname tegelijk op laag en hoog"), b->f_h2);
  theader = row;
  if (ns == 0)
    {
      put_para (b, s, row++, 0, LAST_COL, TR (b, "No assumption has a range: no tornado.",
                                    "Geen aanname heeft een bereik: geen tornado."), b->f_note);
    }
  else
    {
      lxw_chart *chart;
      lxw_chart_series *series;
      lxw_chart_options place = { .x_offset = 5, .y_offset = 5, .x_scale = 1.5,
                                  .y_scale = MAX (1.0, 0.25 + 0.06 * ns),
                                  .object_position = LXW_OBJECT_MOVE_DONT_SIZE };

      for (guint i = 0; i < ns; i++)
        {
          const MpSwing *sw = &g_array_index (eval->swings, MpSwing, i);
          const MpAssumptionInfo *info = sw->assumption != NULL ? mp_assumption_lookup (sw->assumption) : NULL;
          lxw_row_t r = theader + 1 + i;
          g_autofree char *lo = cell_name (r, 1);
          g_autofree char *hi = cell_name (r, 2);
          g_autofree char *base = cell_name (r, 3);
          g_autofree char *f1 = g_strdup_printf ("=%s-%s", lo, base);
          g_autofree char *f2 = g_strdup_printf ("=%s-%s", hi, base);
          g_autofree char *f3 = g_strdup_printf ("=ABS(%s-%s)", hi, lo);

          put_text (b, s, r, 0,
                    info != NULL ? mp_assumption_info_label (info)
                    : g_strcmp0 (sw->assumption, "expected-returns") == 0
                    ? TR (b, "Expected extra returns (asks)", "Verwachte extra terugkeer (vragen)")
                    : sw->assumption, b->f_text);
          put_num (b, s, r, 1, sw->low_value, b->f_dec1);
          put_num (b, s, r, 2, sw->high_value, b->f_dec1);
          put_num (b, s, r, 3, sw->base, b->f_dec1);
          put_formula (b, s, r, 4, f1, sw->low_value - sw->base, b->f_dec1);
          put_formula (b, s, r, 5, f2, sw->high_value - sw->base, b->f_dec1);
          put_formula (b, s, r, 6, f3, fabs (sw->high_value - sw->low_value), b->f_dec1);
        }
      add_table (b, s, theader, 0, theader + ns, th, G_N_ELEMENTS (th));
      row = theader + ns + 2;

      chart = workbook_add_chart (b->wb, LXW_CHART_BAR);
      if (chart == NULL)
        {
          record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
          return;
        }
      for (int k = 0; k < 2; k++)
        {
          series = chart_add_series (chart, NULL, NULL);
          chart_series_set_categories (series, s->name, theader + 1, 0, theader + ns, 0);
          chart_series_set_values (series, s->name, theader + 1, 4 + k, theader + ns, 4 + k);
          chart_series_set_name_range (series, s->name, theader, 4 + k);
        }
      chart_set_series_overlap (chart, 100);
      chart_set_series_gap (chart, 60);
      chart_title_set_name (chart, TR (b, "Tornado: change in partner-interest fit (points)",
                                       "Tornado: verandering in aansluiting (punten)"));
      chart_axis_set_reverse (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y));
      chart_axis_set_label_position (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y),
                                     LXW_CHART_AXIS_LABEL_POSITION_LOW);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
      insert_chart (b, s, row, 0, chart, &place);
    }

  /* The fan of person-years by year. */
  if (eval->person_years_by_year != NULL && eval->n_years > 0)
    {
      const char *ph[] = { TR (b, "Year", "Jaar"), "P10", "P50", "P90" };
      lxw_row_t fheader;

      row = s->last_row + 2;
      put_span (b, s, row++, 0, TR (b, "Person-years by year", "Persoonsjaren per jaar"), b->f_h2);
      fheader = row;
      for (int t = 0; t < eval->n_years; t++)
        {
          lxw_row_t r = fheader + 1 + t;

          put_num (b, s, r, 0, eval->start_year + t, b->f_year);
          put_num (b, s, r, 1, eval->person_years_by_year[t].p10, b->f_int);
          put_num (b, s, r, 2, eval->person_years_by_year[t].p50, b->f_int);
          put_num (b, s, r, 3, eval->person_years_by_year[t].p90, b->f_int);
        }
      add_table (b, s, fheader, 0, fheader + eval->n_years, ph, G_N_ELEMENTS (ph));
    }

  sheet_cap (s, 0, 46);
  record (b, worksheet_repeat_rows (s->ws, qheader, qheader));
  sheet_finish (b, s, 0);
}

static void
write_partner (Brief             *b,
               Sheet             *s,
               const MpPackage   *pkg,
               const MpReference *ref)
{
  const char *ih[] = {
    TR (b, "Partner", "Partner"), TR (b, "Indicator", "Indicator"), TR (b, "Value", "Waarde"),
    TR (b, "Unit", "Eenheid"), TR (b, "Year", "Jaar"), TR (b, "Source", "Bron"),
  };
  g_autoptr(MpDdi) ddi = ref != NULL ? mp_reference_compute_ddi (ref) : NULL;
  MpRiskThresholds thresholds;
  lxw_row_t row = 0, iheader;
  guint n_rows = 0;
  g_autofree char *vintage = NULL;

  risk_thresholds (pkg, &thresholds);
  put_span (b, s, row++, 0, TR (b, "Partner profile", "Partnerprofiel"), b->f_title);
  vintage = g_strdup_printf (TR (b, "Reference data vintage: %s. Every value carries its year and source; “–” means no data (never zero).",
                                   "Peildatum referentiegegevens: %s. Elke waarde heeft een jaar en een bron; “–” betekent geen gegevens (nooit nul)."),
                             ref != NULL && ref->vintage != NULL ? ref->vintage : "–");
  put_para (b, s, row++, 0, LAST_COL, vintage, b->f_note);
  row++;

  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      const MpPartner *p = ref != NULL ? mp_reference_find_partner (ref, pkg->partners[i]) : NULL;
      g_autofree char *title = NULL;
      g_autofree char *memberships = NULL;
      g_autofree char *frameworks = NULL;
      g_autofree char *risk = NULL;
      MpRiskBasis basis;
      MpRisk r;
      const MpDdiEntry *de;

      title = g_strdup_printf ("%s (%s)", partner_name (ref, pkg->partners[i]), pkg->partners[i]);
      put_span (b, s, row++, 0, title, b->f_h2);
      if (p == NULL)
        {
          put_para (b, s, row++, 0, LAST_COL, TR (b, "Not in the reference data.", "Niet in de referentiegegevens."), b->f_warning);
          row++;
          continue;
        }
      memberships = p->memberships != NULL ? g_strjoinv (", ", p->memberships) : g_strdup ("");
      frameworks = p->frameworks != NULL ? g_strjoinv (", ", p->frameworks) : g_strdup ("");

      put_text (b, s, row, 0, TR (b, "Region", "Regio"), b->f_label);
      put_text (b, s, row++, 1, p->region, b->f_text);
      put_text (b, s, row, 0, TR (b, "Regional processes", "Regionale processen"), b->f_label);
      put_text (b, s, row++, 1, *memberships ? memberships : "–", b->f_text);
      put_text (b, s, row, 0, TR (b, "Existing frameworks", "Bestaande kaders"), b->f_label);
      put_text (b, s, row++, 1, *frameworks ? frameworks : "–", b->f_text);
      put_text (b, s, row, 0, TR (b, "Combination country (aid and trade)", "Combiland (hulp en handel)"), b->f_label);
      put_text (b, s, row++, 1, yes_no (b, p->combiland), b->f_text);
      put_text (b, s, row, 0, TR (b, "On the WHO safeguards list (2023)", "Op de WHO-waarborglijst (2023)"), b->f_label);
      put_text (b, s, row, 1, yes_no (b, p->who_ssl), p->who_ssl ? b->f_warning : b->f_text);
      put_text (b, s, row++, 2, p->who_ssl_source, b->f_note);

      r = mp_partner_risk (p, &thresholds, &basis);
      r = MIN (r, MP_RISK_HIGH);
      risk = g_strdup (TR (b, risk_text[r].en, risk_text[r].nl));
      put_text (b, s, row, 0, TR (b, "Human-rights risk class for migrants", "Mensenrechtenrisico voor migranten"), b->f_label);
      put_text (b, s, row, 1, risk, r == MP_RISK_HIGH ? b->f_warning : b->f_text);
      put_text (b, s, row++, 2, basis < MP_N_RISK_BASIS ? TR (b, risk_basis_text[basis].en, risk_basis_text[basis].nl) : NULL, b->f_note);
      if (p->has_risk_override && p->risk_override_reason != NULL)
        {
          put_text (b, s, row, 0, TR (b, "Reason for the override", "Reden voor de correctie"), b->f_label);
          put_text (b, s, row++, 1, p->risk_override_reason, b->f_text);
        }
      if (p->excluded)
        {
          put_text (b, s, row, 0, TR (b, "Excluded from partnerships", "Uitgesloten van partnerschappen"), b->f_label);
          put_text (b, s, row++, 1, p->excluded_reason != NULL ? p->excluded_reason : yes_no (b, TRUE), b->f_block);
        }

      de = ddi != NULL ? mp_ddi_lookup (ddi, p->iso3) : NULL;
      put_text (b, s, row, 0, TR (b, "Demographic-dividend index (0–100)", "Index demografisch dividend (0–100)"), b->f_label);
      if (de != NULL && isfinite (de->index))
        {
          g_autofree char *rank = g_strdup_printf (TR (b, "rank %u of %u partners (DOMAIN §4.6, WRR)", "plaats %u van %u partners (DOMAIN §4.6, WRR)"),
                                                   de->rank, ddi->set_size);
          put_num (b, s, row, 1, de->index, b->f_dec1);
          put_text (b, s, row++, 2, rank, b->f_note);
        }
      else
        put_text (b, s, row++, 1, "–", b->f_text);
      row++;
    }

  /* One table of indicators for all partners of the package. */
  put_span (b, s, row++, 0, TR (b, "Indicators", "Indicatoren"), b->f_h2);
  iheader = row;
  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      const MpPartner *p = ref != NULL ? mp_reference_find_partner (ref, pkg->partners[i]) : NULL;

      if (p == NULL)
        continue;
      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          lxw_row_t r = iheader + 1 + n_rows++;
          const MpValue *v = &p->ind[k];

          put_text (b, s, r, 0, p->iso3, b->f_text);
          put_text (b, s, r, 1, TR (b, indicator_text[k].en, indicator_text[k].nl), b->f_text);
          if (mp_value_present (v))
            {
              put_num (b, s, r, 2, v->value, indicator_format (b, k));
              put_num (b, s, r, 4, v->year, b->f_year);
            }
          else
            {
              put_text (b, s, r, 2, TR (b, "no data", "geen gegevens"), b->f_note);
              put_text (b, s, r, 4, "–", b->f_text);
            }
          put_text (b, s, r, 3, TR (b, indicator_unit_text[k].en, indicator_unit_text[k].nl), b->f_unit);
          put_text (b, s, r, 5, v->source, b->f_wrap);
        }
    }
  if (n_rows > 0)
    add_table (b, s, iheader, 0, iheader + n_rows, ih, G_N_ELEMENTS (ih));
  else
    put_para (b, s, iheader + 1, 0, LAST_COL, TR (b, "No indicators.", "Geen indicatoren."), b->f_note);
  row = iheader + MAX (n_rows, 1) + 2;

  /* The interest profile behind the fit. */
  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      const MpPartner *p = ref != NULL ? mp_reference_find_partner (ref, pkg->partners[i]) : NULL;
      g_autofree char *title = NULL;

      if (p == NULL)
        continue;
      title = g_strdup_printf (TR (b, "Interest profile: %s", "Belangenprofiel: %s"), partner_name (ref, p->iso3));
      put_span (b, s, row++, 0, title, b->f_h2);
      put_text (b, s, row, 0, TR (b, "Interest", "Belang"), b->f_head);
      put_text (b, s, row, 1, TR (b, "Weight (0–5)", "Gewicht (0–5)"), b->f_head);
      put_text (b, s, row++, 2, TR (b, "Package override", "Afwijking in pakket"), b->f_head);
      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          put_text (b, s, row, 0, TR (b, interest_text[k].en, interest_text[k].nl), b->f_text);
          put_num (b, s, row, 1, p->profile.weights[k], b->f_dec1);
          if (isfinite (pkg->interest_weights[k]))
            put_num (b, s, row, 2, pkg->interest_weights[k], b->f_dec1);
          row++;
        }
      if (p->profile.rationale != NULL)
        put_para (b, s, row++, 0, LAST_COL, p->profile.rationale, b->f_note);
      row++;
    }

  sheet_cap (s, 0, 40);
  sheet_cap (s, 1, 34);
  sheet_cap (s, 2, 26);
  sheet_cap (s, 3, 26);
  sheet_cap (s, 5, 50);
  if (n_rows > 0)
    record (b, worksheet_repeat_rows (s->ws, iheader, iheader));
  sheet_finish (b, s, 0);
}

static void
write_assumptions (Brief           *b,
                   Sheet           *s,
                   const MpPackage *pkg)
{
  const char *ah[] = {
    TR (b, "Assumption", "Aanname"), TR (b, "Key", "Sleutel"), TR (b, "Unit", "Eenheid"),
    TR (b, "Low", "Laag"), TR (b, "Value (mode)", "Waarde (modus)"), TR (b, "High", "Hoog"),
    TR (b, "Set in this package", "Aangepast in dit pakket"), TR (b, "Rationale", "Onderbouwing"),
    TR (b, "Source", "Bron"),
  };
  lxw_row_t row = 0, header;

  put_span (b, s, row++, 0, TR (b, "Assumptions", "Aannames"), b->f_title);
  put_para (b, s, row++, 0, LAST_COL,
            TR (b, "Every constant of the model, with its triangular range (low, mode, high), its rationale and source. Ranges with low = high are not drawn in the uncertainty analysis.",
                   "Elke constante van het model, met haar driehoeksbereik (laag, modus, hoog), onderbouwing en bron. Bereiken met laag = hoog worden niet getrokken in de onzekerheidsanalyse."),
            b->f_note);
  row++;
  header = row;
  for (int id = 0; id < MP_N_ASSUMPTIONS; id++)
    {
      const MpAssumptionInfo *info = mp_assumption_info (id);
      lxw_row_t r = header + 1 + id;
      double lo = NAN, mode = NAN, hi = NAN;
      lxw_format *f = b->f_dec3;

      if (info == NULL)
        continue;
      if (!mp_package_get_assumption (pkg, info->key, &lo, &mode, &hi))
        {
          lo = info->low;
          mode = info->mode;
          hi = info->high;
        }
      if (fabs (mode) >= 100)
        f = b->f_int;
      else if (fabs (mode) >= 10)
        f = b->f_dec1;
      else if (mode != 0 && fabs (mode) < 0.01)
        f = b->f_small;
      put_text (b, s, r, 0, mp_assumption_info_label (info), b->f_wrap);
      put_text (b, s, r, 1, info->key, b->f_text);
      put_text (b, s, r, 2, mp_assumption_info_unit (info), b->f_wrap);
      put_num (b, s, r, 3, lo, f);
      put_num (b, s, r, 4, mode, f);
      put_num (b, s, r, 5, hi, f);
      put_text (b, s, r, 6, yes_no (b, mp_package_assumption_overridden (pkg, info->key)), b->f_center);
      put_text (b, s, r, 7, mp_assumption_info_rationale (info), b->f_wrap);
      put_text (b, s, r, 8, info->source, b->f_wrap);
    }
  add_table (b, s, header, 0, header + MP_N_ASSUMPTIONS, ah, G_N_ELEMENTS (ah));

  sheet_cap (s, 0, 30);
  sheet_cap (s, 1, 26);
  sheet_cap (s, 2, 22);
  sheet_cap (s, 7, 80);
  sheet_cap (s, 8, 40);
  record (b, worksheet_repeat_rows (s->ws, header, header));
  worksheet_freeze_panes (s->ws, header + 1, 1);
  sheet_finish (b, s, 0);
}

/* The one-page cover. */
static void
write_cover (Brief              *b,
             Sheet              *s,
             const MpPackage    *pkg,
             const MpEvaluation *eval,
             const MpReference  *ref)
{
  g_autofree char *title = NULL;
  g_autofree char *partners = partners_text (pkg, ref);
  g_autofree char *horizon = NULL;
  g_autoptr(GPtrArray) findings = sorted_findings (eval);
  g_autoptr(MpDdi) ddi = ref != NULL ? mp_reference_compute_ddi (ref) : NULL;
  MpRiskThresholds thresholds;
  lxw_row_t row = 0, fit_row = 0, nl_row = 0;
  guint shown;

  risk_thresholds (pkg, &thresholds);
  worksheet_gridlines (s->ws, LXW_HIDE_ALL_GRIDLINES);
  worksheet_fit_to_pages (s->ws, 1, 1);
  sheet_cap (s, 0, 44);
  sheet_cap (s, 1, 18);
  sheet_cap (s, 2, 18);
  sheet_cap (s, 3, 18);
  s->width[0] = 44;
  s->width[1] = s->width[2] = s->width[3] = 17;

  title = g_strdup_printf ("%s", TR (b, "Negotiation brief", "Onderhandelingsnotitie"));
  put_span (b, s, row++, 0, title, b->f_title);
  put_span (b, s, row++, 0, pkg->name, b->f_subtitle);
  row++;

  put_text (b, s, row, 0, TR (b, "Partner", "Partner"), b->f_label);
  put_span (b, s, row++, 1, partners, b->f_text);
  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      const MpPartner *p = ref != NULL ? mp_reference_find_partner (ref, pkg->partners[i]) : NULL;
      const MpDdiEntry *de = ddi != NULL ? mp_ddi_lookup (ddi, pkg->partners[i]) : NULL;
      g_autofree char *line = NULL;
      MpRisk r;

      if (p == NULL)
        continue;
      r = MIN (mp_partner_risk (p, &thresholds, NULL), MP_RISK_HIGH);
      if (de != NULL && isfinite (de->index))
        line = g_strdup_printf (TR (b, "%s: human-rights risk %s; demographic-dividend index %.0f (rank %u of %u)%s",
                                       "%s: mensenrechtenrisico %s; index demografisch dividend %.0f (plaats %u van %u)%s"),
                                p->iso3, TR (b, risk_text[r].en, risk_text[r].nl), de->index, de->rank, ddi->set_size,
                                p->who_ssl ? TR (b, "; on the WHO safeguards list", "; op de WHO-waarborglijst") : "");
      else
        line = g_strdup_printf (TR (b, "%s: human-rights risk %s; demographic-dividend index: no data%s",
                                       "%s: mensenrechtenrisico %s; index demografisch dividend: geen gegevens%s"),
                                p->iso3, TR (b, risk_text[r].en, risk_text[r].nl),
                                p->who_ssl ? TR (b, "; on the WHO safeguards list", "; op de WHO-waarborglijst") : "");
      put_para (b, s, row++, 1, 3, line, p->excluded || r == MP_RISK_HIGH ? b->f_warning : b->f_text);
      if (p->excluded)
        put_para (b, s, row++, 1, 3, TR (b, "Excluded: no partnership possible.", "Uitgesloten: geen partnerschap mogelijk."), b->f_block);
    }
  if (pkg->description != NULL && *pkg->description != '\0')
    {
      g_autofree char *d = clean_line (pkg->description, 400);

      put_text (b, s, row, 0, TR (b, "Package", "Pakket"), b->f_label);
      put_para (b, s, row++, 1, 3, d, b->f_text);
    }
  put_text (b, s, row, 0, TR (b, "Date", "Datum"), b->f_label);
  {
    lxw_datetime dt = {
      g_date_time_get_year (b->date), g_date_time_get_month (b->date),
      g_date_time_get_day_of_month (b->date), 0, 0, 0
    };
    record (b, worksheet_write_datetime (s->ws, row++, 1, &dt, b->f_date));
  }
  if (b->author != NULL && *b->author != '\0')
    {
      put_text (b, s, row, 0, TR (b, "Prepared by", "Opgesteld door"), b->f_label);
      put_span (b, s, row++, 1, b->author, b->f_text);
    }
  put_text (b, s, row, 0, TR (b, "Reference data vintage", "Peildatum referentiegegevens"), b->f_label);
  put_span (b, s, row++, 1, ref != NULL && ref->vintage != NULL ? ref->vintage : "–", b->f_text);
  horizon = g_strdup_printf ("%d–%d (%d %s)", eval->start_year, eval->start_year + eval->n_years - 1,
                             eval->n_years, TR (b, "years", "jaar"));
  put_text (b, s, row, 0, TR (b, "Horizon", "Horizon"), b->f_label);
  put_span (b, s, row++, 1, horizon, b->f_text);
  row++;

  /* Headline figures: live links to the sheets that compute them. */
  put_text (b, s, row, 0, TR (b, "Headline figures", "Kerncijfers"), b->f_head);
  put_text (b, s, row, 1, TR (b, "Value", "Waarde"), b->f_head_num);
  put_text (b, s, row, 2, eval->has_uncertainty ? "P10" : "", b->f_head_num);
  put_text (b, s, row++, 3, eval->has_uncertainty ? "P90" : "", b->f_head_num);
  {
    static const MpHeadline order[] = {
      MP_HEADLINE_ADMISSIONS, MP_HEADLINE_PERSON_YEARS, MP_HEADLINE_REMITTANCES,
      MP_HEADLINE_NET_MIGRATION, MP_HEADLINE_FIT, MP_HEADLINE_NL_BENEFIT,
      MP_HEADLINE_BALANCE, MP_HEADLINE_COST_PUBLIC,
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        MpHeadline h = order[i];
        lxw_format *f = headline_format (b, h, TRUE);
        const char *link = NULL;
        double cached = eval->headline[h];

        put_text (b, s, row, 0, TR (b, headline_text[h].en, headline_text[h].nl), b->f_text);
        switch (h)
          {
          case MP_HEADLINE_PERSON_YEARS: link = b->ref_py_total; cached = b->py_total; break;
          case MP_HEADLINE_COST_PUBLIC: link = b->ref_cost_total; cached = b->cost_total; break;
          case MP_HEADLINE_FIT: link = b->ref_fit; cached = b->fit; fit_row = row; break;
          case MP_HEADLINE_NL_BENEFIT: link = b->ref_nl; cached = b->nl; nl_row = row; break;
          case MP_HEADLINE_ADMISSIONS:
          case MP_HEADLINE_REMITTANCES:
          case MP_HEADLINE_NET_MIGRATION:
          case MP_HEADLINE_BALANCE:
          case MP_N_HEADLINES:
          default:
            break;
          }
        if (h == MP_HEADLINE_BALANCE && fit_row > 0 && nl_row > 0)
          {
            g_autofree char *a = cell_name (fit_row, 1);
            g_autofree char *c = cell_name (nl_row, 1);
            g_autofree char *formula = g_strdup_printf ("=%s-%s", a, c);

            put_formula (b, s, row, 1, formula, b->fit - b->nl, f);
          }
        else if (link != NULL)
          {
            g_autofree char *formula = g_strdup_printf ("=%s", link);
            put_formula (b, s, row, 1, formula, cached, f);
          }
        else
          put_num (b, s, row, 1, eval->headline[h], f);
        if (eval->has_uncertainty)
          {
            put_num (b, s, row, 2, eval->quantiles[h].p10, headline_format (b, h, FALSE));
            put_num (b, s, row, 3, eval->quantiles[h].p90, headline_format (b, h, FALSE));
          }
        row++;
      }
  }
  {
    double balance = b->fit - b->nl;
    const char *reading;

    if (balance < 0)
      reading = TR (b, "Balance below zero: the package serves the Netherlands more than the partner; the Netherlands is the asking party [EV §3.1].",
                       "Balans onder nul: het pakket dient Nederland meer dan de partner; Nederland is de vragende partij [EV §3.1].");
    else
      reading = TR (b, "Balance at or above zero: the package serves the partner at least as much as the Netherlands.",
                       "Balans nul of hoger: het pakket dient de partner minstens zoveel als Nederland.");
    put_para (b, s, row++, 0, LAST_COL, reading, balance < 0 ? b->f_warning : b->f_note);
  }
  {
    double returns = 0;

    for (guint i = 0; pkg->asks != NULL && i < pkg->asks->len; i++)
      returns += ((MpAsk *) g_ptr_array_index (pkg->asks, i))->returns_mode;
    if (returns > 0)
      {
        g_autofree char *ev = g_strdup_printf (
            TR (b, "Expected extra returns: %.0f a year (assumed). Only measured effect of a Dutch partnership: about +%.0f forced returns a year (Morocco) [EV].",
                   "Verwachte extra terugkeer: %.0f per jaar (aanname). Enige gemeten effect van een Nederlands partnerschap: ongeveer +%.0f gedwongen vertrekken per jaar (Marokko) [EV]."),
            returns, mp_package_assumption_value (pkg, MP_ASSUMPTION_EVIDENCE_RETURNS));
        put_para (b, s, row++, 0, LAST_COL, ev, b->f_note);
      }
  }
  if (!eval->has_uncertainty)
    put_para (b, s, row++, 0, LAST_COL, TR (b, "No uncertainty analysis: deterministic figures.", "Geen onzekerheidsanalyse: deterministische cijfers."), b->f_note);
  row++;

  /* Blocks and warnings. */
  {
    g_autofree char *counts = g_strdup_printf (TR (b, "Safeguards — blocks: %d · warnings: %d · notes: %d",
                                                      "Waarborgen — blokkades: %d · waarschuwingen: %d · opmerkingen: %d"),
                                               eval->n_blocks, eval->n_warnings, eval->n_notes);
    put_text (b, s, row, 0, counts, b->f_head);
    for (lxw_col_t c = 1; c < 4; c++)
      record (b, worksheet_write_blank (s->ws, row, c, b->f_head));
    row++;
  }
  shown = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      const MpFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *msg = NULL;
      MpSeverity sev = MIN (f->severity, MP_SEVERITY_BLOCK);

      if (sev == MP_SEVERITY_NOTE)
        break;
      if (shown == COVER_LIST_MAX)
        break;
      msg = clean_line (f->message, 300);
      put_text (b, s, row, 0, TR (b, severity_text[sev].en, severity_text[sev].nl), severity_format (b, sev));
      put_para (b, s, row++, 1, 3, msg, b->f_text);
      shown++;
    }
  if (eval->n_blocks + eval->n_warnings == 0)
    put_para (b, s, row++, 0, LAST_COL, TR (b, "No blocks or warnings.", "Geen blokkades of waarschuwingen."), b->f_good);
  else if ((int) shown < eval->n_blocks + eval->n_warnings)
    {
      g_autofree char *more = g_strdup_printf (TR (b, "… and %d more: see the sheet Safeguards.", "… en nog %d: zie het blad Waarborgen."),
                                               eval->n_blocks + eval->n_warnings - (int) shown);
      put_para (b, s, row++, 0, LAST_COL, more, b->f_note);
    }
  row++;

  /* Required monitoring, strictest first. */
  put_text (b, s, row, 0, TR (b, "Required monitoring", "Vereiste monitoring"), b->f_head);
  put_text (b, s, row, 1, TR (b, "Country × measure", "Land × maatregel"), b->f_head);
  put_text (b, s, row, 2, TR (b, "Monitoring", "Monitoring"), b->f_head);
  record (b, worksheet_write_blank (s->ws, row, 3, b->f_head));
  row++;
  {
    guint nm = eval->measures != NULL ? eval->measures->len : 0;
    g_autofree guint *order = g_new0 (guint, MAX (nm, 1));
    guint k = 0;

    for (int level = MP_MONITOR_NOT_ALLOWED; level >= MP_MONITOR_STANDARD; level--)
      for (guint i = 0; i < nm; i++)
        {
          const MpMeasure *me = &g_array_index (eval->measures, MpMeasure, i);
          MpMonitoring mon = me->never_allowed ? MP_MONITOR_NOT_ALLOWED : MIN (me->monitoring, MP_MONITOR_NOT_ALLOWED);

          if ((int) mon == level)
            order[k++] = i;
        }
    for (shown = 0; shown < nm && shown < COVER_LIST_MAX; shown++)
      {
        const MpMeasure *me = &g_array_index (eval->measures, MpMeasure, order[shown]);
        MpMonitoring mon = me->never_allowed ? MP_MONITOR_NOT_ALLOWED : MIN (me->monitoring, MP_MONITOR_NOT_ALLOWED);
        MpRisk cr = MIN (me->country_risk, MP_RISK_HIGH);
        MpRisk mr = MIN (me->measure_risk, MP_RISK_HIGH);
        g_autofree char *cell = g_strdup_printf ("%s × %s", TR (b, risk_text[cr].en, risk_text[cr].nl),
                                                 TR (b, risk_text[mr].en, risk_text[mr].nl));
        g_autofree char *label = measure_label (b, pkg, me);
        g_autofree char *measure = clean_line (label, 120);

        put_text (b, s, row, 0, measure, b->f_wrap);
        put_text (b, s, row, 1, me->never_allowed ? TR (b, "never allowed", "nooit toegestaan") : cell, b->f_text);
        put_para (b, s, row++, 2, 3, TR (b, monitoring_text[mon].en, monitoring_text[mon].nl),
                  mon == MP_MONITOR_NOT_ALLOWED ? b->f_block : b->f_text);
      }
    if (nm == 0)
      put_para (b, s, row++, 0, LAST_COL, TR (b, "No measures.", "Geen maatregelen."), b->f_note);
    else if (nm > shown)
      {
        g_autofree char *more = g_strdup_printf (TR (b, "… and %u more: see the sheet Safeguards.", "… en nog %u: zie het blad Waarborgen."),
                                                 nm - shown);
        put_para (b, s, row++, 0, LAST_COL, more, b->f_note);
      }
  }
  row++;
  put_para (b, s, row++, 0, LAST_COL,
            TR (b, "Sources: [AR] advisory report “Migratie in Partnerschap” (2026); [EV] evaluation “Op zoek naar grip” (2022–2025). Assumptions, ranges and sources: sheet Assumptions.",
                   "Bronnen: [AR] advies “Migratie in Partnerschap” (2026); [EV] evaluatie “Op zoek naar grip” (2022–2025). Aannames, bereiken en bronnen: blad Aannames."),
            b->f_note);
  s->last_col = 3;
  sheet_finish (b, s, 0);
}

/* ---- Workbook life cycle ------------------------------------------------- */

static void
brief_clear (Brief *b)
{
  g_clear_pointer (&b->date, g_date_time_unref);
  g_clear_pointer (&b->date_iso, g_free);
  g_clear_pointer (&b->author, g_free);
  g_clear_pointer (&b->header_name, g_free);
  g_clear_pointer (&b->ref_py_total, g_free);
  g_clear_pointer (&b->ref_cost_total, g_free);
  g_clear_pointer (&b->ref_fit, g_free);
  g_clear_pointer (&b->ref_nl, g_free);
  if (b->scratch != NULL)
    g_string_free (b->scratch, TRUE);
  b->scratch = NULL;
}

static gboolean
brief_init (Brief                *b,
            const MpBriefOptions *opts,
            const char           *header_text,
            GError              **error)
{
  const char *lang = opts != NULL && opts->language != NULL ? opts->language : "en";

  if (!mp_brief_language_valid (lang))
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                   _("Unknown brief language “%s”: use “en” or “nl”"), lang);
      return FALSE;
    }
  b->dutch = g_str_equal (lang, "nl");
  b->date = opts != NULL && opts->date != NULL ? g_date_time_ref (opts->date) : g_date_time_new_now_local ();
  b->date_iso = g_date_time_format (b->date, "%Y-%m-%d");
  b->author = opts != NULL && opts->author != NULL ? clean_line (opts->author, 200) : NULL;
  b->header_name = escape_header (header_text);
  b->scratch = g_string_new (NULL);
  return TRUE;
}

/* Creates the temporary file next to @path.  Returns its name. */
static char *
open_temporary (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp = g_build_filename (dir, tmpl, NULL);
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO,
                   _("Cannot write the brief to “%s”: it is a folder"), path);
      g_free (tmp);
      return NULL;
    }

  fd = g_mkstemp_full (tmp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO,
                   _("Cannot write the brief to “%s”: %s"), path, g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  return tmp;
}

static lxw_workbook *
workbook_open (Brief       *b,
               const char  *tmp,
               const char  *title,
               const char  *subject,
               GError     **error)
{
  lxw_doc_properties props = { 0 };
  g_autofree char *comments = g_strdup_printf ("Mobility Planner %s", PACKAGE_VERSION);

  b->wb = workbook_new (tmp);
  if (b->wb == NULL)
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_FAILED,
                   _("Cannot create the workbook: %s"), lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return NULL;
    }
  props.title = (char *) title;
  props.subject = (char *) subject;
  props.author = b->author;
  props.comments = comments;
  props.created = (time_t) g_date_time_to_unix (b->date);
  record (b, workbook_set_properties (b->wb, &props));
  formats_init (b);
  return b->wb;
}

/* Closes the workbook (always: it frees it) and moves the file into place,
 * or removes it. */
static gboolean
workbook_finish (Brief       *b,
                 const char  *tmp,
                 const char  *path,
                 GError     **error)
{
  lxw_error close_err;
  lxw_error err = b->err;

  close_err = workbook_close (b->wb);
  b->wb = NULL;
  if (err == LXW_NO_ERROR)
    err = close_err;

  if (err != LXW_NO_ERROR)
    {
      int saved = errno;
      gboolean io = err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE ||
                    err == LXW_ERROR_READING_TMPFILE || err == LXW_ERROR_ZIP_FILE_OPERATION ||
                    err == LXW_ERROR_ZIP_FILE_ADD || err == LXW_ERROR_ZIP_CLOSE ||
                    err == LXW_ERROR_ZIP_INTERNAL_ERROR;

      g_unlink (tmp);
      if (io && saved != 0)
        g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO,
                     _("Cannot write the brief to “%s”: %s (%s)"), path, lxw_strerror (err), g_strerror (saved));
      else
        g_set_error (error, MP_BRIEF_ERROR, io ? MP_BRIEF_ERROR_IO : MP_BRIEF_ERROR_FAILED,
                     _("Cannot write the brief to “%s”: %s"), path, lxw_strerror (err));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO,
                   _("Cannot write the brief to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ---- Public API --------------------------------------------------------- */

/**
 * mp_brief_language_valid:
 * @language: a language code
 *
 * Returns: whether the brief can be written in @language ("en" or "nl").
 */
gboolean
mp_brief_language_valid (const char *language)
{
  return language != NULL && (g_str_equal (language, "en") || g_str_equal (language, "nl"));
}

/**
 * mp_brief_language_default:
 *
 * The brief language that matches the user's locale: "nl" when the message
 * language is Dutch, otherwise "en".
 *
 * Returns: (transfer none): "en" or "nl"
 */
const char *
mp_brief_language_default (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C"))
        break;
      if (g_str_has_prefix (names[i], "nl"))
        return "nl";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }
  return "en";
}

/**
 * mp_brief_write:
 * @pkg: the package
 * @eval: its evaluation (mp_evaluate(), optionally with
 *   mp_evaluation_run_uncertainty())
 * @ref: the reference data the evaluation used
 * @opts: (nullable): language, date and author
 * @path: the .xlsx file to write
 * @error: return location for an #MP_BRIEF_ERROR
 *
 * Writes the negotiation brief of one package: the sheets Brief (a one-page
 * cover), Offer, Projection, Scores, Safeguards, Uncertainty, Partner and
 * Assumptions, laid out for A4.
 *
 * The file appears at @path complete or not at all: it is written to a
 * temporary file in the same folder and renamed when done; on failure the
 * temporary file is removed and a file that was at @path is left as it was.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 */
gboolean
mp_brief_write (const MpPackage      *pkg,
                const MpEvaluation   *eval,
                const MpReference    *ref,
                const MpBriefOptions *opts,
                const char           *path,
                GError              **error)
{
  Brief b = { 0 };
  BriefSheets sh = { 0 };
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *name = NULL;
  g_autofree char *partners = NULL;
  gboolean ok;

  g_return_val_if_fail (pkg != NULL, FALSE);
  g_return_val_if_fail (eval != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (eval->n_years < 0 || eval->n_sectors < 0 ||
      (eval->n_years > 0 && eval->total == NULL) ||
      (eval->n_sectors > 0 && (eval->by_sector == NULL || eval->sector_codes == NULL)) ||
      (pkg->schemes != NULL && eval->by_scheme != NULL && (guint) eval->n_schemes != pkg->schemes->len))
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                   _("The evaluation does not belong to the package “%s”"), pkg->name != NULL ? pkg->name : "");
      return FALSE;
    }

  if (!brief_init (&b, opts, pkg->name, error))
    {
      brief_clear (&b);
      return FALSE;
    }

  tmp = open_temporary (path, error);
  if (tmp == NULL)
    {
      brief_clear (&b);
      return FALSE;
    }

  name = clean_line (pkg->name, 200);
  partners = partners_text (pkg, ref);
  title = g_strdup_printf ("%s: %s", TR (&b, "Negotiation brief", "Onderhandelingsnotitie"), name);
  subject = clean_line (partners, 200);
  if (workbook_open (&b, tmp, title, subject, error) == NULL)
    {
      g_unlink (tmp);
      brief_clear (&b);
      return FALSE;
    }

  /* All sheets first, in reading order; the cover is written last because
   * it links to cells of the others. */
  sh.cover = sheet_new (&b, TR (&b, "Brief", "Notitie"), FALSE);
  sh.offer = sheet_new (&b, TR (&b, "Offer", "Aanbod"), TRUE);
  sh.projection = sheet_new (&b, TR (&b, "Projection", "Projectie"), TRUE);
  sh.scores = sheet_new (&b, TR (&b, "Scores", "Scores"), FALSE);
  sh.safeguards = sheet_new (&b, TR (&b, "Safeguards", "Waarborgen"), TRUE);
  sh.uncertainty = sheet_new (&b, TR (&b, "Uncertainty", "Onzekerheid"), FALSE);
  sh.partner = sheet_new (&b, TR (&b, "Partner", "Partner"), TRUE);
  sh.assumptions = sheet_new (&b, TR (&b, "Assumptions", "Aannames"), TRUE);

  if (b.err == LXW_NO_ERROR)
    {
      write_offer (&b, sh.offer, pkg, eval, ref);
      write_projection (&b, sh.projection, pkg, eval, ref);
      write_scores (&b, sh.scores, pkg, eval, ref);
      write_safeguards (&b, sh.safeguards, pkg, eval, ref);
      write_uncertainty (&b, sh.uncertainty, pkg, eval);
      write_partner (&b, sh.partner, pkg, ref);
      write_assumptions (&b, sh.assumptions, pkg);
      write_cover (&b, sh.cover, pkg, eval, ref);
      worksheet_activate (sh.cover->ws);
    }

  ok = workbook_finish (&b, tmp, path, error);

  sheet_free (sh.cover);
  sheet_free (sh.offer);
  sheet_free (sh.projection);
  sheet_free (sh.scores);
  sheet_free (sh.safeguards);
  sheet_free (sh.uncertainty);
  sheet_free (sh.partner);
  sheet_free (sh.assumptions);
  brief_clear (&b);
  return ok;
}

/* ---- Comparison ---------------------------------------------------------- */

static void
write_comparison_table (Brief             *b,
                        Sheet             *s,
                        GPtrArray         *packages,
                        GPtrArray         *evaluations,
                        const MpReference *ref)
{
  static const MpHeadline order[] = {
    MP_HEADLINE_ADMISSIONS, MP_HEADLINE_PERSON_YEARS, MP_HEADLINE_REMITTANCES,
    MP_HEADLINE_NET_MIGRATION, MP_HEADLINE_FIT, MP_HEADLINE_NL_BENEFIT,
    MP_HEADLINE_BALANCE, MP_HEADLINE_COST_PUBLIC,
  };
  const guint np = packages->len;
  const lxw_row_t header = 4;
  g_autofree const char **headers = g_new0 (const char *, np + 1);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  lxw_row_t row;
  lxw_row_t fit_row = 0, nl_row = 0;
  gboolean any_uncertainty = FALSE;

  put_span (b, s, 0, 0, TR (b, "Comparison of packages", "Vergelijking van pakketten"), b->f_title);
  {
    g_autofree char *sub = g_strdup_printf (TR (b, "%u packages, headline figures side by side", "%u pakketten, kerncijfers naast elkaar"), np);
    put_span (b, s, 1, 0, sub, b->f_subtitle);
  }

  headers[0] = TR (b, "Figure", "Cijfer");
  for (guint p = 0; p < np; p++)
    {
      const MpPackage *pkg = g_ptr_array_index (packages, p);
      char *h = clean_line (pkg->name, 60);

      g_ptr_array_add (owned, h);
      headers[1 + p] = h;
      sheet_cap (s, 1 + p, 22);
      any_uncertainty |= ((const MpEvaluation *) g_ptr_array_index (evaluations, p))->has_uncertainty;
    }

  row = header + 1;
  /* Partner(s) */
  put_text (b, s, row, 0, TR (b, "Partner", "Partner"), b->f_text);
  for (guint p = 0; p < np; p++)
    {
      g_autofree char *pt = partners_text (g_ptr_array_index (packages, p), ref);
      put_text (b, s, row, 1 + p, pt, b->f_wrap);
    }
  row++;
  put_text (b, s, row, 0, TR (b, "Schemes", "Regelingen"), b->f_text);
  for (guint p = 0; p < np; p++)
    {
      const MpPackage *pkg = g_ptr_array_index (packages, p);
      put_num (b, s, row, 1 + p, pkg->schemes != NULL ? pkg->schemes->len : 0, b->f_int);
    }
  row++;
  put_text (b, s, row, 0, TR (b, "Horizon", "Horizon"), b->f_text);
  for (guint p = 0; p < np; p++)
    {
      const MpEvaluation *e = g_ptr_array_index (evaluations, p);
      g_autofree char *h = g_strdup_printf ("%d–%d", e->start_year, e->start_year + e->n_years - 1);
      put_text (b, s, row, 1 + p, h, b->f_text);
    }
  row++;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      MpHeadline h = order[i];

      put_text (b, s, row, 0, TR (b, headline_text[h].en, headline_text[h].nl), b->f_text);
      if (h == MP_HEADLINE_FIT)
        fit_row = row;
      if (h == MP_HEADLINE_NL_BENEFIT)
        nl_row = row;
      for (guint p = 0; p < np; p++)
        {
          const MpEvaluation *e = g_ptr_array_index (evaluations, p);

          if (h == MP_HEADLINE_BALANCE && fit_row > 0 && nl_row > 0)
            {
              g_autofree char *a = cell_name (fit_row, 1 + p);
              g_autofree char *c = cell_name (nl_row, 1 + p);
              g_autofree char *formula = g_strdup_printf ("=%s-%s", a, c);

              put_formula (b, s, row, 1 + p, formula,
                           e->headline[MP_HEADLINE_FIT] - e->headline[MP_HEADLINE_NL_BENEFIT],
                           headline_format (b, h, FALSE));
            }
          else
            put_num (b, s, row, 1 + p, e->headline[h], headline_format (b, h, FALSE));
        }
      row++;
      if (any_uncertainty && h != MP_HEADLINE_BALANCE)
        {
          g_autofree char *label = g_strdup_printf ("    P10–P90");
          put_text (b, s, row, 0, label, b->f_note);
          for (guint p = 0; p < np; p++)
            {
              const MpEvaluation *e = g_ptr_array_index (evaluations, p);
              g_autofree char *range = NULL;

              if (!e->has_uncertainty)
                {
                  put_text (b, s, row, 1 + p, "–", b->f_note);
                  continue;
                }
              {
                int digits = headline_format (b, h, FALSE) == b->f_dec1 ? 1 : 0;
                g_autofree char *lo = format_grouped (b, e->quantiles[h].p10, digits);
                g_autofree char *hi = format_grouped (b, e->quantiles[h].p90, digits);

                range = g_strdup_printf ("%s – %s", lo, hi);
              }
              put_text (b, s, row, 1 + p, range, b->f_note);
            }
          row++;
        }
    }

  for (int sev = MP_SEVERITY_BLOCK; sev >= MP_SEVERITY_NOTE; sev--)
    {
      put_text (b, s, row, 0, TR (b, severity_text[sev].en, severity_text[sev].nl), severity_format (b, sev));
      for (guint p = 0; p < np; p++)
        {
          const MpEvaluation *e = g_ptr_array_index (evaluations, p);
          put_num (b, s, row, 1 + p, sev == MP_SEVERITY_BLOCK ? e->n_blocks : sev == MP_SEVERITY_WARNING ? e->n_warnings : e->n_notes, b->f_int);
        }
      row++;
    }

  add_table (b, s, header, 0, row - 1, headers, np + 1);
  sheet_cap (s, 0, 46);
  record (b, worksheet_repeat_rows (s->ws, header, header));
  worksheet_freeze_panes (s->ws, header + 1, 1);
  sheet_finish (b, s, 0);
}

static void
write_deal_map (Brief     *b,
                Sheet     *s,
                GPtrArray *packages,
                GPtrArray *evaluations)
{
  const char *headers[] = {
    TR (b, "Package", "Pakket"), TR (b, "NL benefit", "NL-belang"),
    TR (b, "Partner fit", "Aansluiting partner"), TR (b, "Balance", "Balans"),
  };
  const guint np = packages->len;
  const lxw_row_t header = 3;
  lxw_chart *chart;
  lxw_chart_options place = { .x_offset = 5, .y_offset = 5, .x_scale = 1.3, .y_scale = 1.6,
                              .object_position = LXW_OBJECT_MOVE_DONT_SIZE };
  lxw_row_t diag;

  worksheet_fit_to_pages (s->ws, 1, 1);
  put_span (b, s, 0, 0, TR (b, "Deal map", "Dealkaart"), b->f_title);
  put_para (b, s, 1, 0, LAST_COL,
            TR (b, "x = Netherlands benefit, y = partner-interest fit (0–100). Below the diagonal the Netherlands is the asking party [EV §3.1].",
                   "x = Nederlands belang, y = aansluiting bij partnerbelangen (0–100). Onder de diagonaal is Nederland de vragende partij [EV §3.1]."),
            b->f_note);
  for (guint p = 0; p < np; p++)
    {
      const MpPackage *pkg = g_ptr_array_index (packages, p);
      const MpEvaluation *e = g_ptr_array_index (evaluations, p);
      lxw_row_t r = header + 1 + p;
      g_autofree char *name = clean_line (pkg->name, 200);
      g_autofree char *x = cell_name (r, 1);
      g_autofree char *y = cell_name (r, 2);
      g_autofree char *formula = g_strdup_printf ("=%s-%s", y, x);

      put_text (b, s, r, 0, name, b->f_text);
      put_num (b, s, r, 1, e->headline[MP_HEADLINE_NL_BENEFIT], b->f_dec1);
      put_num (b, s, r, 2, e->headline[MP_HEADLINE_FIT], b->f_dec1);
      put_formula (b, s, r, 3, formula,
                   e->headline[MP_HEADLINE_FIT] - e->headline[MP_HEADLINE_NL_BENEFIT], b->f_dec1);
    }
  add_table (b, s, header, 0, header + np, headers, G_N_ELEMENTS (headers));

  /* The diagonal (balance = 0), as a two-point series. */
  diag = header + np + 2;
  put_text (b, s, diag, 0, TR (b, "Balance = 0", "Balans = 0"), b->f_note);
  put_num (b, s, diag, 1, 0, b->f_dec1);
  put_num (b, s, diag, 2, 0, b->f_dec1);
  put_num (b, s, diag + 1, 1, 100, b->f_dec1);
  put_num (b, s, diag + 1, 2, 100, b->f_dec1);

  chart = workbook_add_chart (b->wb, LXW_CHART_SCATTER);
  if (chart == NULL)
    {
      record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  for (guint p = 0; p < np; p++)
    {
      lxw_row_t r = header + 1 + p;
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, s->name, r, 1, r, 1);
      chart_series_set_values (series, s->name, r, 2, r, 2);
      chart_series_set_name_range (series, s->name, r, 0);
      static const lxw_color_t palette[MP_BRIEF_MAX_COMPARE] = {
        0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF,
      };
      lxw_chart_fill fill = { .color = palette[p % MP_BRIEF_MAX_COMPARE] };
      lxw_chart_line edge = { .color = palette[p % MP_BRIEF_MAX_COMPARE] };

      chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
      chart_series_set_marker_size (series, 10);
      chart_series_set_marker_fill (series, &fill);
      chart_series_set_marker_line (series, &edge);
    }
  {
    lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
    lxw_chart_line dash = { .color = 0x808080, .dash_type = LXW_CHART_LINE_DASH_DASH, .width = 1 };

    chart_series_set_categories (series, s->name, diag, 1, diag + 1, 1);
    chart_series_set_values (series, s->name, diag, 2, diag + 1, 2);
    chart_series_set_name_range (series, s->name, diag, 0);
    chart_series_set_marker_type (series, LXW_CHART_MARKER_NONE);
    chart_series_set_line (series, &dash);
  }
  chart_title_set_name (chart, TR (b, "Deal map", "Dealkaart"));
  chart_axis_set_name (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_X), TR (b, "Netherlands benefit", "Nederlands belang"));
  chart_axis_set_name (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y), TR (b, "Partner-interest fit", "Aansluiting bij partnerbelangen"));
  chart_axis_set_min (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_X), 0);
  chart_axis_set_max (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_X), 100);
  chart_axis_set_min (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y), 0);
  chart_axis_set_max (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y), 100);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_RIGHT);
  insert_chart (b, s, diag + 3, 0, chart, &place);

  sheet_cap (s, 0, 46);
  record (b, worksheet_repeat_rows (s->ws, header, header));
  sheet_finish (b, s, 0);
}

static void
write_person_years (Brief             *b,
                    Sheet             *s,
                    GPtrArray         *packages,
                    GPtrArray         *evaluations)
{
  const guint np = packages->len;
  const lxw_row_t header = 3;
  g_autofree const char **headers = g_new0 (const char *, np + 1);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  int y0 = G_MAXINT, y1 = G_MININT;
  int ny;
  lxw_row_t total_row;
  lxw_chart *chart;
  lxw_chart_options place = { .x_offset = 5, .y_offset = 5, .x_scale = 1.6, .y_scale = 1.2,
                              .object_position = LXW_OBJECT_MOVE_DONT_SIZE };

  put_span (b, s, 0, 0, TR (b, "Person-years a year, per package", "Persoonsjaren per jaar, per pakket"), b->f_title);
  put_para (b, s, 1, 0, LAST_COL, TR (b, "“–”: the year lies outside the package’s horizon.", "“–”: het jaar valt buiten de horizon van het pakket."), b->f_note);

  for (guint p = 0; p < np; p++)
    {
      const MpEvaluation *e = g_ptr_array_index (evaluations, p);

      if (e->n_years <= 0)
        continue;
      y0 = MIN (y0, e->start_year);
      y1 = MAX (y1, e->start_year + e->n_years - 1);
    }
  if (y0 > y1)
    {
      put_para (b, s, header, 0, LAST_COL, TR (b, "The projections have no years.", "De projecties hebben geen jaren."), b->f_note);
      sheet_finish (b, s, 0);
      return;
    }
  ny = y1 - y0 + 1;
  if (ny <= 25)
    worksheet_fit_to_pages (s->ws, 1, 1);

  headers[0] = TR (b, "Year", "Jaar");
  for (guint p = 0; p < np; p++)
    {
      char *h = clean_line (((const MpPackage *) g_ptr_array_index (packages, p))->name, 60);

      g_ptr_array_add (owned, h);
      headers[1 + p] = h;
      sheet_cap (s, 1 + p, 22);
    }
  for (int t = 0; t < ny; t++)
    {
      lxw_row_t r = header + 1 + t;

      put_num (b, s, r, 0, y0 + t, b->f_year);
      for (guint p = 0; p < np; p++)
        {
          const MpEvaluation *e = g_ptr_array_index (evaluations, p);
          const MpYear *y = mp_evaluation_year (e, y0 + t);

          if (y != NULL)
            put_num (b, s, r, 1 + p, y->person_years, b->f_int);
          else
            put_text (b, s, r, 1 + p, "–", b->f_text);
        }
    }
  add_table (b, s, header, 0, header + ny, headers, np + 1);

  total_row = header + ny + 1;
  put_text (b, s, total_row, 0, TR (b, "Total", "Totaal"), b->f_total_label);
  for (guint p = 0; p < np; p++)
    {
      const MpEvaluation *e = g_ptr_array_index (evaluations, p);
      g_autofree char *range = range_ref (header + 1, 1 + p, header + ny, 1 + p);
      g_autofree char *formula = g_strdup_printf ("=SUM(%s)", range);
      double sum = 0;

      for (int t = 0; t < e->n_years; t++)
        sum += isfinite (e->total[t].person_years) ? e->total[t].person_years : 0;
      put_formula (b, s, total_row, 1 + p, formula, sum, b->f_total_int);
    }

  chart = workbook_add_chart (b->wb, LXW_CHART_COLUMN);
  if (chart == NULL)
    {
      record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  for (guint p = 0; p < np; p++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, s->name, header + 1, 0, header + ny, 0);
      chart_series_set_values (series, s->name, header + 1, 1 + p, header + ny, 1 + p);
      chart_series_set_name_range (series, s->name, header, 1 + p);
    }
  chart_title_set_name (chart, TR (b, "Person-years a year", "Persoonsjaren per jaar"));
  chart_axis_set_num_format (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y), NUM_INT);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  insert_chart (b, s, total_row + 2, 0, chart, &place);

  record (b, worksheet_repeat_rows (s->ws, header, header));
  worksheet_freeze_panes (s->ws, header + 1, 1);
  sheet_finish (b, s, 0);
}

/**
 * mp_brief_write_comparison:
 * @packages: (element-type MpPackage): 2 to 8 packages
 * @evaluations: (element-type MpEvaluation): their evaluations, in the same order
 * @ref: the reference data
 * @opts: (nullable): language, date and author
 * @path: the .xlsx file to write
 * @error: return location for an #MP_BRIEF_ERROR
 *
 * Writes the comparison workbook: the sheets Comparison (headline figures side
 * by side), Deal map (NL benefit against partner fit) and Person-years (per
 * year and package).  Written like mp_brief_write(): complete or not at all.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 */
gboolean
mp_brief_write_comparison (GPtrArray            *packages,
                           GPtrArray            *evaluations,
                           const MpReference    *ref,
                           const MpBriefOptions *opts,
                           const char           *path,
                           GError              **error)
{
  Brief b = { 0 };
  g_autoptr(Sheet) cmp = NULL;
  g_autoptr(Sheet) map = NULL;
  g_autoptr(Sheet) py = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  GString *subject;
  gboolean ok;

  g_return_val_if_fail (packages != NULL, FALSE);
  g_return_val_if_fail (evaluations != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (packages->len < MP_BRIEF_MIN_COMPARE || packages->len > MP_BRIEF_MAX_COMPARE)
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                   _("A comparison takes %d to %d packages, not %u"),
                   MP_BRIEF_MIN_COMPARE, MP_BRIEF_MAX_COMPARE, packages->len);
      return FALSE;
    }
  if (evaluations->len != packages->len)
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                   _("A comparison needs one evaluation for each package"));
      return FALSE;
    }
  for (guint i = 0; i < packages->len; i++)
    {
      const MpEvaluation *e = g_ptr_array_index (evaluations, i);

      if (g_ptr_array_index (packages, i) == NULL || e == NULL ||
          e->n_years < 0 || (e->n_years > 0 && e->total == NULL))
        {
          g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                       _("A comparison needs one evaluation for each package"));
          return FALSE;
        }
    }

  {
    const MpBriefOptions *o = opts;
    gboolean dutch = o != NULL && o->language != NULL && g_str_equal (o->language, "nl");

    header = g_strdup_printf (dutch ? "Vergelijking van %u pakketten" : "Comparison of %u packages", packages->len);
  }
  if (!brief_init (&b, opts, header, error))
    {
      brief_clear (&b);
      return FALSE;
    }
  tmp = open_temporary (path, error);
  if (tmp == NULL)
    {
      brief_clear (&b);
      return FALSE;
    }

  subject = g_string_new (NULL);
  for (guint i = 0; i < packages->len; i++)
    {
      g_autofree char *n = clean_line (((const MpPackage *) g_ptr_array_index (packages, i))->name, 60);
      g_string_append_printf (subject, "%s%s", i > 0 ? "; " : "", n);
    }
  title = g_strdup_printf ("%s: %s", TR (&b, "Comparison brief", "Vergelijkingsnotitie"), header);
  if (workbook_open (&b, tmp, title, subject->str, error) == NULL)
    {
      g_string_free (subject, TRUE);
      g_unlink (tmp);
      brief_clear (&b);
      return FALSE;
    }
  g_string_free (subject, TRUE);

  cmp = sheet_new (&b, TR (&b, "Comparison", "Vergelijking"), packages->len > 3);
  map = sheet_new (&b, TR (&b, "Deal map", "Dealkaart"), TRUE);
  py = sheet_new (&b, TR (&b, "Person-years", "Persoonsjaren"), packages->len > 3);
  if (b.err == LXW_NO_ERROR)
    {
      write_comparison_table (&b, cmp, packages, evaluations, ref);
      write_deal_map (&b, map, packages, evaluations);
      write_person_years (&b, py, packages, evaluations);
      worksheet_activate (cmp->ws);
    }

  ok = workbook_finish (&b, tmp, path, error);
  brief_clear (&b);
  return ok;
}
