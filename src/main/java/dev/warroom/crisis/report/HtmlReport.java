package dev.warroom.crisis.report;

import static dev.warroom.domain.report.ReportText.html;

import dev.warroom.crisis.report.PostMortem.ActionItem;
import dev.warroom.crisis.report.PostMortem.MetricSeries;
import dev.warroom.crisis.report.PostMortem.SeverityStep;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.comms.CommsOutcome;
import dev.warroom.domain.debt.CleanupPlan;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.plan.Decision;
import java.util.List;
import java.util.Locale;

/**
 * The post-mortem as one self-contained HTML file: inline CSS, charts as inline SVG, no script, no
 * fonts, no external files. Every recorded text passes through {@code ReportText.html}.
 */
final class HtmlReport {
    private static final String CSS = """
            :root{--fg:#1d2330;--muted:#5d6677;--line:#d9dde5;--bg:#fff;--band:#f4f6f9;--ok:#1a7f37;--bad:#c62828;\
            --warn:#9a6700;--accent:#2456c9}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",\
            Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:1120px;margin:0 auto;padding:24px 28px 48px}
            h1{font-size:26px;margin:0 0 4px}
            h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
            h3{font-size:15px;margin:18px 0 8px}
            .sub{color:var(--muted);margin:0 0 16px}
            table{border-collapse:collapse;width:100%;margin:6px 0 10px}
            th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top;\
            overflow-wrap:break-word}
            td.t,table.kv td{overflow-wrap:anywhere}
            th{background:var(--band);font-weight:600;font-size:13px;white-space:nowrap}
            td.n,th.n{text-align:right;white-space:nowrap}
            td.clock{white-space:nowrap;font-variant-numeric:tabular-nums;font-weight:600}
            td.when{white-space:nowrap;color:var(--muted);font-variant-numeric:tabular-nums}
            table.kv th{width:220px;background:none}
            .missing{border-left:4px solid var(--warn);background:#fff8e5;padding:8px 14px;margin:12px 0}
            .missing ul{margin:4px 0 0;padding-left:20px}
            .met{color:var(--ok);font-weight:700}.missed{color:var(--bad);font-weight:700}.nodata{color:var(--warn);\
            font-weight:700}
            .none{color:var(--muted);font-style:italic}
            ul.facts{padding-left:20px}ul.facts li{margin:3px 0}
            .note{color:var(--muted);font-size:12.5px}
            .charts{display:grid;grid-template-columns:1fr;gap:10px}
            figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 10px 4px}
            figcaption{font-weight:600;margin-bottom:2px}figcaption span{font-weight:400;color:var(--muted)}
            svg.chart{width:100%;height:auto;display:block}
            svg .grid{stroke:#e6e9ef;stroke-width:1}svg .frame{fill:none;stroke:#b9c0cc;stroke-width:1}
            svg .xtick{stroke:#b9c0cc}svg text{font-size:11px;fill:var(--muted)}
            svg .ylab{text-anchor:end}svg .xlab{text-anchor:middle}
            svg .line{fill:none;stroke:var(--accent);stroke-width:1.4;stroke-linejoin:round}
            svg .target{stroke:var(--ok);stroke-width:1.2;stroke-dasharray:6 4}
            svg .mark{stroke-width:1;opacity:.55}
            .m-sev{stroke:#c62828;background:#c62828}.m-alert{stroke:#e07000;background:#e07000}\
            .m-crisis{stroke:#111;background:#111}.m-comms{stroke:#2e7d32;background:#2e7d32}\
            .m-decision{stroke:#6a1b9a;background:#6a1b9a}.m-board{stroke:#0277bd;background:#0277bd}
            .legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12.5px;color:var(--muted);margin:4px 0 8px}
            .legend i{display:inline-block;width:12px;height:3px;margin-right:5px;vertical-align:middle}
            .legend i.t{background:none;border-top:2px dashed var(--ok)}
            .msg{border:1px solid var(--line);border-radius:6px;margin:10px 0}
            .msg header{background:var(--band);padding:5px 10px;font-size:13px}
            .msg pre{margin:0;padding:10px;white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.4 ui-monospace,\
            Menlo,Consolas,monospace}
            ol.actions li{margin:4px 0}.tag{display:inline-block;min-width:84px;font-weight:600}
            table.timeline td{font-size:13px}
            @media print{main{max-width:none}h2{break-after:avoid}figure{break-inside:avoid}}
            """;

