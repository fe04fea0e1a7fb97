package dev.warroom.crisis.report;

import dev.warroom.crisis.report.PostMortem.MetricSeries;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.comms.CommsOutcome;
import dev.warroom.domain.debt.CleanupPlan;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.report.ReportText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The post-mortem as one model of plain text, rendered by two templates
 * ({@code data/report/post-mortem.md.mustache} and {@code post-mortem.html.mustache}); each template's
 * compiler escapes every {@code {{value}}} for its format. Only two things arrive pre-rendered, each
 * escaped where it is made: the SVG charts and the Markdown code block of a sent message.
 *
 * <p>Optional parts are lists of zero or one element, so a template writes {@code {{#x}}…{{/x}}} and
 * {@code {{^x}}…{{/x}}} for "there is one" and "there is none".
 */
public record PostMortemModel(String title, String generated, String zone, List<String> missing,
                              List<KeyValue> summary, List<Table> impact, List<String> detection, Table kpis,
                              String definitions, List<Table> severity, List<String> chartsNote, List<Chart> charts,
                              Table figures, int sentCount, List<Message> sent, int skippedCount,
                              List<Table> skipped, List<Table> decisions, long overrideCount, List<Table> overrides,
                              int breachCount, List<Table> breaches, List<Table> checklists, List<Week> debt,
                              List<Action> actions, int eventCount, List<Table> timeline) {

    /** A table cell; {@code cls} is the HTML cell class ("" for none). */
    public record Cell(String text, String cls) {
        /** The cell as a Markdown table needs it: never empty, so the row keeps its columns. */
        public String md() {
            return text.isEmpty() ? " " : text;
        }
    }

    public record Row(List<Cell> cells) {
    }

    /** {@code header} cells carry the column class ("n" right-aligns numbers). */
    public record Table(String cls, List<Cell> header, List<Row> rows) {
    }

    public record KeyValue(String key, String value) {
    }

    /** One chart: {@code svg} is already drawn and escaped; {@code empty} when no sample was recorded. */
    public record Chart(String label, String unit, boolean empty, String figures, String svg) {
    }

    /** A sent message; {@code mdBlock} is its text as a fenced Markdown block, made by {@link ReportText}. */
    public record Message(String clock, String when, String channel, String format, String actor, String text,
                          String mdBlock) {
    }

    public record DebtItem(String area, String shortcut, String reason, String owner, String status) {
        public boolean hasReason() {
            return !reason.isEmpty();
        }
    }

    public record Week(int number, String theme, String fixBy, boolean overdue, boolean hasFixBy, Table table,
                       List<DebtItem> items) {
    }

    public record Action(int n, String source, String text, String owner) {
        public boolean hasOwner() {
            return !owner.isEmpty();
        }
    }

    public boolean hasMissing() {
        return !missing.isEmpty();
    }

    public boolean hasActions() {
        return !actions.isEmpty();
    }

    /** Everything both renderings say, as plain text. */
    static PostMortemModel of(PostMortem pm) {
        ReportFormat f = new ReportFormat(pm.crisis().startedAt(), pm.zone());
        ReportSections s = new ReportSections(pm, f);

        List<KeyValue> summary = s.summaryRows().stream().map(r -> new KeyValue(r.get(0), r.get(1))).toList();
        List<List<String>> impactRows = s.impactRows();
        List<Table> impact = impactRows.isEmpty() ? List.of()
                : List.of(table("", List.of("Measure", "Value", "When"), List.of("", "n", ""), impactRows));

        List<List<String>> kpiRows = s.kpiRows();
        List<Row> kpis = new ArrayList<>();
        List<String> kpiClasses = List.of("", "", "n", "n", "n", "");
        for (int i = 0; i < kpiRows.size(); i++) {
            List<Cell> cells = new ArrayList<>(cells(kpiRows.get(i), kpiClasses));
            String verdict = switch (pm.kpis().get(i).verdict()) {
                case MET -> "met";
                case MISSED -> "missed";
                case NO_DATA, TOO_LITTLE_DATA -> "nodata";
            };
            cells.set(5, new Cell(cells.get(5).text(), verdict));
            kpis.add(new Row(cells));
        }
        Table kpiTable = new Table("", header(List.of("Metric", "Target", "Mean", "Worst", "Samples", "Verdict"),
                kpiClasses), kpis);

        List<Table> severity = pm.severity().isEmpty() ? List.of() : List.of(table("",
                List.of("Clock", "Time", "Severity", "From", "To", "By"), List.of("clock", "when", "", "", "", ""),
                pm.severity().stream().map(st -> List.of(f.clock(st.at()), f.when(st.at()), st.scale(), st.from(),
                        st.to(), st.actor())).toList()));

        List<TimelineEvent> markers = pm.timeline().stream().filter(e -> SvgChart.markerClass(e.kind()) != null)
                .toList();
        List<String> chartsNote = markers.size() > SvgChart.MAX_MARKERS
                ? List.of(markers.size() + " key events; " + SvgChart.MAX_MARKERS
                + " of them, evenly spread, are marked on the charts. All are in the timeline below.")
                : List.of();
        List<Chart> charts = new ArrayList<>();
        List<List<String>> figureRows = new ArrayList<>();
        for (Metric m : PostMortem.CHARTED) {
            MetricSeries ms = pm.series(m);
            if (ms.empty()) {
                charts.add(new Chart(m.label(), m.unit(), true, "", ""));
                figureRows.add(List.of(m.label(), "0", "no data", "", ""));
                continue;
            }
            String lowest = ReportFormat.figure(m, ms.whole().min());
            String highest = ReportFormat.figure(m, ms.whole().max());
            charts.add(new Chart(m.label(), m.unit(), false, ms.whole().count() + " samples, lowest " + lowest
                    + ", highest " + highest, SvgChart.draw(ms, markers, f, pm.crisis().startedAt(), pm.windowEnd())));
            figureRows.add(List.of(m.label(), String.valueOf(ms.whole().count()), lowest, highest,
                    ReportFormat.figure(m, ms.whole().mean())));
        }
        Table figures = table("", List.of("Metric", "Samples", "Lowest", "Highest", "Mean"),
                List.of("", "n", "n", "n", "n"), figureRows);

        List<CommsEntry> sentEntries = pm.comms().stream().filter(c -> c.outcome() == CommsOutcome.SENT).toList();
        List<CommsEntry> skippedEntries = pm.comms().stream().filter(c -> c.outcome() == CommsOutcome.SKIPPED).toList();
        List<Message> sent = sentEntries.stream().map(c -> new Message(f.clock(c.at()), f.when(c.at()), c.channel(),
                c.format().label(), c.actor(), c.text(), ReportText.markdownBlock(c.text()))).toList();
        List<Table> skipped = skippedEntries.isEmpty() ? List.of() : List.of(table("",
                List.of("Clock", "Time", "Channel", "Reason", "By"), List.of("clock", "when", "", "t", ""),
                skippedEntries.stream().map(c -> List.of(f.clock(c.at()), f.when(c.at()), c.channel(), c.reason(),
                        c.actor())).toList()));

        List<Table> decisions = pm.decisions().isEmpty() ? List.of() : List.of(table("",
                List.of("Clock", "Chosen", "Matrix said", "Stability", "Growth/h", "Rationale", "By"),
                List.of("clock", "", "", "n", "n", "t", ""),
                pm.decisions().stream().map(d -> List.of(f.clock(d.at()), d.chosen().label(), d.suggested().label(),
                        d.inputs().stability() + "/10", String.format(Locale.ROOT, "%,.0f", d.inputs().growthPerHour()),
                        d.rationale(), d.by())).toList()));

        long overrideCount = pm.overrides().stream().filter(e -> e.kind() == EventKind.WIP_OVERRIDE).count();
        List<Table> overrides = pm.overrides().isEmpty() ? List.of() : List.of(events(pm.overrides(), f));
        List<Table> breaches = pm.slaBreaches().isEmpty() ? List.of() : List.of(events(pm.slaBreaches(), f));

        List<Table> checklists = pm.checklists().isEmpty() ? List.of() : List.of(table("",
                List.of("Checklist", "When", "Done", "Still open"), List.of("", "", "n", "t"),
                pm.checklists().stream().map(p -> List.of(p.template().title(), p.template().when(), p.summary(),
                        String.join("; ", p.template().items().stream().filter(i -> !p.ticks().containsKey(i.id()))
                                .map(ChecklistTemplate.Item::text).toList()))).toList()));

        List<Week> debt = new ArrayList<>();
        for (CleanupPlan.Week w : pm.debt().weeks()) {
            if (w.entries().isEmpty()) {
                continue;
            }
            List<DebtItem> items = w.entries().stream().map(e -> new DebtItem(e.area(), e.shortcut(), e.reason(),
                    e.owner(), e.status().label())).toList();
            debt.add(new Week(w.number(), w.theme(), f.day(w.ends()), w.overdue(), w.ends() != null,
                    table("", List.of("Area", "Shortcut", "Why", "Owner", "Status"), List.of("", "t", "t", "", ""),
                            items.stream().map(i -> List.of(i.area(), i.shortcut(), i.reason(), i.owner(), i.status()))
                                    .toList()), items));
        }

        List<Action> actions = new ArrayList<>();
        for (PostMortem.ActionItem a : pm.actions()) {
            actions.add(new Action(actions.size() + 1, a.source(), a.text(), a.owner()));
        }

        List<Table> timeline = pm.timeline().isEmpty() ? List.of() : List.of(table("timeline",
                List.of("Clock", "Time", "Kind", "By", "What"), List.of("clock", "when", "", "", "t"),
                pm.timeline().stream().map(e -> List.of(f.clock(e.at()), f.when(e.at()),
                        ReportSections.kindLabel(e.kind()), e.actor(), e.summary())).toList()));

        return new PostMortemModel("Post-mortem: " + pm.crisis().name(), f.when(pm.generatedAt()), f.zoneName(),
                pm.missing(), summary, impact, s.detectionLines(), kpiTable, ReportSections.DEFINITIONS, severity,
                chartsNote, charts, figures, sent.size(), sent, skippedEntries.size(), skipped, decisions,
                overrideCount, overrides, pm.slaBreaches().size(), breaches, checklists, debt, actions,
                pm.timeline().size(), timeline);
    }

    private static Table events(List<TimelineEvent> events, ReportFormat f) {
        return table("", List.of("Clock", "Time", "What", "By"), List.of("clock", "when", "t", ""),
                events.stream().map(e -> List.of(f.clock(e.at()), f.when(e.at()), e.summary(), e.actor())).toList());
    }

    private static Table table(String cls, List<String> header, List<String> classes, List<List<String>> rows) {
        return new Table(cls, header(header, classes), rows.stream().map(r -> new Row(cells(r, classes))).toList());
    }

    private static List<Cell> header(List<String> header, List<String> classes) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            out.add(new Cell(header.get(i), classes.get(i).equals("n") ? "n" : ""));
        }
        return out;
    }

    private static List<Cell> cells(List<String> row, List<String> classes) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            out.add(new Cell(row.get(i) == null ? "" : row.get(i), classes.get(i)));
        }
        return out;
    }
}
