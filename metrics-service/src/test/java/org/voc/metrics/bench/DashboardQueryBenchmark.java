package org.voc.metrics.bench;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/**
 * Loads roll-ups equivalent to 10 M responses over 90 days across every dimension straight into the roll-up tables
 * (SQL generate_series) and measures typical dashboard queries over HTTP: p50 and p99 of the wall time the client
 * sees. Data already loaded by an earlier run is kept ({@code -Dbench.reload=true} loads it again). Not part of
 * the normal test phase (a timing is a measurement, not an assertion); run it with
 * {@code ./mvnw -B verify -pl metrics-service -Dtest=DashboardQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (or {@code ./voc bench metrics}) and copy the figures into docs/performance.md.
 */
@QuarkusTest
class DashboardQueryBenchmark {

    static final int DAYS = 90;
    static final int TOUCHPOINTS = 40;
    static final int CHANNELS = 5;
    static final int SEGMENTS = 5;
    static final int SURVEYS = 3;
    static final int WARM_UP = 50;
    static final int RUNS = Integer.getInteger("bench.runs", 400);
    /** Runs of the query that reads hours (~0.5 s each on the shared machine): fewer, or the run takes minutes. */
    static final int HOURLY_RUNS = Integer.getInteger("bench.hourly-runs", 100);
    /** {@code jdk} (java.net.http) or {@code restassured}, the client of the earlier figures. */
    static final String CLIENT = System.getProperty("bench.client", "jdk");

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource
    URL url;

