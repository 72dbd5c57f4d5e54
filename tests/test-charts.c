/* test-charts.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "mp-assumptions.h"
#include "mp-bar-list.h"
#include "mp-deal-map.h"
#include "mp-evaluation.h"
#include "mp-fan-chart.h"
#include "mp-format.h"
#include "mp-projection-chart.h"
#include "mp-risk-matrix.h"
#include "mp-tornado-chart.h"

/* The chart widgets, drawn for real under Xvfb: each is shown in a window,
 * rendered through GtkSnapshot → GskRenderer → GdkTexture into a PNG in the
 * test's temporary directory, checked for non-trivial pixels, for its
 * accessible label, and for the tooltip at a known bar or point.
 *
 * With MP_CHART_SCREENSHOT_DIR set, the window around each chart is also
 * saved in light and dark style, and the print rendering next to it. */

static gboolean have_display;
static char *tmp_dir;

#define START_YEAR 2027
#define N_YEARS 10

/* ---- a hand-made evaluation --------------------------------------------- */

static void
component_clear (gpointer data)
{
  MpComponent *c = data;

  g_free (c->key);
  g_free (c->label);
  g_free (c->unit);
  g_free (c->partner);
}

static void
measure_clear (gpointer data)
{
  MpMeasure *m = data;

  g_free (m->measure);
  g_free (m->partner);
}

static void
swing_clear (gpointer data)
{
  MpSwing *s = data;

  g_free (s->assumption);
}

/* Care: 100·(y+1) person-years for the first five years, then 500.
 * Agriculture: 50 a year.  ICT: nothing (left out of the chart).
 * Remittances: €1 m·(y+1).  So in 2028 (y = 1): care 200, agriculture 50,
 * all sectors 250, remittances €2.0 m. */
