package dev.warroom.ui.timeline;

import dev.warroom.crisis.timeline.TimelineService;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.dashboard.FigureFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The timeline's state: every event of the crisis, filters, notes, and the replay position. */
public final class TimelineViewModel {
    /** Event kinds grouped the way people look for them. */
    public static final Map<String, Set<EventKind>> KIND_GROUPS = groups();
    public static final List<Double> SPEEDS = List.of(1.0, 10.0, 60.0, 600.0, 3600.0);

    private final TimelineService service;
    private final TaskRunner tasks;
    private final TaskRunner writes;
    private final DialogService dialogs;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<TimelineService.Entry> all = FXCollections.observableArrayList();
    private final FilteredList<TimelineService.Entry> shown = new FilteredList<>(all, e -> true);
    private final ObservableList<String> people = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> kindGroup = new SimpleObjectProperty<>("All events");
    private final ObjectProperty<String> person = new SimpleObjectProperty<>();
    private final ObjectProperty<TimelineService.Entry> selected = new SimpleObjectProperty<>();
    /** The entry the list should scroll to and select (a note just added), once it is loaded. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<TimelineService.Entry> reveal =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private Long revealAfterLoad;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TimelineService.Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    /** How close to the end replay counts as live (a slider dragged to the end may stop just short). */
    private static final double LIVE_END = 0.999;
    private final DoubleProperty position = new SimpleDoubleProperty(1.0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(60.0);
    private final BooleanProperty reportRunning = new SimpleBooleanProperty(false);
    private final DoubleProperty reportProgress = new SimpleDoubleProperty(0);
    private TaskRunner.Job reportJob;
    private dev.warroom.crisis.report.ReportService reports;
    private Crisis crisis;
    private Instant from = Instant.EPOCH;
    private Instant to = Instant.EPOCH;
    private boolean snapshotRunning;
    private Instant snapshotWanted;

    /** One runner for reads and writes alike (tests run both in line). */
    public TimelineViewModel(TimelineService service, TaskRunner tasks, DialogService dialogs, Clock clock,
                             ZoneId zone) {
        this(service, tasks, tasks, dialogs, clock, zone);
    }

    /**
     * @param background reads, replay snapshots and the post-mortem (the app's background pool)
     * @param writes     notes (the app's one writer)
     */
    public TimelineViewModel(TimelineService service, TaskRunner background, TaskRunner writes, DialogService dialogs,
                             Clock clock, ZoneId zone) {
        this.service = service;
        this.tasks = background;
        this.writes = writes;
        this.dialogs = dialogs;
        this.clock = clock;
        this.zone = zone;
        search.addListener(o -> refilter());
        kindGroup.addListener(o -> refilter());
        person.addListener(o -> refilter());
        position.addListener((o, a, b) -> requestSnapshot(at(b.doubleValue())));
    }

    private static Map<String, Set<EventKind>> groups() {
        Map<String, Set<EventKind>> g = new LinkedHashMap<>();
        g.put("All events", Set.of(EventKind.values()));
        g.put("Board", Set.of(EventKind.CARD_CREATED, EventKind.CARD_EDITED, EventKind.CARD_MOVED,
                EventKind.CARD_DELETED, EventKind.CARD_RESTORED, EventKind.FEATURES_PAUSED, EventKind.FEATURES_RESUMED,
                EventKind.UNDONE, EventKind.DEMO_LOADED, EventKind.POLICY_CHANGED));
        g.put("WIP overrides and SLA breaches", Set.of(EventKind.WIP_OVERRIDE, EventKind.WIP_OVERRIDE_CLEARED,
                EventKind.SLA_BREACHED));
        g.put("Alerts and severity", Set.of(EventKind.ALERT_STATE_CHANGED, EventKind.SCALE_SEVERITY_CHANGED,
                EventKind.INCIDENT_SEVERITY_CHANGED, EventKind.METRIC_SOURCE_CHANGED, EventKind.ALERT_RECEIVED,
                EventKind.ALERT_RESOLVED, EventKind.SOURCE_DOWN, EventKind.SOURCE_BACK));
        g.put("Crisis and roles", Set.of(EventKind.CRISIS_STARTED, EventKind.CRISIS_ENDED, EventKind.ROLE_ASSIGNED,
                EventKind.TEAM_STATUS_SET));
        g.put("Messages", Set.of(EventKind.COMMS_SENT, EventKind.COMMS_SKIPPED, EventKind.COMMS_DELIVERED,
                EventKind.COMMS_DELIVERY_FAILED));
        g.put("Decisions, checklists, OKRs", Set.of(EventKind.DECISION_RECORDED, EventKind.DECISION_THRESHOLD_CHANGED,
                EventKind.CHECKLIST_TICKED, EventKind.CHECKLIST_UNTICKED, EventKind.CHECKLIST_AUTO_TICKED,
                EventKind.OKR_SET, EventKind.READINESS_ASSESSED));
        g.put("Scale debt", Set.of(EventKind.DEBT_LOGGED, EventKind.DEBT_EDITED, EventKind.DEBT_STATUS_CHANGED,
                EventKind.DEBT_PROMOTED));
        g.put("Notes", Set.of(EventKind.NOTE));
        return g;
    }

    public ObservableList<TimelineService.Entry> entries() {
        return shown;
    }

    public ObservableList<String> people() {
        return people;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> kindGroupProperty() {
        return kindGroup;
    }

    public ObjectProperty<String> personProperty() {
        return person;
    }

    /** A note just added, for the list to scroll into view and select; set once it is among the entries. */
    public javafx.beans.property.ReadOnlyObjectProperty<TimelineService.Entry> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    public ObjectProperty<TimelineService.Entry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimelineService.Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Replay position, 0 (the start of the record) to 1 (now or the crisis end). */
    public DoubleProperty positionProperty() {
        return position;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public ObjectProperty<Double> speedProperty() {
        return speed;
    }

    public void setCrisis(Crisis crisis) {
        this.crisis = crisis;
    }

    /** What one load reads: the crisis the record is about, its window, and its events. */
    private record Loaded(Crisis crisis, Instant from, Instant to, List<TimelineService.Entry> entries) {
    }

    /** Reloads every event of the crisis (with its figures) in the background. */
    public void load() {
        tasks.run(() -> {
            Crisis about = crisis != null ? crisis : service.latestCrisis().orElse(null);
            Instant[] window = service.window(about);
            return new Loaded(about, window[0], window[1], service.entries(window[0], window[1]));
        }, loaded -> {
            crisis = loaded.crisis();
            List<TimelineService.Entry> list = loaded.entries();
            from = list.isEmpty() ? loaded.from() : list.get(0).event().at();
            to = loaded.to();
            all.setAll(list);
            List<String> actors = new ArrayList<>();
            actors.add(null);
            list.stream().map(e -> e.event().actor()).distinct().sorted().forEach(actors::add);
            people.setAll(actors);
            message.set(list.size() + " events" + (list.size() >= TimelineService.MAX_EVENTS ? " (the first "
                    + TimelineService.MAX_EVENTS + " only)" : ""));
            requestSnapshot(at(position.get()));
            if (revealAfterLoad != null) {
                long id = revealAfterLoad;
                revealAfterLoad = null;
                shown.stream().filter(x -> x.event().id() == id).findFirst().ifPresent(reveal::set);
            }
        }, e -> message.set("Could not read the timeline: " + e.getMessage()));
    }

    /** Replay sits at (or within a hair of) the live end: the list follows the newest events. */
    public boolean atLiveEnd() {
        return position.get() >= LIVE_END;
    }

    /** Starts or stops replay; starting from the end plays the crisis again from its beginning. */
    public void togglePlay() {
        if (!playing.get() && position.get() >= 1) {
            position.set(0);
        }
        playing.set(!playing.get());
    }

    /** Reloads when replay sits at the live end and nothing is playing, so new events show up on their own. */
    public void refreshIfFollowing() {
        if (!playing.get() && atLiveEnd() && !snapshotRunning) {
            load();
        }
    }

    private void refilter() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        Set<EventKind> kinds = KIND_GROUPS.getOrDefault(kindGroup.get(), KIND_GROUPS.get("All events"));
        String who = person.get();
        shown.setPredicate(e -> kinds.contains(e.event().kind())
                && (who == null || who.equals(e.event().actor()))
                && (q.isEmpty() || (e.event().summary() + " " + e.event().actor() + " " + e.event().kind())
                        .toLowerCase(Locale.ROOT).contains(q)));
    }

    // formatting for the list

    public String clockOf(TimelineEvent e) {
        String local = DateTimeFormatter.ofPattern("HH:mm:ss").format(e.at().atZone(zone));
        return crisis == null ? local : local + "  " + Crisis.clock(crisis.startedAt(), e.at());
    }

    public static String figuresOf(TimelineService.Entry entry) {
        if (entry.figures().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Metric m : TimelineService.KEY_METRICS) {
            Double v = entry.figures().get(m);
            if (v != null) {
                String[] f = FigureFormat.of(m, v);
                parts.add(shortLabel(m) + " " + f[0] + (f[1].startsWith("x") ? "x" : f[1].equals("%") ? "%"
                        : f[1].equals("ms") || f[1].equals("s") ? " " + f[1] : ""));
            }
        }
        return String.join(" · ", parts);
    }

    private static String shortLabel(Metric m) {
        return switch (m) {
            case TRAFFIC_MULTIPLE -> "traffic";
            case ERROR_RATE -> "errors";
            case P95_LATENCY -> "p95";
            case UPTIME -> "uptime";
            case SIGNUPS_PER_HOUR -> "signups/h";
            case ACTIVE_USERS -> "users";
            default -> m.key();
        };
    }

    /** Before/after of the selected event, for the detail pane. */
    public String detail(TimelineService.Entry entry) {
        if (entry == null) {
            return "Select an event to see its details.";
        }
        TimelineEvent e = entry.event();
        StringBuilder sb = new StringBuilder();
        sb.append(e.summary()).append("\n\n").append(clockOf(e)).append(" · ").append(e.actor()).append(" · ")
                .append(e.kind()).append(" · ").append(e.subject());
        String figures = figuresOf(entry);
        sb.append("\n\nAt that moment: ").append(figures.isEmpty() ? "no metric figures recorded" : figures);
        if (!e.before().isEmpty()) {
            sb.append("\n\nBefore: ").append(e.before());
        }
        if (!e.after().isEmpty()) {
            sb.append("\n\nAfter: ").append(e.after());
        }
        List<String> notes = all.stream().filter(n -> n.event().kind() == EventKind.NOTE
                && n.event().subject().equals("event:" + e.id())).map(n -> "• " + n.event().actor() + ": "
                + n.event().summary()).toList();
        if (!notes.isEmpty()) {
            sb.append("\n\nAnnotations:\n").append(String.join("\n", notes));
        }
        return sb.toString();
    }

    // notes

    /** Adds a note to the record; about the selected event when {@code aboutSelected}. */
    public void addNote(boolean aboutSelected) {
        TimelineService.Entry about = aboutSelected ? selected.get() : null;
        String title = about == null ? "Add a note" : "Annotate this event";
        dialogs.askText(title, about == null ? "A note goes into the record at the current time."
                        : "About: " + about.event().summary(), "What happened, what you noticed", "Add to record",
                text -> {
                    String t = text == null ? "" : text.strip();
                    return t.isEmpty() ? "The note is empty." : t.length() > TimelineService.MAX_NOTE
                            ? "Keep the note under " + TimelineService.MAX_NOTE + " characters." : null;
                }).ifPresent(text -> writes.run(() -> service.addNote(text, about == null ? null : about.event().id()),
                        e -> {
                            message.set("Note added.");
                            revealAfterLoad = e.id();
                            load();
                        }, e -> message.set(e instanceof InvalidInputException ? e.getMessage()
                                : "Note not saved: " + e.getMessage())));
    }

    // replay

    /** The instant at replay position {@code p}. */
    public Instant at(double p) {
        long span = Math.max(1, Duration.between(from, to).toMillis());
        return from.plusMillis((long) (Math.max(0, Math.min(1, p)) * span));
    }

    public Instant replayFrom() {
        return from;
    }

    public Instant replayTo() {
        return to;
    }

    /** Moves replay forward by {@code realSeconds} at the chosen speed; stops at the end. */
    public void advance(double realSeconds) {
        long span = Math.max(1, Duration.between(from, to).toMillis());
        double next = position.get() + realSeconds * speed.get() * 1000 / span;
        if (next >= 1) {
            next = 1;
            playing.set(false);
        }
        position.set(next);
    }

    public String replayTime(TimelineService.Snapshot s) {
        if (s == null) {
            return "";
        }
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(s.at().atZone(zone));
        return local + (crisis == null ? "" : "   " + Crisis.clock(crisis.startedAt(), s.at())) + "   ("
                + s.eventsApplied() + " events replayed)";
    }

    /** Computes the snapshot in the background; while one runs, only the latest request is kept. */
    private void requestSnapshot(Instant at) {
        snapshotWanted = at;
        if (snapshotRunning) {
            return;
        }
        snapshotRunning = true;
        List<TimelineEvent> events = all.stream().map(TimelineService.Entry::event).toList();
        Instant target = at;
        tasks.run(() -> service.snapshot(events, target), s -> {
            snapshot.set(s);
            snapshotRunning = false;
            if (!target.equals(snapshotWanted)) {
                requestSnapshot(snapshotWanted);
            }
        }, e -> {
            snapshotRunning = false;
            message.set("Replay failed: " + e.getMessage());
        });
    }

    public Clock clock() {
        return clock;
    }

    // post-mortem report

    /** The service that writes post-mortems (on the background runner, with progress). */
    public void setReports(dev.warroom.crisis.report.ReportService reports) {
        this.reports = reports;
    }

    public BooleanProperty reportRunningProperty() {
        return reportRunning;
    }

    public DoubleProperty reportProgressProperty() {
        return reportProgress;
    }

    /** Asks where to save, then writes the crisis's post-mortem as Markdown and HTML, with progress. */
    public void exportReport() {
        if (reports == null || reportRunning.get()) {
            return;
        }
        if (crisis == null) {
            message.set("There is no crisis to report on yet: start one (or load the demo) first.");
            return;
        }
        String slug = crisis.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        java.util.Optional<java.nio.file.Path> target = dialogs.chooseExportFile("Post-mortem report",
                "post-mortem-" + (slug.isEmpty() ? "crisis-" + crisis.id() : slug) + ".html", "html");
        if (target.isEmpty()) {
            return;
        }
        java.nio.file.Path out = target.get();
        dev.warroom.crisis.report.ReportFiles files = dev.warroom.crisis.report.ReportFiles.of(out);
        long id = crisis.id();
        tasks.run(() -> java.nio.file.Files.exists(files.html()) || java.nio.file.Files.exists(files.markdown()),
                exists -> {
                    if (exists && !dialogs.confirm("Replace the report?", files.html().getFileName()
                            + " or its Markdown twin already exists in " + files.folder() + ". Replace both?",
                            "Replace")) {
                        return;
                    }
                    writeReport(id, out);
                }, e -> message.set("Cannot look at " + out + ": " + e.getMessage()));
    }

    private void writeReport(long id, java.nio.file.Path out) {
        reportRunning.set(true);
        reportProgress.set(0);
        message.set("Writing the post-mortem…");
        reportJob = tasks.start((progress, job) -> reports.write(id, out, progress::report, job::cancelled),
                (fraction, step) -> {
                    if (reportRunning.get()) {
                        reportProgress.set(fraction);
                        message.set("Post-mortem: " + step + "…");
                    }
                }, written -> {
            reportRunning.set(false);
            reportProgress.set(1);
            message.set("Post-mortem written: " + written.html() + " and " + written.markdown().getFileName());
        }, e -> {
            reportRunning.set(false);
            message.set(e instanceof java.util.concurrent.CancellationException
                    ? "Post-mortem cancelled; nothing was written." : "Post-mortem not written: " + e.getMessage());
        });
    }

    public void cancelReport() {
        if (reportJob != null) {
            reportJob.cancel();
        }
    }

    /** Stops replay playing (the view left the screen). */
    public void pause() {
        playing.set(false);
    }
}