    int port;
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void dashboardQueries() throws SQLException {
        port = url.getPort();
        long loaded = load();
        Map<String, Map<String, Object>> queries = new LinkedHashMap<>();
        queries.put(
                "nps: 90-day daily series, one touchpoint",
                Map.of("from", "2024-01-01", "to", "2024-03-30", "granularity", "day", "touchpoint", "bench-tp-7"));
        queries.put(
                "csat: 90 days by segment x channel",
                Map.of("from", "2024-01-01", "to", "2024-03-30", "groupBy", "segment,channel"));
        queries.put(
                "ces: 90-day weekly series, one product (registry join)",
                Map.of("from", "2024-01-01", "to", "2024-03-30", "granularity", "week", "product", "bench-product-3"));
        queries.put(
                "nps: 90-day daily series in Europe/Moscow, one channel (hourly roll-up)",
                Map.of(
                        "from",
                        "2024-01-01",
                        "to",
                        "2024-03-30",
                        "granularity",
                        "day",
                        "channel",
                        "BENCH_WEB",
                        "tz",
                        "Europe/Moscow"));
        String token = Tokens.user("analyst");
        System.out.printf(
                "METRICS BENCHMARK roll-ups loaded: %,d responses per metric (NPS, CSAT, CES); client %s%n",
                loaded, CLIENT);
        for (Map.Entry<String, Map<String, Object>> q : queries.entrySet()) {
            String metric = q.getKey().substring(0, q.getKey().indexOf(':'));
            String path = "/api/metrics/" + metric + "/stats";
            int runs = q.getKey().contains("hourly") ? HOURLY_RUNS : RUNS;
            long[] times = new long[runs];
            for (int i = -WARM_UP; i < runs; i++) {
                long start = System.nanoTime();
                if (CLIENT.equals("restassured")) {
                    given().auth()
                            .oauth2(token)
                            .queryParams(q.getValue())
                            .get(path)
                            .then()
                            .statusCode(200);
                } else {
                    get(token, path, q.getValue());
                }
                if (i >= 0) {
                    times[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(times);
            System.out.printf(
                    "METRICS BENCHMARK %-75s p50 %6.1f ms  p99 %6.1f ms  (%d runs)%n",
                    q.getKey(), millis(times[runs / 2]), millis(times[(int) Math.ceil(runs * 0.99) - 1]), runs);
        }
    }

    /**
     * One call with the JDK's client, which costs the shared CPU a fraction of what RestAssured does: RestAssured
     * (Groovy) in this JVM took about four times the service's own CPU per request, and on two cores that time is
     * the service's latency too. The body is read whole, as a dashboard would.
     */
    private void get(String token, String path, Map<String, Object> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length == 0) {
                throw new AssertionError(path + query + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /**
     * 40 touchpoints (8 products, 6 journey stages, 5 teams) x 5 channels x 5 segments x 3 surveys, every day of
     * 2024-01-01..2024-03-30, for NPS, CSAT and CES, ~37 responses per row: 10 M responses per metric in the daily
     * roll-up. The hourly roll-up gets NPS by touchpoint and channel only (200 series x 2,160 hours, 10 M
     * responses too): the full cross product by hour would be 16 M rows, more than this machine's test database
     * holds comfortably. Re-running replaces the data.
     */
    private long load() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            if (!Boolean.getBoolean("bench.reload")) {
                // A/B runs back to back: the data of the previous run, when it is all there, is the same data
                try (var rows = s.executeQuery("select count(*), sum(n) filter (where metric = 'NPS'),"
                        + " (select count(*) from score_rollup_day_by_touchpoint"
                        + " where touchpoint_key like 'bench-tp-%')"
                        + " from score_rollup_day where touchpoint_key like 'bench-tp-%'")) {
                    rows.next();
                    if (rows.getLong(1) == (long) DAYS * TOUCHPOINTS * CHANNELS * SEGMENTS * SURVEYS * 3
                            && rows.getLong(3) == (long) DAYS * TOUCHPOINTS * 3) {
                        return rows.getLong(2);
                    }
                }
            }
            // the previous run's rows, and anything a daily rebuild derived from them
            s.execute("delete from score_rollup_day where touchpoint_key like 'bench-tp-%'");
            s.execute("delete from score_rollup_hour where touchpoint_key like 'bench-tp-%'");
            s.execute("delete from touchpoint_replica where key like 'bench-tp-%'");
            s.execute("insert into touchpoint_replica (id, key, journey_stage, product, owner_team, status, revision)"
                    + " select gen_random_uuid(), 'bench-tp-' || t, 'stage-' || (t % 6), 'bench-product-' || (t % 8),"
                    + " 'team-' || (t % 5), 'ACTIVE', 1 from generate_series(0, " + (TOUCHPOINTS - 1) + ") t");
            // n = 30..44 per row; the scores are spread over the scale by fixed shares of n
            String counts = "n, total, total_sq, d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10";
            String dims = "from generate_series(date '2024-01-01', date '2024-01-01' + " + (DAYS - 1)
                    + ", interval '1 day') day, generate_series(0, " + (TOUCHPOINTS - 1) + ") t,"
                    + " generate_series(0, " + (CHANNELS - 1) + ") ch, generate_series(0, " + (SEGMENTS - 1) + ") sg,"
                    + " generate_series(0, " + (SURVEYS - 1) + ") sv";
            String nExpr = "(30 + abs(hashtext(day::text || t || ch || sg || sv)) % 15)";
            String[] channels = {"BENCH_WEB", "BENCH_APP", "BENCH_BRANCH", "BENCH_PHONE", "BENCH_SMS"};
            String channel = "(array['" + String.join("','", channels) + "'])[ch + 1]";
            s.execute("insert into score_rollup_day (metric, day, touchpoint_key, channel, segment, survey_id, "
                    + counts + ")"
                    + " select m.metric, day::date, 'bench-tp-' || t, " + channel + ", 'seg-' || sg,"
                    + " 'bench-survey-' || sv, x.n, x.total, x.total_sq, x.d0, x.d1, x.d2, x.d3, x.d4, x.d5, x.d6,"
                    + " x.d7, x.d8, x.d9, x.d10 " + dims + ", (values ('NPS'), ('CSAT'), ('CES')) m(metric),"
                    + " lateral (select " + nExpr + " as n) k, lateral " + spread("m.metric", "k.n") + " x");
            s.execute("insert into score_rollup_hour (metric, bucket_start, touchpoint_key, channel, " + counts + ")"
                    + " select 'NPS', h, 'bench-tp-' || t, " + channel + ", x.n, x.total, x.total_sq, x.d0, x.d1,"
                    + " x.d2, x.d3, x.d4, x.d5, x.d6, x.d7, x.d8, x.d9, x.d10"
                    + " from generate_series(timestamptz '2023-12-31 21:00Z', timestamptz '2024-03-30 23:00Z',"
                    + " interval '1 hour') h, generate_series(0, " + (TOUCHPOINTS - 1) + ") t,"
                    + " generate_series(0, " + (CHANNELS - 1) + ") ch,"
                    + " lateral (select 23 as n) k, lateral " + spread("'NPS'", "k.n") + " x");
            s.execute("delete from score_rollup_day_all where channel like 'BENCH_%'");
            String all = "metric, question_id, day, channel, segment, survey_id";
            s.execute("insert into score_rollup_day_all (" + all + ", " + counts + ") select " + all + ", "
                    + counts.replaceAll("(\\w+)", "sum($1)") + " from score_rollup_day"
                    + " where touchpoint_key like 'bench-tp-%' group by " + all);
            s.execute("delete from score_rollup_day_by_touchpoint where touchpoint_key like 'bench-tp-%'");
            String byTouchpoint = "metric, question_id, day, touchpoint_key";
            s.execute("insert into score_rollup_day_by_touchpoint (" + byTouchpoint + ", " + counts + ") select "
                    + byTouchpoint + ", " + counts.replaceAll("(\\w+)", "sum($1)") + " from score_rollup_day"
                    + " where touchpoint_key like 'bench-tp-%' group by " + byTouchpoint);
            s.execute("delete from score_rollup_day_by_channel_segment where channel like 'BENCH_%'");
            String byChannel = "metric, question_id, day, channel, segment";
            s.execute("insert into score_rollup_day_by_channel_segment (" + byChannel + ", " + counts + ") select "
                    + byChannel + ", " + counts.replaceAll("(\\w+)", "sum($1)") + " from score_rollup_day_all"
                    + " where channel like 'BENCH_%' group by " + byChannel);
            s.execute("analyze score_rollup_day_by_touchpoint");
            s.execute("analyze score_rollup_day_by_channel_segment");
            s.execute("analyze score_rollup_day_all");
            s.execute("analyze score_rollup_day");
            s.execute("analyze score_rollup_hour");
            try (var rows = s.executeQuery("select sum(n) from score_rollup_day"
                    + " where touchpoint_key like 'bench-tp-%' and metric = 'NPS'")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Bins for n values: NPS 40 % at 10, 30 % at 8, rest at 3; CSAT/CES 50 % at 5, 25 % at 4, rest at 2. */
    private static String spread(String metric, String n) {
        return "(select " + n + " as n, hi * top + mid * m2 + (" + n + " - hi - mid) * low as total,"
                + " hi * top * top + mid * m2 * m2 + (" + n + " - hi - mid) * low * low as total_sq,"
                + " 0 as d0, 0 as d1, case when low = 2 then " + n + " - hi - mid else 0 end as d2,"
                + " case when low = 3 then " + n + " - hi - mid else 0 end as d3,"
                + " case when m2 = 4 then mid else 0 end as d4, case when top = 5 then hi else 0 end as d5,"
                + " 0 as d6, 0 as d7, case when m2 = 8 then mid else 0 end as d8, 0 as d9,"
                + " case when top = 10 then hi else 0 end as d10"
                + " from (select case when " + metric + " = 'NPS' then 10 else 5 end as top,"
                + " case when " + metric + " = 'NPS' then 8 else 4 end as m2,"
                + " case when " + metric + " = 'NPS' then 3 else 2 end as low,"
                + " case when " + metric + " = 'NPS' then " + n + " * 4 / 10 else " + n + " / 2 end as hi,"
                + " case when " + metric + " = 'NPS' then " + n + " * 3 / 10 else " + n + " / 4 end as mid) p)";
    }
}