static MpEvaluation *
make_evaluation (gboolean with_uncertainty)
{
  MpEvaluation *eval = g_new0 (MpEvaluation, 1);
  static const char *codes[] = { "health_social_care", "agriculture", "ict", NULL };

  eval->start_year = START_YEAR;
  eval->n_years = N_YEARS;
  eval->n_schemes = 2;
  eval->n_sectors = 3;
  eval->sector_codes = g_strdupv ((char **) codes);
  eval->total = g_new0 (MpYear, N_YEARS);
  eval->by_sector = g_new0 (MpYear, 3 * N_YEARS);

  for (int y = 0; y < N_YEARS; y++)
    {
      double care = y < 5 ? 100.0 * (y + 1) : 500.0;

      eval->by_sector[0 * N_YEARS + y].person_years = care;
      eval->by_sector[1 * N_YEARS + y].person_years = 50;
      eval->by_sector[2 * N_YEARS + y].person_years = 0;
      eval->total[y].person_years = care + 50;
      eval->total[y].remittances = 1e6 * (y + 1);
    }

  eval->fit_components = g_array_new (FALSE, TRUE, sizeof (MpComponent));
  g_array_set_clear_func (eval->fit_components, component_clear);
  {
    MpComponent c[] = {
      { g_strdup ("labour-mobility"), g_strdup ("Labour mobility"), 4, 1020, 1275, 0.55, g_strdup ("admissions a year"), g_strdup ("MAR") },
      { g_strdup ("skills"), g_strdup ("Skills and training"), 3, 400, 500, 0.5507, g_strdup ("trainees a year"), g_strdup ("MAR") },
      { g_strdup ("remittances"), g_strdup ("Remittances"), 5, 31e6, 11e6, 0.94, g_strdup ("€ a year"), g_strdup ("MAR") },
      { g_strdup ("visa"), g_strdup ("Visa facilitation"), 0, 0, 1, 0, g_strdup ("level"), g_strdup ("MAR") },
    };

    g_array_append_vals (eval->fit_components, c, G_N_ELEMENTS (c));
  }
  eval->nl_components = g_array_new (FALSE, TRUE, sizeof (MpComponent));
  g_array_set_clear_func (eval->nl_components, component_clear);

  eval->findings = g_ptr_array_new ();

  eval->measures = g_array_new (FALSE, TRUE, sizeof (MpMeasure));
  g_array_set_clear_func (eval->measures, measure_clear);
  {
    MpMeasure m[] = {
      { g_strdup ("Talent partnership: care"), g_strdup ("MAR"), MP_RISK_MEDIUM, MP_RISK_LOW, FALSE,
        MP_MONITOR_STANDARD_REVIEW, 0, -1, -1 },
      { g_strdup ("Return and readmission"), g_strdup ("MAR"), MP_RISK_MEDIUM, MP_RISK_HIGH, FALSE,
        MP_MONITOR_ENHANCED_SUSPENSION, -1, -1, 0 },
      { g_strdup ("Push- or pullbacks"), g_strdup ("MAR"), MP_RISK_MEDIUM, MP_RISK_HIGH, TRUE,
        MP_MONITOR_NOT_ALLOWED, -1, -1, 1 },
    };

    g_array_append_vals (eval->measures, m, G_N_ELEMENTS (m));
  }

  eval->swings = g_array_new (FALSE, TRUE, sizeof (MpSwing));
  g_array_set_clear_func (eval->swings, swing_clear);

  if (with_uncertainty)
    {
      /* Deliberately not sorted: the chart sorts, widest first. */
      MpSwing s[] = {
        { g_strdup ("remittance-share"), 66.0, 69.5, 68.0, 53.0, 55.0, 54.0 },
        { g_strdup ("fill-rate"), 61.5, 72.0, 68.0, 50.0, 57.0, 54.0 },
        { g_strdup ("no-such-assumption"), 67.0, 68.5, 68.0, 54.0, 54.0, 54.0 },
      };

      g_array_append_vals (eval->swings, s, G_N_ELEMENTS (s));
      eval->has_uncertainty = TRUE;
      eval->draws = 1000;
      eval->seed = 42;
      eval->person_years_by_year = g_new0 (MpQuantiles, N_YEARS);
      for (int y = 0; y < N_YEARS; y++)
        {
          double mid = eval->total[y].person_years;

          eval->person_years_by_year[y].p10 = mid * 0.8;
          eval->person_years_by_year[y].p50 = mid * 0.97;
          eval->person_years_by_year[y].p90 = mid * 1.15;
          eval->person_years_by_year[y].mean = mid;
        }
    }

  eval->headline[MP_HEADLINE_FIT] = 68;
  eval->headline[MP_HEADLINE_NL_BENEFIT] = 54;

  return eval;
}

static MpReference *
make_reference (void)
{
  MpReference *ref = mp_reference_new ();

  g_ptr_array_add (ref->sectors, mp_sector_new ("health_social_care", "Health and social care"));
  g_ptr_array_add (ref->sectors, mp_sector_new ("agriculture", "Agriculture"));
  g_ptr_array_add (ref->sectors, mp_sector_new ("ict", "ICT"));

  return ref;
}

/* ---- helpers -------------------------------------------------------------- */

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Queues a redraw and waits until the window has painted a frame (which
 * records the chart's hit areas and refreshes its paintable). */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

/* Shows @chart alone in a window of the given size, painted. */
static GtkWindow *
show_in_window (GtkWidget *chart,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, chart);
  gtk_window_present (window);

  while (!gtk_widget_get_mapped (chart) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (chart));

  wait_for_paint (chart);

  return window;
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;

  /* A widget paintable takes its image when it is made: after the paint */
  wait_for_paint (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

typedef struct
{
  int     width;
  int     height;
  gsize   stride;
  guchar *data;   /* CAIRO_FORMAT_ARGB32, premultiplied */
} Pixels;

static void
pixels_clear (Pixels *p)
{
  g_clear_pointer (&p->data, g_free);
}

static void
pixels_from_texture (Pixels     *p,
                     GdkTexture *texture)
{
  p->width = gdk_texture_get_width (texture);
  p->height = gdk_texture_get_height (texture);
  p->stride = p->width * 4;
  p->data = g_malloc (p->stride * p->height);
  gdk_texture_download (texture, p->data, p->stride);
}

static guint32
pixel_at (const Pixels *p,
          int           x,
          int           y)
{
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, p->width);
  g_assert_cmpint (y, <, p->height);

  return *(guint32 *) (p->data + y * p->stride + x * 4);
}

/* A drawn chart has many colours and many pixels unlike the first one; an
 * empty or failed rendering has one colour (or a handful). */
static void
assert_non_trivial (const Pixels *p)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  guint32 first = pixel_at (p, 0, 0);
  gsize differing = 0;

  for (int y = 0; y < p->height; y++)
    for (int x = 0; x < p->width; x++)
      {
        guint32 v = pixel_at (p, x, y);

        g_hash_table_add (colours, GUINT_TO_POINTER (v));
        if (v != first)
          differing++;
      }

  g_assert_cmpuint (g_hash_table_size (colours), >=, 16);
  g_assert_cmpuint (differing, >=, (gsize) (p->width * p->height) / 50);
}

