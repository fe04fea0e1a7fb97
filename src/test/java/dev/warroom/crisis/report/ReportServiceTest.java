package dev.warroom.crisis.report;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.report.ReportText;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post-mortem of a scripted crisis played through the real services on a real H2 file. */
/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class ReportServiceTest {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;
    private Database db;
    private ScriptedCrisis script;
    private ReportService reports;

    @BeforeEach
    void open() {
        db = backend.open(dir.resolve("db"), "warroom");
        script = new ScriptedCrisis();
        script.play(db);
        reports = ScriptedCrisis.service(db, script.clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<TimelineEvent> allEvents() {
        return db.read(tx -> tx.timeline(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10_000));
    }

    @Test
    void containsEveryEventOfTheCrisisWithItsClock() {
        ReportService.Report r = reports.build(script.crisisId, null, null);
        List<TimelineEvent> events = allEvents();
        assertTrue(events.size() >= 15, "scripted crisis has " + events.size() + " events");
        assertEquals(events.size(), r.postMortem().timeline().size());
        assertTrue(r.markdown().contains("## Timeline (" + events.size() + " events)"));
        for (TimelineEvent e : events) {
            String clock = Crisis.clock(ScriptedCrisis.START, e.at());
            assertTrue(r.html().contains("<td class=\"clock\">" + clock + "</td><td class=\"when\">")
                    && r.html().contains("<td class=\"t\">" + ReportText.html(e.summary()) + "</td>"), "HTML lacks " + e);
            assertTrue(r.markdown().contains("| " + clock + " | ") && r.markdown().contains(ReportText.markdown(e.summary())),
                    "Markdown lacks " + e);
        }
        for (EventKind k : List.of(EventKind.CRISIS_STARTED, EventKind.ROLE_ASSIGNED, EventKind.SCALE_SEVERITY_CHANGED,
                EventKind.INCIDENT_SEVERITY_CHANGED, EventKind.CARD_CREATED, EventKind.CARD_MOVED,
                EventKind.WIP_OVERRIDE, EventKind.SLA_BREACHED, EventKind.COMMS_SENT, EventKind.COMMS_SKIPPED,
                EventKind.DECISION_RECORDED, EventKind.DEBT_LOGGED, EventKind.CHECKLIST_TICKED, EventKind.CRISIS_ENDED)) {
            assertTrue(events.stream().anyMatch(e -> e.kind() == k), "script lacks " + k);
        }
    }

    @Test
    void measuresDetectDeclareAndStableAgainstTheTargets() {
        ReportService.Report r = reports.build(script.crisisId, null, null);
        String md = r.markdown();
        assertTrue(md.contains("Time to detect: 12m. First signal at T+00:12 (2026-11-23 09:57:00)"), md);
        assertTrue(md.contains("Time to declare: 15m."), md);
        assertTrue(md.contains("Time to stable: 5h (declared stable at T+05:00). Stable after 5h: within the 72 h "
                + "target: met."), md);
        assertTrue(md.contains("| **Duration** | 5h |"), md);
        // final hour: p95 300 ms and error rate 0.5 % met, availability 99.5 % missed
        assertTrue(md.contains("| p95 response time | \\< 500 ms | 300 ms | 300 ms | 360 | met |"), md);
        assertTrue(md.contains("| Error rate | \\< 1 % | 0.50 % | 0.50 % | 360 | met |"), md);
        assertTrue(md.contains("| Availability | \\> 99.9 % | 99.500 % | 99.500 % | 360 | MISSED |"), md);
        assertTrue(md.contains("Success metrics: 2 of 3 met over the final hour."), md);
        // impact, with when it happened on the crisis clock
        assertTrue(md.contains("| Peak traffic multiple | 25.0x | T+01:15 · 2026-11-23 11:00:00 |"), md);
        assertTrue(md.contains("| Peak error rate | 14.00 % | T+01:15"), md);
        assertTrue(md.contains("| Worst p95 response time | 3,400 ms | T+01:15"), md);
        assertTrue(md.contains("| Lowest availability (uptime) | 97.200 % | T+01:15"), md);
        assertTrue(md.contains("| Signups | about 4,997 in total; peak 1,000/h |"), md);
        // severity history on the crisis clock
        assertTrue(md.contains("| T+00:05 | 2026-11-23 09:50:00 | Scale | NORMAL | GROWTH | War Room |"), md);
        assertTrue(md.contains("| T+00:20 | 2026-11-23 10:05:00 | Incident | none | SEV-2 | War Room |"), md);
        assertTrue(md.contains("| T+00:15 | 2026-11-23 10:00:00 | Declared |   | SURGE | alice |"), md);
        // board, decisions, comms, debt and the derived action items
        assertTrue(md.contains("### WIP overrides (1)") && md.contains("### SLA breaches (1)"), md);
        assertTrue(md.contains("| T+00:25 | 2026-11-23 10:10:00 | In progress WIP limit of 1 overridden"), md);
        assertTrue(md.contains("Stability first \\| \\<img src=x onerror=alert(1)\\>"), md);
        assertTrue(md.contains("| **Incident commander** | alice |") && md.contains("| **Scribe** | bob |"), md);
        assertTrue(md.contains("**KPI**: Availability missed its target > 99.9 %") || md.contains(
                "**KPI**: Availability missed its target \\> 99.9 %"), md);
        assertTrue(md.contains("**Scale debt**: Pay back"), md);
        assertTrue(md.contains("**SLA**: Review why the SLA was breached"), md);
        assertTrue(md.contains("**Checklist**: Finish \"Viral surge: the first two hours\" (1 / 6 done). Still open: "
                + "Open the war room"), md);
        assertTrue(md.contains("**Checklist**: \"Infrastructure sprint goals\" was not started (0 / 6)"), md);
        assertTrue(md.contains("| Viral surge: the first two hours | Hour 0–2 | 1 / 6 |"), md);
        assertTrue(r.html().contains("<td class=\"missed\">MISSED</td>"));
        assertEquals(4, count(r.html(), "<svg class=\"chart\""));
    }

    @Test
    void hostileTextIsEscapedInBothFormats() {
        ReportService.Report r = reports.build(script.crisisId, null, null);
        String html = r.html();
        String md = r.markdown();
        assertFalse(html.contains("<script"), "raw script tag in HTML");
        assertFalse(html.contains("<img"), "raw img tag in HTML");
        assertFalse(html.contains("<b>500"), "raw b tag in HTML");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | pipe **bold**"));
        assertTrue(html.contains("<title>Post-mortem: Launch &lt;surge&gt; | day</title>"));
        // the message is there exactly (escaped), long line intact, inside a wrapping <pre>
        assertTrue(html.contains("<pre>" + ReportText.html(ScriptedCrisis.MESSAGE) + "</pre>"));
        assertTrue(html.contains(ScriptedCrisis.LONG_LINE));
        assertFalse(java.util.regex.Pattern.compile("<[a-zA-Z][^>]*\\s(src|href)\\s*=").matcher(html).find()
                || html.contains("<link") || html.contains("@import") || html.contains("url("), "nothing external");

        // outside the fenced message text (a code block shows its content literally), no raw HTML at all
        String prose = md.replaceAll("(?s)````text\n.*?\n````\n", "");
        java.util.regex.Matcher raw = java.util.regex.Pattern.compile("(?<!\\\\)<").matcher(prose);
        assertFalse(raw.find(), () -> "unescaped < in Markdown near: "
                + prose.substring(Math.max(0, raw.start() - 80), Math.min(prose.length(), raw.start() + 80)));
        assertTrue(md.contains("# Post-mortem: Launch \\<surge\\> \\| day"));
        // exact message text in a fence longer than the ``` inside it
        assertTrue(md.contains("````text\n" + ScriptedCrisis.MESSAGE + "\n````\n"), md);
        // every table row keeps its column count: pipes from the data are escaped
        boolean inTimeline = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("## ")) {
                inTimeline = line.startsWith("## Timeline");
            }
            if (inTimeline && line.startsWith("| ")) {
                assertEquals(6, unescapedPipes(line), line);
            }
        }
    }

    @Test
    void reportsProgressInOrderAndWritesBothFiles() throws IOException {
        List<Double> fractions = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        Path out = dir.resolve("out").resolve("launch");
        Files.createDirectories(out.getParent());
        ReportService.Written w = reports.write(script.crisisId, out, (f, s) -> {
            fractions.add(f);
            steps.add(s);
        }, () -> false);
        assertEquals(out.resolveSibling("launch.md").toAbsolutePath(), w.markdown());
        assertEquals(out.resolveSibling("launch.html").toAbsolutePath(), w.html());
        assertTrue(Files.readString(w.html()).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(w.markdown()).startsWith("# Post-mortem: "));
        assertEquals(List.of("launch.html", "launch.md"), listing(out.getParent()));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), fractions.toString());
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        assertTrue(steps.contains("Reading the timeline") && steps.contains("Writing Markdown"), steps.toString());

        // naming one of the two files writes its sibling, replacing the earlier report
        ReportService.Written again = reports.write(script.crisisId, out.resolveSibling("launch.html"), null, null);
        assertEquals(w.markdown(), again.markdown());
        assertEquals(List.of("launch.html", "launch.md"), listing(out.getParent()));
    }

    @Test
    void cancellingWritesNothing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cancel"));
        for (String stopAt : List.of("Reading metric samples: Error rate", "Writing Markdown", "Saving")) {
            boolean[] cancel = {false};
            assertThrows(CancellationException.class, () -> reports.write(script.crisisId, folder.resolve("r"),
                    (f, s) -> cancel[0] |= s.startsWith(stopAt), () -> cancel[0]), stopAt);
            assertEquals(List.of(), listing(folder), "after cancelling at " + stopAt);
        }
    }

    @Test
    void refusesAMissingFolderAndAFileInTheWayNamingThePath() throws IOException {
        Path missing = dir.resolve("nope").resolve("report");
        ReportException e = assertThrows(ReportException.class, () -> reports.write(script.crisisId, missing, null, null));
        assertTrue(e.getMessage().contains(missing.getParent().toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        e = assertThrows(ReportException.class, () -> reports.write(script.crisisId, file.resolve("report"), null, null));
        assertTrue(e.getMessage().contains(file + " is not a folder"), e.getMessage());
        Files.createDirectories(dir.resolve("busy").resolve("r.html"));
        e = assertThrows(ReportException.class, () -> reports.write(script.crisisId, dir.resolve("busy").resolve("r"),
                null, null));
        assertTrue(e.getMessage().contains("a folder of that name is in the way"), e.getMessage());
        assertEquals(List.of("r.html"), listing(dir.resolve("busy")));
    }

    @Test
    void unknownCrisisNamesTheCrisesThereAre() {
        ReportException e = assertThrows(ReportException.class, () -> reports.build(99, null, null));
        assertEquals("There is no crisis 99. Crises in this database: " + script.crisisId
                + " \"Launch <surge> | day\".", e.getMessage());
    }

    @Test
    void aCrisisWithNoEventsAndNoSamplesSaysWhatIsMissing() throws IOException {
        Crisis empty = db.write(tx -> tx.insertCrisis(new Crisis(0, "Quiet night", Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-01T02:00:00Z"), 0)));
        ReportService.Written w = reports.write(empty.id(), dir.resolve("quiet"), null, null);
        String md = Files.readString(w.markdown());
        String html = Files.readString(w.html());
        for (String s : List.of("No metric samples were recorded for this crisis",
                "No timeline events were recorded for this crisis.", "time to detect cannot be measured",
                "No incident commander was recorded.", "No communications were sent or skipped")) {
            assertTrue(md.contains(s), s + " in\n" + md);
            assertTrue(html.contains(s), s);
        }
        assertTrue(md.contains("| Availability | \\> 99.9 % | no data |"), md);
        assertTrue(html.contains("No samples of Traffic were recorded for this crisis."));
        assertTrue(md.contains("Time to stable: 2h"), md);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int unescapedPipes(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '|') {
                n++;
            }
        }
        return n;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
