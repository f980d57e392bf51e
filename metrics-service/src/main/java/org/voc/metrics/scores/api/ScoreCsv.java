package org.voc.metrics.scores.api;

import java.util.ArrayList;
import java.util.List;
import org.voc.metrics.scores.domain.Dimension;
import org.voc.metrics.scores.domain.ScoreSeries;

/** A score series as RFC 4180 CSV, one row per point; text cells are defused against spreadsheet formulas. */
final class ScoreCsv {

    private ScoreCsv() {}

    static String of(ScoreSeries series) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("period"));
        series.query().groupBy().forEach(d -> header.add(d.param()));
        header.addAll(List.of("n", "value", "low", "high", "margin", "insufficientSample"));
        row(csv, header);
        for (ScoreSeries.Point point : series.points()) {
            List<String> cells = new ArrayList<>();
            cells.add(point.period() == null ? "" : point.period().toString());
            for (Dimension d : series.query().groupBy()) {
                cells.add(text(point.groups().get(d)));
            }
            var f = point.figures();
            cells.add(Long.toString(f.n()));
            cells.add(number(f.value()));
            cells.add(f.interval() == null ? "" : Double.toString(f.interval().low()));
            cells.add(f.interval() == null ? "" : Double.toString(f.interval().high()));
            cells.add(f.interval() == null ? "" : Double.toString(f.interval().margin()));
            cells.add(Boolean.toString(f.insufficientSample()));
            row(csv, cells);
        }
        return csv.toString();
    }

    /**
     * A value from upstream (a segment, a touchpoint key): a leading =, +, -, @, TAB or CR would make a spreadsheet
     * run it as a formula (OWASP "CSV injection"), so such a cell starts with an apostrophe.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }
}