/* Compares a pixel with an opaque colour, within a small tolerance. */
static void
assert_pixel_near (const Pixels *p,
                   int           x,
                   int           y,
                   const char   *colour)
{
  guint32 v = pixel_at (p, x, y);
  GdkRGBA want;

  g_assert_true (gdk_rgba_parse (&want, colour));
  g_assert_cmpint ((v >> 24) & 0xff, ==, 0xff);
  g_assert_cmpint (ABS ((int) ((v >> 16) & 0xff) - (int) round (want.red * 255)), <=, 6);
  g_assert_cmpint (ABS ((int) ((v >> 8) & 0xff) - (int) round (want.green * 255)), <=, 6);
  g_assert_cmpint (ABS ((int) (v & 0xff) - (int) round (want.blue * 255)), <=, 6);
}

static void
save_texture (GdkTexture *texture,
              const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Scans the chart for points whose tooltip is @expected and returns their
 * centre and the lowest of them; fails when there is none. */
static void
find_tooltip_full (GtkWidget  *chart,
                   const char *expected,
                   double     *cx,
                   double     *cy,
                   double     *max_y)
{
  double sx = 0, sy = 0, my = 0;
  guint n = 0;

  for (int y = 0; y < gtk_widget_get_height (chart); y += 3)
    for (int x = 0; x < gtk_widget_get_width (chart); x += 3)
      {
        g_autofree char *text = mp_chart_dup_tooltip_at (MP_CHART (chart), x, y);

        if (g_strcmp0 (text, expected) == 0)
          {
            sx += x;
            sy += y;
            my = MAX (my, y);
            n++;
          }
      }

  if (n == 0)
    g_error ("No point of the chart has the tooltip:\n%s", expected);

  *cx = sx / n;
  *cy = sy / n;
  if (max_y != NULL)
    *max_y = my;
}

static void
find_tooltip (GtkWidget  *chart,
              const char *expected,
              double     *cx,
              double     *cy)
{
  find_tooltip_full (chart, expected, cx, cy, NULL);
}

/* Through the real signal, as GTK asks when the pointer rests there. */
static gboolean
query_tooltip (GtkWidget *chart,
               int        x,
               int        y)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (chart, "query-tooltip", x, y, FALSE, tooltip, &shown);
  return shown;
}

static void
assert_accessible_label (GtkWidget  *chart,
                         const char *label)
{
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

static void
assert_accessible_description (GtkWidget  *chart,
                               const char *description)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
}

