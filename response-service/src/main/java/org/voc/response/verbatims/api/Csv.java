package org.voc.response.verbatims.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV cells as RFC 4180 writes them (comma-separated, CRLF line ends, a field with a comma, quote or line break
 * quoted and its quotes doubled), safe to open in a spreadsheet: a text cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, TAB or CR is prefixed with {@code '}, so a customer's "=HYPERLINK(…)" stays text (OWASP,
 * CSV injection).
 */
final class Csv {

    private Csv() {}

    /** Writes one line of cells, each already {@link #text neutralised} or a number. */
    static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** A text cell: empty for null, with a leading formula character defused. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    /** A number cell, empty for null; never defused, so a negative score stays a number. */
    static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
