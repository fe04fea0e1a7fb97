package dev.warroom.crisis.report;

import static dev.warroom.domain.report.ReportText.markdown;

import dev.warroom.crisis.report.PostMortem.ActionItem;
import dev.warroom.crisis.report.PostMortem.MetricSeries;
import dev.warroom.crisis.report.PostMortem.SeverityStep;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.comms.CommsOutcome;
import dev.warroom.domain.debt.CleanupPlan;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.report.ReportText;
import java.util.List;

/** The post-mortem as Markdown (CommonMark with GitHub tables). Every recorded text is escaped. */
final class MarkdownReport {
    private final PostMortem pm;
    private final ReportFormat f;
    private final ReportSections s;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private MarkdownReport(PostMortem pm) {
        this.pm = pm;
        this.f = new ReportFormat(pm.crisis().startedAt(), pm.zone());
        this.s = new ReportSections(pm, f);
    }

    static String render(PostMortem pm) {
        return new MarkdownReport(pm).write();
    }

    private String write() {
        out.append("# Post-mortem: ").append(markdown(pm.crisis().name())).append("\n\n");
        out.append("_Generated ").append(f.when(pm.generatedAt())).append(" (").append(f.zoneName())
                .append(") by War Room. Times are in ").append(f.zoneName())
                .append("; T+hh:mm is the crisis clock from the start._\n\n");
        if (!pm.missing().isEmpty()) {
            out.append("> **Not in the record**\n>\n");
            pm.missing().forEach(m -> out.append("> - ").append(markdown(m)).append('\n'));
            out.append('\n');
        }
        summary();
        impact();
        detection();
        severity();
        charts();
        comms();
        decisions();
        overrides();
        checklists();
        debt();
        actions();
        timeline();
        return out.toString();
    }

    private void heading(String title) {
        out.append("## ").append(title).append("\n\n");
    }