/* The print path: the same drawing into a plain cairo image surface. */
static void
check_draw_function (GtkWidget  *chart,
                     const char *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 300);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *file = g_strdup_printf ("%s-print.png", name);
  g_autofree char *path = g_build_filename (tmp_dir, file, NULL);
  Pixels p = { 0 };

  mp_chart_draw (MP_CHART (chart), cr, 480, 300, MP_CHART_STYLE_PRINT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  p.width = 480;
  p.height = 300;
  p.stride = cairo_image_surface_get_stride (surface);
  p.data = g_memdup2 (cairo_image_surface_get_data (surface), p.stride * p.height);
  assert_non_trivial (&p);
  /* Paper is white */
  assert_pixel_near (&p, 0, 0, "#ffffff");
  pixels_clear (&p);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Optional: screenshots for people to look at. */
static void
maybe_screenshot (GtkWindow  *window,
                  GtkWidget  *chart,
                  const char *name)
{
  const char *dir = g_getenv ("MP_CHART_SCREENSHOT_DIR");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  const char *suffix[] = { "light", "dark" };

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, suffix[i]);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GdkTexture) texture = NULL;

      adw_style_manager_set_color_scheme (manager, schemes[i]);
      texture = render_widget (GTK_WIDGET (window));
      gdk_texture_save_to_png (texture, path);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 600);
    cairo_t *cr = cairo_create (surface);
    g_autofree char *file = g_strdup_printf ("%s-print.png", name);
    g_autofree char *path = g_build_filename (dir, file, NULL);

    /* 1000 × 600 px for a 500 × 300 pt chart: twice the scale, to read */
    cairo_scale (cr, 2, 2);
    mp_chart_draw (MP_CHART (chart), cr, 500, 300, MP_CHART_STYLE_PRINT);
    cairo_destroy (cr);
    cairo_surface_write_to_png (surface, path);
    cairo_surface_destroy (surface);
  }
}

/* Renders, saves and checks the pixels of a shown chart. */
static void
check_rendering (GtkWidget  *chart,
                 Pixels     *pixels,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = render_widget (chart);
  g_autofree char *file = g_strdup_printf ("%s.png", name);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (chart));
  save_texture (texture, file);
  pixels_from_texture (pixels, texture);
  assert_non_trivial (pixels);
}

#define SKIP_WITHOUT_DISPLAY()           \
  G_STMT_START {                         \
    if (!have_display)                   \
      {                                  \
        g_test_skip ("No display");      \
        return;                          \
      }                                  \
  } G_STMT_END

/* ---- mp-format ------------------------------------------------------------ */

static void
test_format_c_locale (void)
{
  char *s;

  /* LC_ALL=C.UTF-8: the locale groups nothing, so mp-format groups with commas
   * as the English interface does; '.' as decimal separator */
#define CHECK(expr, want) s = (expr); g_assert_cmpstr (s, ==, want); g_free (s)
  CHECK (mp_format_number (1234.5, 1), "1,234.5");
  CHECK (mp_format_number (-1234567, 0), "-1,234,567");
  CHECK (mp_format_number (999, 0), "999");
  CHECK (mp_format_number (2609.6, 0), "2,610");
  CHECK (mp_format_number (-0.2, 0), "0");         /* never "-0" */
  CHECK (mp_format_number (-1.25, 1), "-1.2");     /* round half to even in printf */
  CHECK (mp_format_number (NAN, 1), "\u2013");
  CHECK (mp_format_signed_number (14, 0), "+14");
  CHECK (mp_format_signed_number (-3.04, 1), "-3.0");
  CHECK (mp_format_signed_number (0.04, 1), "0.0");
  CHECK (mp_format_money (31e6), "€31 m");          /* ≥ 10 m: whole millions */
  CHECK (mp_format_money (3.44e6), "€3.4 m");       /* < 10 m: one decimal */
  CHECK (mp_format_money (1.25e9), "€1.2 bn");
  CHECK (mp_format_money (31500), "€31,500");
  CHECK (mp_format_money (-2e6), "-€2.0 m");
  CHECK (mp_format_money (-0.3), "€0");
  CHECK (mp_format_percent (12.5, 1), "12.5%");
  /* axis ticks: one unit and one number of decimals for all */
  CHECK (mp_format_money_scaled (0, 1e6, 0), "€0 m");
  CHECK (mp_format_money_scaled (1.25e9, 1e6, 0), "€1,250 m");
  CHECK (mp_format_money_scaled (2.5e8, 1e9, 2), "€0.25 bn");
#undef CHECK
}

/* Compiles the nl_NL.UTF-8 locale into the test's directory when the system
 * has the sources but not the compiled locale (Debian's locales package). */