    private final PostMortem pm;
    private final ReportFormat f;
    private final ReportSections s;
    private final StringBuilder out = new StringBuilder(256 * 1024);

    private HtmlReport(PostMortem pm) {
        this.pm = pm;
        this.f = new ReportFormat(pm.crisis().startedAt(), pm.zone());
        this.s = new ReportSections(pm, f);
    }

    static String render(PostMortem pm) {
        return new HtmlReport(pm).write();
    }

    private String write() {
        String title = "Post-mortem: " + pm.crisis().name();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>").append(html(title)).append("</title><style>").append(CSS).append("</style></head>\n<body><main>\n");
        out.append("<h1>").append(html(title)).append("</h1>\n<p class=\"sub\">Generated ")
                .append(html(f.when(pm.generatedAt()))).append(" (").append(html(f.zoneName()))
                .append(") by War Room. Times are in ").append(html(f.zoneName()))
                .append("; T+hh:mm is the crisis clock from the start.</p>\n");
        if (!pm.missing().isEmpty()) {
            out.append("<div class=\"missing\"><strong>Not in the record</strong><ul>");
            pm.missing().forEach(m -> out.append("<li>").append(html(m)).append("</li>"));
            out.append("</ul></div>\n");
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
        out.append("</main></body></html>\n");
        return out.toString();
    }

    private void h2(String id, String text) {
        out.append("<h2 id=\"").append(id).append("\">").append(html(text)).append("</h2>\n");
    }

    private void none(String text) {
        out.append("<p class=\"none\">").append(html(text)).append("</p>\n");
    }

    /** A table; {@code classes} gives each column's cell class ("" for none). Cells are escaped here. */
    private void table(String cls, List<String> header, List<String> classes, List<List<String>> rows) {
        out.append("<table").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append("><thead><tr>");
        for (int i = 0; i < header.size(); i++) {
            String c = classes.get(i).equals("n") ? " class=\"n\"" : "";
            out.append("<th").append(c).append('>').append(html(header.get(i))).append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        for (List<String> r : rows) {
            out.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                String c = classes.get(i);
                out.append(c.isEmpty() ? "<td>" : "<td class=\"" + c + "\">").append(html(r.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private void summary() {
        h2("summary", "Summary");
        out.append("<table class=\"kv\"><tbody>\n");
        for (List<String> r : s.summaryRows()) {
            out.append("<tr><th>").append(html(r.get(0))).append("</th><td>").append(html(r.get(1))).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private void impact() {
        h2("impact", "Impact");
        List<List<String>> rows = s.impactRows();
        if (rows.isEmpty()) {
            none("No metric samples were recorded for this crisis, so its impact cannot be measured.");
            return;
        }
        table("", List.of("Measure", "Value", "When"), List.of("", "n", ""), rows);
    }

    private void detection() {
        h2("detect", "Time to detect and time to stable");
        out.append("<ul class=\"facts\">");
        for (String line : s.detectionLines()) {
            out.append("<li>").append(html(line)).append("</li>");
        }
        out.append("</ul>\n<h3>Success metrics over the final hour</h3>\n");
        out.append("<table><thead><tr><th>Metric</th><th>Target</th><th class=\"n\">Mean</th><th class=\"n\">Worst</th>")
                .append("<th class=\"n\">Samples</th><th>Verdict</th></tr></thead><tbody>\n");
        List<List<String>> rows = s.kpiRows();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String cls = switch (pm.kpis().get(i).verdict()) {
                case MET -> "met";
                case MISSED -> "missed";
                case NO_DATA -> "nodata";
            };
            out.append("<tr><td>").append(html(r.get(0))).append("</td><td>").append(html(r.get(1)))
                    .append("</td><td class=\"n\">").append(html(r.get(2))).append("</td><td class=\"n\">")
                    .append(html(r.get(3))).append("</td><td class=\"n\">").append(html(r.get(4)))
                    .append("</td><td class=\"").append(cls).append("\">").append(html(r.get(5))).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n<p class=\"note\">").append(html(ReportSections.DEFINITIONS)).append("</p>\n");
    }

    private void severity() {
        h2("severity", "Severity history");
        if (pm.severity().isEmpty()) {
            none("No scale or incident severity changes were recorded.");
            return;
        }
        table("", List.of("Clock", "Time", "Severity", "From", "To", "By"), List.of("clock", "when", "", "", "", ""),
                pm.severity().stream().map((SeverityStep st) -> List.of(f.clock(st.at()), f.when(st.at()), st.scale(),
                        st.from(), st.to(), st.actor())).toList());
    }

    private void charts() {
        h2("charts", "Key metrics");
        List<TimelineEvent> markers = pm.timeline().stream().filter(e -> SvgChart.markerClass(e.kind()) != null)
                .toList();
        out.append("<div class=\"legend\"><span><i class=\"m-sev\"></i>severity change</span>")
                .append("<span><i class=\"m-alert\"></i>alert</span><span><i class=\"m-crisis\"></i>crisis start/end</span>")
                .append("<span><i class=\"m-comms\"></i>message sent</span><span><i class=\"m-decision\"></i>decision</span>")
                .append("<span><i class=\"m-board\"></i>WIP override / SLA breach</span>")
                .append("<span><i class=\"t\"></i>target</span></div>\n");
        if (markers.size() > SvgChart.MAX_MARKERS) {
            out.append("<p class=\"note\">").append(markers.size()).append(" key events; ").append(SvgChart.MAX_MARKERS)
                    .append(" of them, evenly spread, are marked on the charts. All are in the timeline below.</p>\n");
        }
        out.append("<div class=\"charts\">\n");
        for (Metric m : PostMortem.CHARTED) {
            MetricSeries ms = pm.series(m);
            out.append("<figure><figcaption>").append(html(m.label())).append(" <span>(").append(html(m.unit()))
                    .append(")</span>");
            if (ms.empty()) {
                out.append("</figcaption><p class=\"none\">No samples of ").append(html(m.label()))
                        .append(" were recorded for this crisis.</p></figure>\n");
                continue;
            }
            out.append(" <span>· ").append(ms.whole().count()).append(" samples, lowest ")
                    .append(html(ReportFormat.figure(m, ms.whole().min()))).append(", highest ")
                    .append(html(ReportFormat.figure(m, ms.whole().max()))).append("</span></figcaption>");
            out.append(SvgChart.draw(ms, markers, f, pm.crisis().startedAt(), pm.windowEnd())).append("</figure>\n");
        }
        out.append("</div>\n");
    }

    private void comms() {
        h2("comms", "Communications");
        List<CommsEntry> sent = pm.comms().stream().filter(c -> c.outcome() == CommsOutcome.SENT).toList();
        List<CommsEntry> skipped = pm.comms().stream().filter(c -> c.outcome() == CommsOutcome.SKIPPED).toList();
        out.append("<h3>Sent (").append(sent.size()).append(")</h3>\n");
        if (sent.isEmpty()) {
            none("No messages were sent.");
        }
        for (CommsEntry c : sent) {
            out.append("<section class=\"msg\"><header><strong>").append(html(f.clock(c.at()))).append("</strong> · ")
                    .append(html(f.when(c.at()))).append(" · ").append(html(c.channel())).append(" · ")
                    .append(html(c.format().label())).append(" · by ").append(html(c.actor()))
                    .append("</header><pre>").append(html(c.text())).append("</pre></section>\n");
        }
        out.append("<h3>Skipped (").append(skipped.size()).append(")</h3>\n");
        if (skipped.isEmpty()) {
            none("No messages were skipped.");
        } else {
            table("", List.of("Clock", "Time", "Channel", "Reason", "By"), List.of("clock", "when", "", "t", ""),
                    skipped.stream().map(c -> List.of(f.clock(c.at()), f.when(c.at()), c.channel(), c.reason(),
                            c.actor())).toList());
        }
    }

    private void decisions() {
        h2("decisions", "Decisions");
        if (pm.decisions().isEmpty()) {
            none("No growth-versus-stability decisions were recorded.");
            return;
        }
        table("", List.of("Clock", "Chosen", "Matrix said", "Stability", "Growth/h", "Rationale", "By"),
                List.of("clock", "", "", "n", "n", "t", ""),
                pm.decisions().stream().map((Decision d) -> List.of(f.clock(d.at()), d.chosen().label(),
                        d.suggested().label(), d.inputs().stability() + "/10",
                        String.format(Locale.ROOT, "%,.0f", d.inputs().growthPerHour()), d.rationale(), d.by()))
                        .toList());
    }

    private void overrides() {
        h2("board", "WIP overrides and SLA breaches");
        long count = pm.overrides().stream().filter(e -> e.kind() == EventKind.WIP_OVERRIDE).count();
        out.append("<h3>WIP overrides (").append(count).append(")</h3>\n");
        if (pm.overrides().isEmpty()) {
            none("No WIP limit was overridden.");
        } else {
            eventTable(pm.overrides());
        }
        out.append("<h3>SLA breaches (").append(pm.slaBreaches().size()).append(")</h3>\n");
        if (pm.slaBreaches().isEmpty()) {
            none("No SLA was breached.");
        } else {
            eventTable(pm.slaBreaches());
        }
    }

    private void eventTable(List<TimelineEvent> events) {
        table("", List.of("Clock", "Time", "What", "By"), List.of("clock", "when", "t", ""),
                events.stream().map(e -> List.of(f.clock(e.at()), f.when(e.at()), e.summary(), e.actor())).toList());
    }

    private void checklists() {
        h2("checklists", "Checklist completion");
        if (pm.checklists().isEmpty()) {
            none("No checklists are configured.");
            return;
        }
        table("", List.of("Checklist", "When", "Done", "Still open"), List.of("", "", "n", "t"),
                pm.checklists().stream().map((ChecklistProgress p) -> List.of(p.template().title(), p.template().when(),
                        p.summary(), String.join("; ", p.template().items().stream()
                                .filter(i -> !p.ticks().containsKey(i.id())).map(ChecklistTemplate.Item::text)
                                .toList()))).toList());
    }

    private void debt() {
        h2("debt", "Open scale debt");
        CleanupPlan plan = pm.debt();
        if (plan.weeks().stream().allMatch(w -> w.entries().isEmpty())) {
            none("No scale debt is open.");
            return;
        }
        for (CleanupPlan.Week w : plan.weeks()) {
            if (w.entries().isEmpty()) {
                continue;
            }
            out.append("<h3>Week ").append(w.number()).append(": ").append(html(w.theme()));
            if (w.ends() != null) {
                out.append(" <span class=\"").append(w.overdue() ? "missed" : "note").append("\">(fix by ")
                        .append(html(f.day(w.ends()))).append(w.overdue() ? ", overdue" : "").append(")</span>");
            }
            out.append("</h3>\n");
            table("", List.of("Area", "Shortcut", "Why", "Owner", "Status"), List.of("", "t", "t", "", ""),
                    w.entries().stream().map((DebtEntry e) -> List.of(e.area(), e.shortcut(), e.reason(), e.owner(),
                            e.status().label())).toList());
        }
    }

    private void actions() {
        h2("actions", "Action items");
        if (pm.actions().isEmpty()) {
            none("Nothing left to do: every KPI met, no open debt, checklists complete, no SLA breached.");
            return;
        }
        out.append("<ol class=\"actions\">\n");
        for (ActionItem a : pm.actions()) {
            out.append("<li><span class=\"tag\">").append(html(a.source())).append("</span> ").append(html(a.text()));
            if (!a.owner().isEmpty()) {
                out.append(" <span class=\"note\">— owner ").append(html(a.owner())).append("</span>");
            }
            out.append("</li>\n");
        }
        out.append("</ol>\n");
    }

    private void timeline() {
        h2("timeline", "Timeline (" + pm.timeline().size() + " events)");
        if (pm.timeline().isEmpty()) {
            none("No timeline events were recorded for this crisis.");
            return;
        }
        table("timeline", List.of("Clock", "Time", "Kind", "By", "What"), List.of("clock", "when", "", "", "t"),
                pm.timeline().stream().map(e -> List.of(f.clock(e.at()), f.when(e.at()),
                        ReportSections.kindLabel(e.kind()), e.actor(), e.summary())).toList());
    }
}