    private void table(List<String> header, List<List<String>> rows) {
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> out.append(" --- |"));
        out.append('\n');
        for (List<String> r : rows) {
            out.append("| ");
            for (int i = 0; i < r.size(); i++) {
                out.append(i == 0 ? "" : " | ").append(r.get(i).isEmpty() ? " " : r.get(i));
            }
            out.append(" |\n");
        }
        out.append('\n');
    }

    private void none(String text) {
        out.append('_').append(text).append("_\n\n");
    }

    private void summary() {
        heading("Summary");
        table(List.of("", ""), s.summaryRows().stream().map(r -> List.of("**" + r.get(0) + "**", markdown(r.get(1))))
                .toList());
    }

    private void impact() {
        heading("Impact");
        List<List<String>> rows = s.impactRows();
        if (rows.isEmpty()) {
            none("No metric samples were recorded for this crisis, so its impact cannot be measured.");
            return;
        }
        table(List.of("Measure", "Value", "When"), rows.stream().map(r -> r.stream().map(ReportText::markdown).toList())
                .toList());
    }

    private void detection() {
        heading("Time to detect and time to stable");
        for (String line : s.detectionLines()) {
            out.append("- ").append(markdown(line)).append('\n');
        }
        out.append('\n');
        out.append("### Success metrics over the final hour\n\n");
        table(List.of("Metric", "Target", "Mean", "Worst", "Samples", "Verdict"), s.kpiRows().stream()
                .map(r -> r.stream().map(ReportText::markdown).toList()).toList());
        out.append(markdown(ReportSections.DEFINITIONS)).append("\n\n");
    }

    private void severity() {
        heading("Severity history");
        if (pm.severity().isEmpty()) {
            none("No scale or incident severity changes were recorded.");
            return;
        }
        table(List.of("Clock", "Time", "Severity", "From", "To", "By"), pm.severity().stream()
                .map((SeverityStep st) -> List.of(f.clock(st.at()), f.when(st.at()), st.scale(), markdown(st.from()),
                        markdown(st.to()), markdown(st.actor()))).toList());
    }

    private void charts() {
        heading("Key metrics");
        out.append("The charts are in the HTML report. Figures over the whole crisis:\n\n");
        table(List.of("Metric", "Samples", "Lowest", "Highest", "Mean"), PostMortem.CHARTED.stream().map(m -> {
            MetricSeries ms = pm.series(m);
            return ms.empty() ? List.of(m.label(), "0", "no data", "", "")
                    : List.of(m.label(), String.valueOf(ms.whole().count()), markdown(ReportFormat.figure(m, ms.whole().min())),
                    markdown(ReportFormat.figure(m, ms.whole().max())), markdown(ReportFormat.figure(m, ms.whole().mean())));
        }).toList());
    }

    private void comms() {
        heading("Communications");
        List<CommsEntry> sent = pm.comms().stream().filter(c -> c.outcome() == CommsOutcome.SENT).toList();
        List<CommsEntry> skipped = pm.comms().stream().filter(c -> c.outcome() == CommsOutcome.SKIPPED).toList();
        out.append("### Sent (").append(sent.size()).append(")\n\n");
        if (sent.isEmpty()) {
            none("No messages were sent.");
        }
        for (CommsEntry c : sent) {
            out.append("**").append(f.clock(c.at())).append("** · ").append(f.when(c.at())).append(" · ")
                    .append(markdown(c.channel())).append(" · ").append(markdown(c.format().label())).append(" · by ")
                    .append(markdown(c.actor())).append("\n\n").append(ReportText.markdownBlock(c.text())).append('\n');
        }
        out.append("### Skipped (").append(skipped.size()).append(")\n\n");
        if (skipped.isEmpty()) {
            none("No messages were skipped.");
        } else {
            table(List.of("Clock", "Time", "Channel", "Reason", "By"), skipped.stream().map(c -> List.of(
                    f.clock(c.at()), f.when(c.at()), markdown(c.channel()), markdown(c.reason()), markdown(c.actor())))
                    .toList());
        }
    }

    private void decisions() {
        heading("Decisions");
        if (pm.decisions().isEmpty()) {
            none("No growth-versus-stability decisions were recorded.");
            return;
        }
        table(List.of("Clock", "Chosen", "Matrix said", "Stability", "Growth/h", "Rationale", "By"),
                pm.decisions().stream().map((Decision d) -> List.of(f.clock(d.at()), markdown(d.chosen().label()),
                        markdown(d.suggested().label()), d.inputs().stability() + "/10",
                        markdown(String.format(java.util.Locale.ROOT, "%,.0f", d.inputs().growthPerHour())),
                        markdown(d.rationale()), markdown(d.by()))).toList());
    }

    private void overrides() {
        heading("WIP overrides and SLA breaches");
        out.append("### WIP overrides (").append(pm.overrides().stream()
                .filter(e -> e.kind() == dev.warroom.domain.EventKind.WIP_OVERRIDE).count()).append(")\n\n");
        if (pm.overrides().isEmpty()) {
            none("No WIP limit was overridden.");
        } else {
            table(List.of("Clock", "Time", "What", "By"), pm.overrides().stream().map(this::eventRow).toList());
        }
        out.append("### SLA breaches (").append(pm.slaBreaches().size()).append(")\n\n");
        if (pm.slaBreaches().isEmpty()) {
            none("No SLA was breached.");
        } else {
            table(List.of("Clock", "Time", "What", "By"), pm.slaBreaches().stream().map(this::eventRow).toList());
        }
    }

    private List<String> eventRow(TimelineEvent e) {
        return List.of(f.clock(e.at()), f.when(e.at()), markdown(e.summary()), markdown(e.actor()));
    }

    private void checklists() {
        heading("Checklist completion");
        if (pm.checklists().isEmpty()) {
            none("No checklists are configured.");
            return;
        }
        table(List.of("Checklist", "When", "Done", "Still open"), pm.checklists().stream().map((ChecklistProgress p) ->
                List.of(markdown(p.template().title()), markdown(p.template().when()), p.summary(),
                        markdown(String.join("; ", p.template().items().stream()
                                .filter(i -> !p.ticks().containsKey(i.id())).map(ChecklistTemplate.Item::text)
                                .toList())))).toList());
    }

    private void debt() {
        heading("Open scale debt");
        CleanupPlan plan = pm.debt();
        if (plan.weeks().stream().allMatch(w -> w.entries().isEmpty())) {
            none("No scale debt is open.");
            return;
        }
        for (CleanupPlan.Week w : plan.weeks()) {
            if (w.entries().isEmpty()) {
                continue;
            }
            out.append("### Week ").append(w.number()).append(": ").append(markdown(w.theme()));
            if (w.ends() != null) {
                out.append(" (fix by ").append(f.day(w.ends())).append(w.overdue() ? ", overdue" : "").append(')');
            }
            out.append("\n\n");
            for (DebtEntry e : w.entries()) {
                out.append("- **").append(markdown(e.area())).append("**: ").append(markdown(e.shortcut()))
                        .append(" — owner ").append(markdown(e.owner())).append(", ").append(e.status().label())
                        .append(e.reason().isEmpty() ? "" : ". Why: " + markdown(e.reason())).append('\n');
            }
            out.append('\n');
        }
    }

    private void actions() {
        heading("Action items");
        if (pm.actions().isEmpty()) {
            none("Nothing left to do: every KPI met, no open debt, checklists complete, no SLA breached.");
            return;
        }
        int n = 1;
        for (ActionItem a : pm.actions()) {
            out.append(n++).append(". **").append(markdown(a.source())).append("**: ").append(markdown(a.text()))
                    .append(a.owner().isEmpty() ? "" : " — owner " + markdown(a.owner())).append('\n');
        }
        out.append('\n');
    }

    private void timeline() {
        heading("Timeline (" + pm.timeline().size() + " events)");
        if (pm.timeline().isEmpty()) {
            none("No timeline events were recorded for this crisis.");
            return;
        }
        table(List.of("Clock", "Time", "Kind", "By", "What"), pm.timeline().stream().map(e -> List.of(
                f.clock(e.at()), f.when(e.at()), ReportSections.kindLabel(e.kind()), markdown(e.actor()),
                markdown(e.summary()))).toList());
    }

}