static gboolean
ensure_dutch_locale (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *localedef = NULL;
  int wait_status = 0;

  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") != NULL)
    return TRUE;
  localedef = g_find_program_in_path ("localedef");
  if (localedef == NULL || !g_file_test ("/usr/share/i18n/locales/nl_NL", G_FILE_TEST_EXISTS))
    return FALSE;

  dir = g_build_filename (tmp_dir, "locale", NULL);
  out = g_build_filename (dir, "nl_NL.UTF-8", NULL);
  g_mkdir_with_parents (dir, 0755);
  {
    const char *argv[] = { localedef, "-i", "nl_NL", "-f", "UTF-8", out, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &wait_status, NULL))
      return FALSE;
  }
  g_setenv ("LOCPATH", dir, TRUE);

  return setlocale (LC_NUMERIC, "nl_NL.UTF-8") != NULL;
}

static void
test_format_dutch (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  char *s;

  if (!ensure_dutch_locale ())
    {
      g_test_skip ("The nl_NL.UTF-8 locale is not available");
      return;
    }

  /* Dutch: '.' groups thousands, ',' separates decimals */
#define CHECK(expr, want) s = (expr); g_assert_cmpstr (s, ==, want); g_free (s)
  CHECK (mp_format_number (1234.5, 1), "1.234,5");
  CHECK (mp_format_number (2610, 0), "2.610");
  CHECK (mp_format_number (1234567.891, 2), "1.234.567,89");
  CHECK (mp_format_signed_number (-1540, 0), "-1.540");
  /* the number inside the (here untranslated) unit follows the locale */
  CHECK (mp_format_money (3.44e6), "€3,4 m");
  CHECK (mp_format_money (31500), "€31.500");
  CHECK (mp_format_money_scaled (2.5e8, 1e6, 0), "€250 m");
  CHECK (mp_format_percent (12.5, 1), "12,5%");
#undef CHECK

  setlocale (LC_NUMERIC, saved);
  g_unsetenv ("LOCPATH");
}

/* ---- the charts --------------------------------------------------------------- */

static void
test_projection (void)
{
  g_autoptr(MpEvaluation) eval = NULL;
  g_autoptr(MpReference) ref = NULL;
  GtkWidget *chart;
  GtkWindow *window;
  Pixels pixels = { 0 };
  double x28, y28, bottom28, x33, y33;

  SKIP_WITHOUT_DISPLAY ();

  eval = make_evaluation (FALSE);
  ref = make_reference ();
  chart = mp_projection_chart_new ();
  mp_projection_chart_set_evaluation (MP_PROJECTION_CHART (chart), eval, ref);
  window = show_in_window (chart, 640, 360);

  check_rendering (chart, &pixels, "projection");
  assert_accessible_label (chart, "Projected person-years by sector");

  /* 2028: care 200 of 250 person-years, remittances €1 m · 2 */
  find_tooltip_full (chart, "2028 · Health and social care: 200 person-years\n"
                     "All sectors: 250 person-years\n"
                     "Remittances: €2.0 m", &x28, &y28, &bottom28);
  /* 2033 (y = 6): agriculture 50 of 550, remittances €7.0 m */
  find_tooltip (chart, "2033 · Agriculture: 50 person-years\n"
                "All sectors: 550 person-years\n"
                "Remittances: €7.0 m", &x33, &y33);
  g_assert_cmpfloat (x28, <, x33);
  /* agriculture stacks above care (care is the larger sector) */
  g_assert_cmpfloat (y33, <, y28);

  /* The care segment is drawn in the first (blue, unpatterned) series colour,
   * where the tooltip says it is (near its foot: the remittance line crosses
   * its middle) */
  assert_pixel_near (&pixels, (int) x28, (int) bottom28 - 2, "#0072b2");

  g_assert_true (query_tooltip (chart, (int) x28, (int) y28));
  g_assert_false (query_tooltip (chart, 1, 1));

  check_draw_function (chart, "projection");
  maybe_screenshot (window, chart, "projection");

  /* Empty state */
  mp_projection_chart_set_evaluation (MP_PROJECTION_CHART (chart), NULL, NULL);
  assert_accessible_description (chart, "No schemes in this package");
  maybe_screenshot (window, chart, "projection-empty");

  pixels_clear (&pixels);
  gtk_window_destroy (window);
}

