package dev.warroom.crisis.comms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.LiveFigures;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.Priority;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.ScaleSeverity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofMinutes(6 * 60 + 12));

    private static Card card(long id, String title, Column column, Priority p, Instant eta) {
        return new Card(id, title, "", CardKind.SCALING, p, "alice", eta, "", column, (int) id, T0, T0, T0, null, 0);
    }

    private static LiveFigures figures() {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.TRAFFIC_MULTIPLE, 52.0);
        v.put(Metric.UPTIME, 99.8);
        v.put(Metric.P95_LATENCY, 420.0);
        v.put(Metric.ERROR_RATE, 1.25);
        v.put(Metric.SIGNUPS_PER_HOUR, 10400.0);
        v.put(Metric.ACTIVE_USERS, 23456.0);
        return new LiveFigures() {
            @Override
            public Optional<Figure> latest(Metric m) {
                return Optional.ofNullable(v.get(m)).map(x -> new LiveFigures.Figure(m, x, NOW));
            }

            @Override
            public Optional<Double> total(Metric perHour, java.time.Instant from, java.time.Instant to) {
                return Optional.of(10_000.0);
            }

            @Override
            public Optional<Double> mean(Metric m, java.time.Instant from, java.time.Instant to) {
                return Optional.of(99.82);
            }

            @Override
            public Optional<Double> peak(Metric m, java.time.Instant from, java.time.Instant to) {
                return Optional.of(1300.0);
            }
        };
    }

    private static Map<String, Object> full(List<Card> cards) {
        return values(cards, "customers");
    }

    /** The values for a message on {@code channel} ("war-room" is the team's own, the others reach customers). */
    private static Map<String, Object> values(List<Card> cards, String channel) {
        CrisisOverview crisis = new CrisisOverview(new Crisis(1, "Launch-day surge", T0, null, 0), ScaleSeverity.VIRAL,
                Map.of("incident-commander", "alice", "communications-lead", "bob"));
        CommsCadence cadence = CommsCadence.seedDefault();
        return MessageValues.of(crisis, cards, figures(), cadence.step(channel).orElseThrow(),
                cadence.schedule(T0, null, Map.of(), NOW), NOW, ZoneOffset.UTC);
    }

    /** Cards with the public summaries customers read in place of their titles. */
    private static List<Card> someCards() {
        return List.of(card(1, "Database performance", Column.DONE, Priority.CRITICAL, null)
                        .withPublicSummary("Faster database answers"),
                card(2, "Signup flow", Column.IN_PROGRESS, Priority.CRITICAL, NOW.plus(Duration.ofHours(2)))
                        .withPublicSummary("Signups that go through"),
                card(3, "Search speed", Column.BACKLOG, Priority.HIGH, null).withPublicSummary("Faster search"),
                card(4, "Admin charts", Column.BACKLOG, Priority.MEDIUM, null).withPublicSummary("Admin charts"));
    }

    @Test
    void everyShippedTemplateRendersCompletelyWithFullData() {
        for (String name : TemplateLibrary.SHIPPED) {
            for (OutputFormat f : OutputFormat.values()) {
                RenderedMessage r = TemplateRenderer.render(TemplateLibrary.shipped(name), full(someCards()), f);
                assertTrue(r.problem().isEmpty(), name + ": " + r.problem());
                assertTrue(r.complete(), name + " " + f + " gaps " + r.gaps() + " unknown " + r.unknown());
                assertFalse(r.text().isBlank(), name);
                assertFalse(r.text().contains("{{"), name);
            }
        }
    }

    @Test
    void everyShippedTemplateShowsGapsWithEmptyData() {
        for (String name : TemplateLibrary.SHIPPED) {
            RenderedMessage r = TemplateRenderer.render(TemplateLibrary.shipped(name), Map.of(), OutputFormat.PLAIN);
            assertTrue(r.problem().isEmpty(), name + ": " + r.problem());
            assertTrue(r.unknown().isEmpty(), name + " uses unknown names " + r.unknown());
            assertFalse(r.gaps().isEmpty(), name + " should show what is missing");
            for (String gap : r.gaps()) {
                assertTrue(r.text().contains("⟦missing: " + gap + "⟧"), name + ": " + gap);
            }
        }
    }

    @Test
    void theWrapUpCarriesTheGrowthStatsOfTheCrisis() {
        String text = TemplateRenderer.render(TemplateLibrary.shipped("hour-24-wrap-up"), full(someCards()),
                OutputFormat.PLAIN).text();
        assertTrue(text.contains("10,000 new people joined in the last 24 hours"), text);
        assertTrue(text.contains("Uptime: 99.82% over the last 12 hours"), text);
        assertTrue(text.contains("3.1x faster than at the worst moment (420 ms now, 1.3 s at the peak)"), text);
    }

    @Test
    void fullDataFillsTheProgressUpdate() {
        String text = TemplateRenderer.render(TemplateLibrary.shipped("hour-6-progress"), full(someCards()),
                OutputFormat.PLAIN).text();
        assertTrue(text.contains("6h 12m in"), text);
        assertTrue(text.contains("52x of normal"), text);
        assertTrue(text.contains("Uptime is 99.8%"), text);
        assertTrue(text.contains("420 ms"), text);
        assertTrue(text.contains("- ✓ Faster database answers"), text);
        assertTrue(text.contains("- → Signups that go through (2h ETA)"), text);
        assertTrue(text.contains("- → Faster search (no ETA yet)"), text);
        assertFalse(text.contains("Admin charts"), "MEDIUM backlog is not promised to customers");
        assertTrue(text.contains("Next update: 18:12 (in 2h)"), text);
    }

    @Test
    void cardTitlesNeverReachACustomerChannelOnlyPublicSummariesDo() {
        List<Card> teamWords = List.of(card(1, "Login returns 502 under load", Column.DONE, Priority.CRITICAL, null),
                card(2, "test card please ignore", Column.IN_PROGRESS, Priority.CRITICAL, null),
                card(3, "Kill the N+1 in search", Column.BACKLOG, Priority.HIGH, null));
        for (String channel : List.of("status-page", "customers", "detailed")) {
            for (String name : TemplateLibrary.SHIPPED) {
                String text = TemplateRenderer.render(TemplateLibrary.shipped(name), values(teamWords, channel),
                        OutputFormat.PLAIN).text();
                for (Card c : teamWords) {
                    assertFalse(text.contains(c.title()), channel + " / " + name + " leaks \"" + c.title() + "\": " + text);
                }
            }
        }
        String status = TemplateRenderer.render(TemplateLibrary.shipped("status-page"), values(teamWords, "status-page"),
                OutputFormat.PLAIN).text();
        assertTrue(status.contains("- Finding the cause of the slowdown"), "no summaries: the general line " + status);

        List<Card> summarised = List.of(teamWords.get(0), teamWords.get(1).withPublicSummary("Reliable logins"),
                teamWords.get(2));
        String progress = TemplateRenderer.render(TemplateLibrary.shipped("hour-6-progress"),
                values(summarised, "detailed"), OutputFormat.PLAIN).text();
        assertTrue(progress.contains("- → Reliable logins"), progress);
        assertFalse(progress.contains("test card please ignore"), progress);
        assertFalse(progress.contains("Login returns 502"), progress);

        String warRoom = TemplateRenderer.render("{{#working}}{{title}};{{/working}}", values(summarised, "war-room"),
                OutputFormat.PLAIN).text();
        assertEquals("test card please ignore;Kill the N+1 in search;", warRoom, "the team's own channel reads titles");
    }

    @Test
    void missingFigureIsAVisibleGapNotABlank() {
        RenderedMessage r = TemplateRenderer.render("Traffic: {{traffic_multiple}}. {{typo_here}}",
                Map.of("uptime", "99%"), OutputFormat.PLAIN);
        assertEquals("Traffic: ⟦missing: traffic_multiple⟧. ⟦missing: typo_here⟧", r.text());
        assertEquals(List.of("traffic_multiple", "typo_here"), r.gaps());
        assertEquals(List.of("typo_here"), r.unknown());
    }

    @Test
    void controlAndDirectionCharactersInValuesAreShownVisiblyInEveryFormat() {
        for (OutputFormat f : OutputFormat.values()) {
            String text = TemplateRenderer.render("Name: {{crisis_name}}.",
                    Map.of("crisis_name", "RLO \u202Egnp.exe \u001B[2J\u0000"), f).text();
            assertFalse(text.contains("\u202E") || text.contains("\u001B") || text.contains("\u0000"), f + ": " + text);
            assertTrue(text.contains("202E⟧gnp.exe \u241B"), f + ": " + text);
        }
    }

    private static Map<String, Object> cardList(int n) {
        List<Map<String, String>> cards = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            cards.add(Map.of("title", "Card number " + i + " with a reasonably long title"));
        }
        return Map.of("fixed", cards);
    }

    @Test
    void sixNestedSectionsOverTheCardListAreStoppedWithAMessageNamingTheTemplate() {
        String six = "{{#fixed}}".repeat(6) + "{{title}} " + "{{/fixed}}".repeat(6);
        RenderedMessage r = TemplateRenderer.render("my-status", six, cardList(30), OutputFormat.PLAIN,
                TemplateRenderer.MAX_OUTPUT, TemplateRenderer.MAX_TIME);
        assertEquals("", r.text());
        assertTrue(r.problem().isPresent(), "30^6 titles must not be rendered");
        String message = r.problem().get().describe();
        assertTrue(message.startsWith("Template \"my-status\" was stopped: it came to more than 200,000 characters"),
                message);
        assertTrue(message.contains("take the inner sections out of the outer ones"), message);
    }

    @Test
    void nestedSectionsThatWriteNothingAreStoppedByTheClock() {
        String silent = "{{#fixed}}".repeat(6) + "{{/fixed}}".repeat(6);
        RenderedMessage r = TemplateRenderer.render("quiet", silent, cardList(60), OutputFormat.PLAIN,
                TemplateRenderer.MAX_OUTPUT, Duration.ofMillis(300));
        assertTrue(r.problem().isPresent(), "60^6 empty turns must not run to the end");
        assertTrue(r.problem().get().describe().startsWith("Template \"quiet\" was stopped after 300 ms"),
                r.problem().get().describe());
    }

    @Test
    void aTemplateWithinTheBudgetRendersInFull() {
        RenderedMessage r = TemplateRenderer.render("two", "{{#fixed}}{{#fixed}}x{{/fixed}}{{/fixed}}", cardList(30),
                OutputFormat.PLAIN, TemplateRenderer.MAX_OUTPUT, TemplateRenderer.MAX_TIME);
        assertTrue(r.problem().isEmpty(), String.valueOf(r.problem()));
        assertEquals("x".repeat(900), r.text());
    }

    static Stream<String> hostile() {
        return Stream.of("{{crisis_name}} {{#fixed}}x{{/fixed}}", "<script>alert(1)</script> & <b>bold</b>",
                "<!channel> wake up @here @channel <@U123>", "*bold* _it_ [link](http://x) `code`", "x".repeat(5000));
    }

    @Test
    void hostileCardTitlesComeOutLiteralInPlainText() {
        hostile().forEach(title -> {
            String text = TemplateRenderer.render("{{#working}}[{{title}}]{{/working}}",
                    values(List.of(card(9, title, Column.IN_PROGRESS, Priority.HIGH, null)), "war-room"),
                    OutputFormat.PLAIN).text();
            assertEquals("[" + title + "]", text);
        });
    }

    @Test
    void slackNeutralisesMentionsAndMarkup() {
        String text = TemplateRenderer.render("{{#working}}{{title}}{{/working}}", values(List.of(card(9,
                "<!channel> wake up @here & <@U123> {{x}}", Column.IN_PROGRESS, Priority.HIGH, null)), "war-room"),
                OutputFormat.SLACK).text();
        assertEquals("&lt;!channel&gt; wake up @\u2060here &amp; &lt;@U123&gt; {{x}}", text);
        assertFalse(text.contains("<!channel>"));
        assertFalse(text.contains("@here"));
    }

    @Test
    void markdownEscapesEverythingThatWouldFormat() {
        String text = TemplateRenderer.render("- {{#working}}{{title}}{{/working}}", values(List.of(card(9,
                "*bold* <b>x</b> [l](u) `c`", Column.IN_PROGRESS, Priority.HIGH, null)), "war-room"),
                OutputFormat.MARKDOWN).text();
        assertEquals("- \\*bold\\* \\<b\\>x\\</b\\> \\[l\\]\\(u\\) \\`c\\`", text);
    }

    @Test
    void tripleMustacheCannotUndoTheEscaping() {
        String text = TemplateRenderer.render("{{{crisis_name}}} {{&crisis_name}}", Map.of("crisis_name", "<!here>"),
                OutputFormat.SLACK).text();
        assertEquals("&lt;!here&gt; &lt;!here&gt;", text);
    }

    @Test
    void templatesCannotReachMethodsOrFiles() {
        RenderedMessage methods = TemplateRenderer.render("{{crisis_name.bytes}}{{crisis_name.class}}{{now.length}}",
                Map.of("crisis_name", "Surge", "now", "10:00"), OutputFormat.PLAIN);
        assertFalse(methods.text().contains("[B@"), methods.text());
        assertFalse(methods.text().contains("java.lang"), methods.text());
        assertFalse(methods.text().contains("5"), methods.text());
        RenderedMessage partial = TemplateRenderer.render("{{> ../../etc/passwd}}", Map.of(), OutputFormat.PLAIN);
        assertTrue(partial.problem().isPresent());
        assertEquals("", partial.text());
    }

    @Test
    void syntaxErrorsComeBackWithLineAndColumn() {
        RenderedMessage r = TemplateRenderer.render("Hello\n  {{#fixed}}\n", Map.of(), OutputFormat.PLAIN);
        assertEquals(2, r.problem().orElseThrow().line());
        assertEquals(3, r.problem().orElseThrow().column());
    }

    @Test
    void userTemplatesComeFromTheFolderBesideTheConfig(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("templates");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("board-update.mustache"), "Board: {{crisis_name}}");
        Files.writeString(folder.resolve("status-page.mustache"), "Ours");
        Files.writeString(folder.resolve("bad name!.mustache"), "x");
        TemplateLibrary.Loaded loaded = new TemplateLibrary(TemplateLibrary.folderBeside(dir.resolve("my.json"))).load();
        assertEquals("Ours", loaded.templates().stream().filter(t -> t.name().equals("status-page")).findFirst()
                .orElseThrow().source());
        assertTrue(loaded.templates().stream().anyMatch(t -> t.name().equals("board-update") && !t.shipped()));
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        assertEquals(TemplateLibrary.SHIPPED.size() + 1, loaded.templates().size());
    }

    @Test
    void theShippedFolderHoldsExactlyTheListedTemplates() throws Exception {
        Path folder = Path.of("data/templates");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(TemplateLibrary.SHIPPED.stream().sorted().toList(), files.map(p -> p.getFileName().toString()
                    .replace(".mustache", "")).sorted().toList());
        }
    }
}
