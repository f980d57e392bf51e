package org.voc.touchpoint.api;

import org.voc.touchpoint.domain.CoverageAudit;
import org.voc.touchpoint.domain.JourneyStage;

/** The coverage audit as one CSV table; the {@code section} column says what each row is. */
final class CoverageCsv {

    static final String HEADER =
            "section,stage,channel,segment,touchpoint,owner_team,touchpoints,with_feedback_source\n";

    private CoverageCsv() {}

    static String of(CoverageAudit.Report report) {
        StringBuilder csv = new StringBuilder(HEADER);
        row(
                csv,
                "summary",
                "",
                "",
                "",
                "",
                "",
                Integer.toString(report.touchpoints()),
                Integer.toString(report.withFeedbackSource()));
        for (CoverageAudit.Cell cell : report.cells()) {
            row(
                    csv,
                    "cell",
                    cell.stage().name(),
                    cell.channel().name(),
                    cell.segment(),
                    "",
                    "",
                    Integer.toString(cell.touchpoints()),
                    Integer.toString(cell.withFeedbackSource()));
        }
        for (JourneyStage stage : report.stagesWithoutDirectSignal()) {
            row(csv, "stage-without-direct-signal", stage.name(), "", "", "", "", "", "");
        }
        for (String segment : report.segmentsWithoutDirectSignal()) {
            row(csv, "segment-without-direct-signal", "", "", segment, "", "", "", "");
        }
        for (CoverageAudit.Unowned unowned : report.withoutOwner()) {
            row(csv, "without-owner", "", "", "", unowned.key(), unowned.ownerTeam(), "", "");
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells[i];
            // A leading =, +, - or @ would run as a formula in a spreadsheet.
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append('\n');
    }
}