static void
test_deal_map (void)
{
  const MpDealPoint points[] = {
    { "Care talent + home", 54, 68, TRUE },
    { "Agri circular GECCO", 61, 47, FALSE },
    { "Regional Maghreb", 38, 71, FALSE },
    { "No scores yet", NAN, NAN, FALSE },
  };
  GtkWidget *chart;
  GtkWindow *window;
  Pixels pixels = { 0 };
  double cx, cy, ax, ay;

  SKIP_WITHOUT_DISPLAY ();

  chart = mp_deal_map_new ();
  mp_deal_map_set_points (MP_DEAL_MAP (chart), points, G_N_ELEMENTS (points));
  g_assert_cmpuint (mp_deal_map_get_n_points (MP_DEAL_MAP (chart)), ==, 4);
  window = show_in_window (chart, 480, 400);

  check_rendering (chart, &pixels, "deal-map");
  assert_accessible_label (chart, "Deal map");
  /* balance = fit − NL benefit = 68 − 54 */
  assert_accessible_description (chart,
                                 "4 packages: partner fit against Netherlands benefit. "
                                 "Care talent + home (selected): fit 68, Netherlands benefit 54, balance +14. "
                                 "Agri circular GECCO: fit 47, Netherlands benefit 61, balance -14. "
                                 "Regional Maghreb: fit 71, Netherlands benefit 38, balance +33. "
                                 "No scores yet: fit \u2013, Netherlands benefit \u2013, balance \u2013.");

  find_tooltip (chart, "Care talent + home (selected)\nPartner fit: 68.0\nNetherlands benefit: 54.0\nBalance: +14.0",
                &cx, &cy);
  find_tooltip (chart, "Agri circular GECCO\nPartner fit: 47.0\nNetherlands benefit: 61.0\nBalance: -14.0",
                &ax, &ay);
  /* more NL benefit is further right, more fit is higher up */
  g_assert_cmpfloat (ax, >, cx);
  g_assert_cmpfloat (ay, >, cy);
  g_assert_true (query_tooltip (chart, (int) cx, (int) cy));

  check_draw_function (chart, "deal-map");
  maybe_screenshot (window, chart, "deal-map");

  pixels_clear (&pixels);
  gtk_window_destroy (window);
}

static void
test_fan (void)
{
  g_autoptr(MpEvaluation) eval = NULL;
  g_autoptr(MpEvaluation) before = NULL;
  GtkWidget *chart;
  GtkWindow *window;
  Pixels pixels = { 0 };
  double x, y;

  SKIP_WITHOUT_DISPLAY ();

  chart = mp_fan_chart_new ();

  /* Before the analysis: the chart says what to do */
  before = make_evaluation (FALSE);
  mp_fan_chart_set_evaluation (MP_FAN_CHART (chart), before);
  assert_accessible_description (chart, "Run the uncertainty analysis to see ranges");

  eval = make_evaluation (TRUE);
  mp_fan_chart_set_evaluation (MP_FAN_CHART (chart), eval);
  window = show_in_window (chart, 640, 340);

  check_rendering (chart, &pixels, "fan");
  assert_accessible_label (chart, "Person-years: P10 to P90 range");

  /* 2030 (y = 3): total 450; P90 = 517.5, P50 = 436.5, P10 = 360 */
  find_tooltip (chart, "2030\nP90: 518\nMedian (P50): 436\nP10: 360\nDeterministic: 450", &x, &y);
  g_assert_true (query_tooltip (chart, (int) x, (int) y));

  g_object_set (chart, "show-deterministic", FALSE, NULL);
  g_assert_false (mp_fan_chart_get_show_deterministic (MP_FAN_CHART (chart)));
  {
    g_autofree char *text = NULL;

    wait_for_paint (chart);
    text = mp_chart_dup_tooltip_at (MP_CHART (chart), x, y);
    g_assert_cmpstr (text, ==, "2030\nP90: 518\nMedian (P50): 436\nP10: 360");
  }
  mp_fan_chart_set_show_deterministic (MP_FAN_CHART (chart), TRUE);

  check_draw_function (chart, "fan");
  maybe_screenshot (window, chart, "fan");

  pixels_clear (&pixels);
  gtk_window_destroy (window);
}

