package org.voc.console.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.voc.console.overview.MetricModels.Point;
import org.voc.console.overview.MetricModels.Score;

/**
 * The overview's figures shaped for its charts (drawn by /console/overview.js with ECharts) and for the tables that
 * say the same in text. The JSON goes into the page inside a script element, so '<' is escaped.
 */
final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {}

    /** One day of a trend line: the value and its 95 % band. */
    public record Day(String day, long n, Double value, Double low, Double high, boolean insufficientSample) {}

    /** A daily trend of one metric; {@code json} feeds the chart. */
    public record Trend(String metric, List<Day> days, String json) {}

    /** One cell of the journey map: journey stage × channel, NPS, and whether n is below the minimum. */
    public record Cell(String stage, String channel, long n, Double value, boolean insufficientSample) {}

    /** A stage's row of the journey map, one cell (or null: no answers) per channel. */
    public record Row(String stage, List<Cell> cells) {}

    public record HeatMap(List<String> stages, List<String> channels, List<Row> rows, int minSample, String json) {}

    static Trend trend(String metric, Score score) {
        List<Day> days = score.series().stream()
                .filter(p -> p.period() != null)
                .map(p -> new Day(
                        DateTimeFormatter.ISO_LOCAL_DATE.format(p.period()),
                        p.n(),
                        round(p.value()),
                        p.interval() == null ? null : round(p.interval().low()),
                        p.interval() == null ? null : round(p.interval().high()),
                        p.insufficientSample()))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", days.stream().map(Day::day).toList());
        data.put("value", days.stream().map(Day::value).toList());
        data.put("low", days.stream().map(Day::low).toList());
        data.put("high", days.stream().map(Day::high).toList());
        data.put("n", days.stream().map(Day::n).toList());
        return new Trend(metric, days, json(data));
    }

    static HeatMap heatMap(Score score) {
        TreeSet<String> stages = new TreeSet<>();
        TreeSet<String> channels = new TreeSet<>();
        Map<String, Cell> byKey = new LinkedHashMap<>();
        for (Point p : score.series()) {
            String stage = label(p.groups().get("journeyStage"));
            String channel = label(p.groups().get("channel"));
            stages.add(stage);
            channels.add(channel);
            byKey.put(
                    stage + "\u0000" + channel,
                    new Cell(stage, channel, p.n(), round(p.value()), p.insufficientSample()));
        }
        List<String> stageList = List.copyOf(stages);
        List<String> channelList = List.copyOf(channels);
        List<Row> rows = new ArrayList<>();
        List<List<Object>> cells = new ArrayList<>();
        for (int y = 0; y < stageList.size(); y++) {
            List<Cell> row = new ArrayList<>();
            for (int x = 0; x < channelList.size(); x++) {
                Cell cell = byKey.get(stageList.get(y) + "\u0000" + channelList.get(x));
                row.add(cell);
                if (cell != null) {
                    cells.add(List.<Object>of(
                            x, y, cell.value() == null ? "-" : cell.value(), cell.n(), cell.insufficientSample()));
                }
            }
            rows.add(new Row(stageList.get(y), row));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stages", stageList);
        data.put("channels", channelList);
        data.put("cells", cells);
        return new HeatMap(stageList, channelList, rows, score.minSample(), json(data));
    }

    /** A dimension without a value (responses before it was carried) is shown as such, not dropped. */
    private static String label(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }

    private static String json(Object data) {
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
