package org.voc.touchpoint.api;

import java.util.ArrayList;
import java.util.List;
import org.voc.kit.problem.Invalid;

/** RFC 4180 CSV: comma-separated, double-quoted cells may hold commas, quotes ("") and line breaks. */
final class Csv {

    /** One record and the line of the file it starts on (1-based, as a spreadsheet numbers rows). */
    record Record(int line, List<String> cells) {}

    private Csv() {}

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean any = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0; // spreadsheets often write a byte-order mark
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    cells.add(cell.toString());
                    records.add(new Record(recordLine, cells));
                }
                cells = new ArrayList<>();
                cell.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw Invalid.field(null, "a quoted cell that starts on line " + recordLine + " is never closed");
        }
        if (any || cell.length() > 0) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, cells));
        }
        return records;
    }
}