static void
test_tornado (void)
{
  g_autoptr(MpEvaluation) eval = NULL;
  GtkWidget *chart;
  GtkWindow *window;
  Pixels pixels = { 0 };
  const char *fill_label = mp_assumption_info_label (mp_assumption_lookup ("fill-rate"));
  g_autofree char *fill_tip = NULL;
  g_autofree char *nl_tip = NULL;
  double fx, fy, ux, uy, nx, ny;

  SKIP_WITHOUT_DISPLAY ();

  eval = make_evaluation (TRUE);
  chart = mp_tornado_chart_new ();
  mp_tornado_chart_set_evaluation (MP_TORNADO_CHART (chart), eval, MP_HEADLINE_FIT);
  window = show_in_window (chart, 640, 300);

  check_rendering (chart, &pixels, "tornado");
  assert_accessible_label (chart, "Partner fit: swings by assumption");

  /* fill-rate swings 10.5 (61.5 → 72.0), the widest: on top, with the
   * catalogue's label */
  g_assert_nonnull (fill_label);
  fill_tip = g_strdup_printf ("%s\nAt its low: 61.5 (-6.5)\nAt its high: 72.0 (+4.0)\n"
                              "Partner fit at the base: 68.0", fill_label);
  find_tooltip (chart, fill_tip, &fx, &fy);
  /* An unknown key is shown as it is; its swing (1.5) is the narrowest */
  find_tooltip (chart, "no-such-assumption\nAt its low: 67.0 (-1.0)\nAt its high: 68.5 (+0.5)\n"
                "Partner fit at the base: 68.0", &ux, &uy);
  g_assert_cmpfloat (fy, <, uy);
  g_assert_true (query_tooltip (chart, (int) fx, (int) fy));

  check_draw_function (chart, "tornado");
  maybe_screenshot (window, chart, "tornado");

  /* The NL benefit: no-such-assumption does not move it and is left out */
  mp_tornado_chart_set_evaluation (MP_TORNADO_CHART (chart), eval, MP_HEADLINE_NL_BENEFIT);
  wait_for_paint (chart);
  nl_tip = g_strdup_printf ("%s\nAt its low: 50.0 (-4.0)\nAt its high: 57.0 (+3.0)\n"
                            "Netherlands benefit at the base: 54.0", fill_label);
  find_tooltip (chart, nl_tip, &nx, &ny);

  /* Before the analysis */
  {
    g_autoptr(MpEvaluation) before = make_evaluation (FALSE);

    mp_tornado_chart_set_evaluation (MP_TORNADO_CHART (chart), before, MP_HEADLINE_FIT);
    assert_accessible_description (chart, "Run the uncertainty analysis to see ranges");
  }

  pixels_clear (&pixels);
  gtk_window_destroy (window);
}

