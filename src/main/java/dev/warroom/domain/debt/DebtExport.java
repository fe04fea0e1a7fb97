package dev.warroom.domain.debt;

import dev.warroom.domain.PlainText;
import dev.warroom.domain.report.ReportText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The debt log as Markdown (for the post-mortem) and as CSV (for spreadsheets). Text only; no files.
 * Both escape for their format: Markdown the way the post-mortem does (no typed text can become a tag,
 * a link or a table cell), CSV against formulas; in both, control and text-direction characters that
 * older records may hold are shown as visible marks instead of acting on the reader's screen.
 */
public final class DebtExport {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final List<String> HEADER = List.of("Area", "Shortcut", "Why", "Owner", "Fix by week", "Status",
            "Card", "Logged");

    private DebtExport() {
    }

    public static String csv(List<DebtEntry> entries, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", HEADER.stream().map(DebtExport::csvCell).toList())).append("\r\n");
        for (DebtEntry e : entries) {
            sb.append(String.join(",", row(e, zone).stream().map(DebtExport::csvCell).toList())).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * One CSV cell. A cell that a spreadsheet would read as a formula (starting with =, +, -, @, or a tab
     * or carriage return that some programs skip) gets a leading apostrophe, so it shows as text and
     * never runs. Cells with commas, quotes or line breaks are quoted, quotes doubled.
     */
    public static String csvCell(String value) {
        String v = PlainText.visible(value, true);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.startsWith(" ") || v.endsWith(" ")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public static String markdown(List<DebtEntry> entries, CleanupPlan plan, ZoneId zone, Instant now) {
        StringBuilder sb = new StringBuilder("# Scale debt log\n\n");
        sb.append("Exported ").append(DAY.format(now.atZone(zone))).append(" · ").append(entries.size())
                .append(entries.size() == 1 ? " entry" : " entries").append(", ")
                .append(entries.stream().filter(e -> !e.status().closed()).count()).append(" still open.\n\n");
        sb.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        sb.append("|").append("---|".repeat(HEADER.size())).append("\n");
        for (DebtEntry e : entries) {
            sb.append("| ").append(String.join(" | ", row(e, zone).stream().map(DebtExport::mdCell).toList()))
                    .append(" |\n");
        }
        sb.append("\n## Cleanup plan\n");
        for (CleanupPlan.Week w : plan.weeks()) {
            sb.append("\n### Week ").append(w.number()).append(": ").append(w.theme());
            if (w.overdue() && !w.entries().isEmpty()) {
                sb.append(" (overdue)");
            }
            sb.append("\n\n");
            if (w.entries().isEmpty()) {
                sb.append("Nothing open.\n");
            }
            for (DebtEntry e : w.entries()) {
                sb.append("- [ ] ").append(mdText(e.title())).append(" — @").append(mdText(e.owner()))
                        .append(" (").append(e.status().label()).append(")\n");
            }
        }
        return sb.toString();
    }

    private static List<String> row(DebtEntry e, ZoneId zone) {
        List<String> r = new ArrayList<>();
        r.add(e.area());
        r.add(e.shortcut());
        r.add(e.reason());
        r.add(e.owner());
        r.add(String.valueOf(e.fixWeek()));
        r.add(e.status().label());
        r.add(e.cardId() == null ? "" : "#" + e.cardId());
        r.add(DAY.format(e.createdAt().atZone(zone)));
        return r;
    }

    /** ReportText escapes the pipe too, so the text cannot open a new table cell. */
    private static String mdCell(String s) {
        return mdText(s);
    }

    /** One line of Markdown: every character that could start markup escaped, controls made visible. */
    private static String mdText(String s) {
        return ReportText.markdown(PlainText.visible(s, true));
    }
}