static void
test_risk_matrix (void)
{
  g_autoptr(MpEvaluation) eval = NULL;
  GtkWidget *chart;
  GtkWindow *window;
  Pixels pixels = { 0 };
  g_autofree char *cell_tip = NULL;
  g_autofree char *high_tip = NULL;
  double x, y, hx, hy;

  SKIP_WITHOUT_DISPLAY ();

  eval = make_evaluation (FALSE);
  chart = mp_risk_matrix_new ();
  mp_risk_matrix_set_evaluation (MP_RISK_MATRIX (chart), eval);
  window = show_in_window (chart, 640, 420);

  check_rendering (chart, &pixels, "risk-matrix");
  assert_accessible_label (chart, "Risk matrix");

  /* Medium country risk × high measure risk: enhanced + suspension clause
   * (models/README.md, “Human-rights risk framework”), holding the return
   * ask and the never-allowed one */
  cell_tip = g_strdup_printf ("Country risk: Medium · measure risk: High\nMonitoring: %s\n"
                              "• Return and readmission\n• Push- or pullbacks — not allowed",
                              mp_monitoring_label (MP_MONITOR_ENHANCED_SUSPENSION));
  find_tooltip (chart, cell_tip, &x, &y);
  /* High × high: not allowed, no measure of this package there */
  high_tip = g_strdup_printf ("Country risk: High · measure risk: High\nMonitoring: %s\n"
                              "No measure of this package is in this cell",
                              mp_monitoring_label (MP_MONITOR_NOT_ALLOWED));
  find_tooltip (chart, high_tip, &hx, &hy);
  g_assert_cmpfloat (hy, >, y);
  g_assert_cmpfloat (fabs (hx - x), <, 2);
  g_assert_true (query_tooltip (chart, (int) x, (int) y));

  /* The never-allowed measure is named below the grid as well */
  {
    double nx, ny;

    find_tooltip (chart, "Never allowed, whatever the risk class:\n• Push- or pullbacks",
                  &nx, &ny);
    g_assert_cmpfloat (ny, >, hy);
  }

  check_draw_function (chart, "risk-matrix");
  maybe_screenshot (window, chart, "risk-matrix");

  mp_risk_matrix_set_measures (MP_RISK_MATRIX (chart), NULL, 0);
  assert_accessible_description (chart, "No measures in this package");
  maybe_screenshot (window, chart, "risk-matrix-empty");

  pixels_clear (&pixels);
  gtk_window_destroy (window);
}

static void
test_bar_list (void)
{
  g_autoptr(MpEvaluation) eval = NULL;
  GtkWidget *chart;
  GtkWindow *window;
  Pixels pixels = { 0 };
  double x, y;
  int min_h, nat_h;

  SKIP_WITHOUT_DISPLAY ();

  eval = make_evaluation (FALSE);
  chart = mp_bar_list_new ();
  mp_bar_list_set_components (MP_BAR_LIST (chart), eval->fit_components);
  window = show_in_window (chart, 420, 160);

  check_rendering (chart, &pixels, "bar-list");
  assert_accessible_label (chart, "Satisfaction by component");
  assert_accessible_description (chart, "Labour mobility 0.55; Skills and training 0.55; "
                                        "Remittances 0.94; Visa facilitation 0.00");

  /* Four rows need more height than one */
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &min_h, &nat_h, NULL, NULL);
  g_assert_cmpint (min_h, >=, 4 * 14);

  find_tooltip (chart, "Remittances\nSatisfaction: 0.94\nDelivered: €31 m a year\n"
                "Reference scale: €11 m a year\nWeight: 5", &x, &y);
  g_assert_true (query_tooltip (chart, (int) x, (int) y));

  check_draw_function (chart, "bar-list");
  maybe_screenshot (window, chart, "bar-list");

  pixels_clear (&pixels);
  gtk_window_destroy (window);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* GTK 4.8 creates no accessibility context at all with GTK_A11Y=none; the
   * test context stores the properties so that they can be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  tmp_dir = g_dir_make_tmp (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/format/c-locale", test_format_c_locale);
  g_test_add_func ("/ui/format/dutch", test_format_dutch);
  g_test_add_func ("/ui/charts/projection", test_projection);
  g_test_add_func ("/ui/charts/deal-map", test_deal_map);
  g_test_add_func ("/ui/charts/fan", test_fan);
  g_test_add_func ("/ui/charts/tornado", test_tornado);
  g_test_add_func ("/ui/charts/risk-matrix", test_risk_matrix);
  g_test_add_func ("/ui/charts/bar-list", test_bar_list);

  status = g_test_run ();

  if (g_getenv ("MP_KEEP_CHART_PNGS") == NULL)
    remove_tree (tmp_dir);
  else
    g_printerr ("# PNGs kept in %s\n", tmp_dir);
  g_free (tmp_dir);

  return status;
}
