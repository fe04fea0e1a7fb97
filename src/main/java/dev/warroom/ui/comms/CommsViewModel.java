package dev.warroom.ui.comms;

import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.comms.CommsStatus;
import dev.warroom.crisis.comms.MessageFiles;
import dev.warroom.crisis.comms.MessageTemplate;
import dev.warroom.crisis.comms.RenderedMessage;
import dev.warroom.crisis.comms.TemplateLibrary;
import dev.warroom.crisis.comms.TemplateRenderer;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.comms.CadenceStep;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.comms.DueState;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The comms view's state: the schedule with countdowns, the banner every view shows when something
 * is due, the template editor with its live preview, and the log of what was sent or skipped.
 */
public final class CommsViewModel {
    /**
     * How often {@link #poll()} runs: the schedule, the log and the deliveries are read again this often, on a local
     * file only when something was written since the last read.
     */
    public static final int REFRESH_SECONDS = 5;
    /**
     * While the comms view is hidden, {@link #poll()} reads the template values (every card, the metric figures)
     * only every this many polls, about once a minute: nothing shows them, and whatever uses the message (copy,
     * save, mark as sent) reads them first when they are older than the last poll.
     */
    public static final int HIDDEN_VALUES_EVERY = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CommsService service;
    private final TemplateLibrary library;
    private final DisplayPreferences preferences;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<String> clipboard;
    private final Chime chime;
    private final ZoneId zone;

    private final ObservableList<DueMessage> schedule = FXCollections.observableArrayList();
    private final ObservableList<CommsEntry> log = FXCollections.observableArrayList();
    private final DeliveryStates deliveries;
    private final ObservableList<MessageTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<MessageTemplate> template = new SimpleObjectProperty<>();
    private final ObjectProperty<CadenceStep> channel = new SimpleObjectProperty<>();
    private final ObjectProperty<OutputFormat> format = new SimpleObjectProperty<>(OutputFormat.PLAIN);
    private final StringProperty source = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DueState> bannerLevel = new ReadOnlyObjectWrapper<>(DueState.UPCOMING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> crisisActive = new ReadOnlyObjectWrapper<>(false);
    private final BooleanProperty sound = new SimpleBooleanProperty(true);
    private final ObservableMap<String, String> fillIns = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableList<String> missing = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sendState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sendDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Path> saveFolder = new SimpleObjectProperty<>(Path.of(System.getProperty("user.home")));

    private CommsStatus status;
    private Map<String, Object> values = Map.of();
    private final Set<String> chimed = new HashSet<>();
    private boolean firstLoad = true;
    private RenderedMessage rendered = null;
    private long renderGeneration;
    /** The comms view is on screen: every poll reads the template values too. */
    private boolean previewShown;
    private int pollsWithoutValues;
    /** The database's change mark when the last successful read of the schedule began; -1 before one. */
    private long readMark = -1;
    /** The template values were read at the latest poll or refresh (or since), for the channel now chosen. */
    private boolean valuesFresh;
    /** What waits for a preview filled from fresh values (copy, save, mark as sent), in order. */
    private final List<Runnable> afterFreshRender = new java.util.ArrayList<>();
    /** A send is on its way to the database: a second click meanwhile records nothing. */
    private boolean sending;
    /** The message last recorded as sent from this editor while it is locked; null when unlocked. */
    private CommsEntry sent;

    public CommsViewModel(CommsService service, TemplateLibrary library, DisplayPreferences preferences,
                          TaskRunner tasks, DialogService dialogs, Consumer<String> clipboard, Chime chime,
                          ZoneId zone, boolean soundByDefault) {
        this.service = service;
        this.library = library;
        this.preferences = preferences;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clipboard = clipboard;
        this.chime = chime;
        this.zone = zone;
        this.status = CommsStatus.none(service.clock().instant());
        this.deliveries = new DeliveryStates(service, tasks, zone, this::channelLabel);
        sound.set(soundByDefault);
        source.addListener((o, a, b) -> render());
        format.addListener((o, a, b) -> render());
        fillIns.addListener((javafx.collections.MapChangeListener<String, String>) c -> render());
        template.addListener((o, a, t) -> {
            unlock();
            if (t != null) {
                source.set(t.source());
            }
        });
        channel.addListener((o, a, c) -> {
            unlock();
            updateSendState();
            reloadValues();
        });
        crisisActive.addListener((o, a, b) -> updateSendState());
    }

    // state

    public ObservableList<DueMessage> schedule() {
        return schedule;
    }

    /** Where each sent message is on its way to its delivery channels. */
    public DeliveryStates deliveries() {
        return deliveries;
    }

    public ObservableList<CommsEntry> log() {
        return log;
    }

    public ObservableList<MessageTemplate> templates() {
        return templates;
    }

    public ObjectProperty<MessageTemplate> templateProperty() {
        return template;
    }

    public ObjectProperty<CadenceStep> channelProperty() {
        return channel;
    }

    public List<CadenceStep> channels() {
        return service.cadence().steps();
    }

    public ObjectProperty<OutputFormat> formatProperty() {
        return format;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The template's syntax problem, or the gaps still to fill; empty when the message is complete. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * The values the template needs that War Room does not know right now (one form field each), in the
     * order the template uses them. Typing into {@link #fillInsProperty()} fills them in the preview.
     */
    public ObservableList<String> missing() {
        return missing;
    }

    /** What the person typed for each missing value (name → text). */
    public ObservableMap<String, String> fillInsProperty() {
        return fillIns;
    }

    /** Fills a missing value; blank takes it out again. */
    public void fillIn(String name, String text) {
        if (text == null || text.isBlank()) {
            fillIns.remove(name);
        } else {
            fillIns.put(name, text.strip());
        }
    }

    /**
     * Why *Mark as sent* cannot be used now ("Fill in: severity"), or, for a sent (locked) message, when it
     * was recorded; empty when the message is ready to send.
     */
    public ReadOnlyStringProperty sendStateProperty() {
        return sendState.getReadOnlyProperty();
    }

    /** True while something is missing, the preview is not ready, or a send is on its way. */
    public ReadOnlyBooleanProperty sendDisabledProperty() {
        return sendDisabled.getReadOnlyProperty();
    }

    /** True once the message in the editor was recorded as sent: the text and the values are read-only. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** While nothing is due: the next message and when ("Next update: Status page at 12:30, in 1h 20m"). */
    public ReadOnlyStringProperty nextMessageProperty() {
        return nextMessage.getReadOnlyProperty();
    }

    /** DUE or OVERDUE while the banner shows; UPCOMING when nothing needs attention. */
    public ReadOnlyObjectProperty<DueState> bannerLevelProperty() {
        return bannerLevel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> crisisActiveProperty() {
        return crisisActive.getReadOnlyProperty();
    }

    public BooleanProperty soundProperty() {
        return sound;
    }

    public ObjectProperty<Path> saveFolderProperty() {
        return saveFolder;
    }

    public ZoneId zone() {
        return zone;
    }

    /** "14:30 · T+00:30" for a due time. */
    public String dueAt(DueMessage d) {
        String local = TIME.format(d.dueAt().atZone(zone));
        return status.crisis().map(c -> local + " · " + c.crisis().clock(d.dueAt())).orElse(local);
    }

    public String channelLabel(String key) {
        return service.cadence().step(key).map(CadenceStep::label).orElse(key);
    }

    public String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    // loading and the clock

    /** What the first load reads: the templates and the remembered sound choice. */
    private record Setup(TemplateLibrary.Loaded library, Optional<Boolean> sound) {
    }

    /** What every refresh reads: the schedule and log, the template values for the channel, deliveries. */
    private record Reading(CommsStatus status, Map<String, Object> values, Map<Long, List<OutboxMessage>> deliveries) {
    }

    /** Loads templates, the remembered sound choice and the schedule. */
    public void load() {
        tasks.run(() -> new Setup(library.load(), preferences.sound()), r -> {
            TemplateLibrary.Loaded loaded = r.library();
            templates.setAll(loaded.templates());
            if (!loaded.problems().isEmpty()) {
                message.set(String.join(" ", loaded.problems()));
            }
            r.sound().ifPresent(sound::set);
            sound.addListener((o, a, on) -> tasks.run(() -> {
                preferences.saveSound(on);
                return null;
            }, x -> { }, e -> message.set("Sound choice not remembered: " + e.getMessage())));
            if (template.get() == null && !templates.isEmpty()) {
                template.set(templates.get(0));
            }
        }, e -> message.set("Templates could not be loaded: " + e.getMessage()));
        refresh();
    }

    /** Reads the schedule, the log and the template values again. */
    public void refresh() {
        read(true);
    }

    /**
     * The regular read, every {@link #REFRESH_SECONDS}: the schedule, the log and the deliveries, and the template
     * values while the comms view is shown (else every {@link #HIDDEN_VALUES_EVERY}th time). On a local file, when
     * nothing was written since the last read began and no values are due, it reads nothing and only moves the
     * countdowns on: an idle window then leaves the database (and the CPU) alone.
     */
    public void poll() {
        boolean withValues = previewShown || ++pollsWithoutValues >= HIDDEN_VALUES_EVERY;
        java.util.OptionalLong mark = service.changeMark();
        if (!withValues && mark.isPresent() && mark.getAsLong() == readMark) {
            // nothing was written since the last read began: it would read the same schedule, log and deliveries
            valuesFresh = false;
            tick(service.clock().instant());
            return;
        }
        read(withValues);
    }

    /** The comms view came on screen (true) or left it: shown, the preview is filled from fresh values. */
    public void setPreviewShown(boolean shown) {
        previewShown = shown;
        if (shown && !valuesFresh) {
            reloadValues();
        }
    }

    private void read(boolean withValues) {
        String ch = channel.get() == null ? null : channel.get().channel();
        if (withValues) {
            pollsWithoutValues = 0;
        } else {
            valuesFresh = false;
        }
        long mark = service.changeMark().orElse(-1);
        tasks.run(() -> new Reading(service.status(), withValues ? service.values(ch) : null, service.deliveries()),
                r -> {
                    readMark = mark;
                    status = r.status();
                    deliveries.show(r.deliveries(), status.now());
                    log.setAll(status.log());
                    crisisActive.set(status.crisis().isPresent());
                    update(status.schedule(), status.now());
                    if (r.values() != null) {
                        valuesLanded(ch, r.values());
                    }
                }, e -> {
                    message.set("Could not read the comms schedule: " + e.getMessage());
                    failedFreshValues();
                });
    }

    private void reloadValues() {
        String ch = channel.get() == null ? null : channel.get().channel();
        valuesFresh = false;
        tasks.run(() -> service.values(ch), v -> valuesLanded(ch, v), e -> {
            message.set("Could not read the values for the template: " + e.getMessage());
            failedFreshValues();
        });
    }

    /** Values read for channel {@code ch}: they fill the preview, and are fresh if that is still the channel. */
    private void valuesLanded(String ch, Map<String, Object> v) {
        values = v;
        String now = channel.get() == null ? null : channel.get().channel();
        valuesFresh = java.util.Objects.equals(ch, now);
        render();
    }

    /** The values could not be read: what waited for them is dropped (the message says why). */
    private void failedFreshValues() {
        afterFreshRender.clear();
    }

    /**
     * Runs {@code action} on a preview filled from values read at the latest poll or later: at once when it is,
     * else once the values are read again and the preview is filled from them.
     */
    private void whenFresh(Runnable action) {
        if (sent != null || (valuesFresh && rendered != null)) {
            action.run();
            return;
        }
        afterFreshRender.add(action);
        if (!valuesFresh) {
            reloadValues();
        }
    }

    private void runAfterFreshRender() {
        if (afterFreshRender.isEmpty()) {
            return;
        }
        if (!valuesFresh) {
            reloadValues(); // a poll came between the values and this preview: read them once more
            return;
        }
        List<Runnable> due = List.copyOf(afterFreshRender);
        afterFreshRender.clear();
        due.forEach(Runnable::run);
    }

    /** Advances countdowns to {@code now} without a database read. */
    public void tick(Instant now) {
        deliveries.tick(now);
        update(service.scheduleAt(status, now), now);
    }

    private void update(List<DueMessage> next, Instant now) {
        if (!schedule.equals(next)) {
            schedule.setAll(next);
        }
        List<DueMessage> attention = next.stream().filter(d -> d.state().needsAttention()).toList();
        boolean anyOverdue = attention.stream().anyMatch(d -> d.state() == DueState.OVERDUE);
        bannerLevel.set(attention.isEmpty() ? DueState.UPCOMING : anyOverdue ? DueState.OVERDUE : DueState.DUE);
        if (attention.isEmpty()) {
            banner.set("");
        } else if (attention.size() == 1) {
            DueMessage d = attention.get(0);
            banner.set(d.step().label() + " update " + (d.state() == DueState.OVERDUE ? d.countdown() : "is due now")
                    + ": write it, or skip it with a reason.");
        } else {
            banner.set(attention.size() + " updates need sending: " + String.join(", ", attention.stream()
                    .map(d -> d.step().label() + " (" + d.countdown() + ")").toList()) + ".");
        }
        nextMessage.set(status.crisis().isEmpty() ? "" : next.stream()
                .filter(d -> !d.state().needsAttention() && d.dueAt().isAfter(now))
                .min(java.util.Comparator.comparing(DueMessage::dueAt))
                .map(d -> "Next update: " + d.step().label() + " at " + time(d.dueAt()) + ", " + d.countdown() + ".")
                .orElse("No more updates are scheduled."));
        boolean ring = false;
        for (DueMessage d : attention) {
            if (chimed.add(d.step().channel() + "@" + d.dueAt())) {
                ring = true;
            }
        }
        if (ring && !firstLoad && sound.get()) {
            chime.play();
        }
        if (status.crisis().isPresent()) {
            firstLoad = false;
        }
    }

    /**
     * Fills the template in the background (a template can be costly; the renderer stops it at its budget)
     * and shows the result only if no newer edit has been made meanwhile.
     */
    private void render() {
        if (sent != null) {
            return; // a sent message stays exactly as it was recorded
        }
        long generation = ++renderGeneration;
        String name = template.get() == null ? "" : template.get().name();
        String text = source.get();
        Map<String, Object> live = values;
        Map<String, Object> filled = new LinkedHashMap<>(live);
        fillIns.forEach(filled::putIfAbsent);
        boolean typed = !fillIns.isEmpty();
        OutputFormat f = format.get();
        rendered = null;
        updateSendState();
        tasks.run(() -> {
            // the gaps of the live values alone name the form fields, so a field stays while it is typed into
            RenderedMessage bare = TemplateRenderer.render(name, text, live, f, TemplateRenderer.MAX_OUTPUT,
                    TemplateRenderer.MAX_TIME);
            RenderedMessage full = !typed || bare.problem().isPresent() ? bare
                    : TemplateRenderer.render(name, text, filled, f, TemplateRenderer.MAX_OUTPUT,
                            TemplateRenderer.MAX_TIME);
            return new Filled(bare.gaps(), full);
        }, r -> {
                    if (generation == renderGeneration) {
                        if (!missing.equals(r.needed())) {
                            missing.setAll(r.needed());
                        }
                        show(r.message());
                        runAfterFreshRender();
                    }
                }, e -> {
                    if (generation == renderGeneration) {
                        preview.set("");
                        problem.set("Template \"" + name + "\" could not be filled: " + e.getMessage());
                        updateSendState();
                        runAfterFreshRender();
                    }
                });
    }

    /** A rendering: the values the live data lacks, and the message with what the person typed. */
    private record Filled(List<String> needed, RenderedMessage message) {
    }

    /** Recomputes whether *Mark as sent* can be used and the reason shown beside it. */
    private void updateSendState() {
        String why;
        if (sent != null) {
            sendState.set("Sent at " + time(sent.at()) + " · locked. Sending it again records a second message.");
            sendDisabled.set(sending);
            return;
        }
        if (!crisisActive.get()) {
            why = "No crisis is active.";
        } else if (channel.get() == null) {
            why = "Choose the channel it goes to.";
        } else if (sending) {
            why = "Recording…";
        } else if (rendered == null) {
            why = "Filling in the preview…";
        } else if (rendered.problem().isPresent()) {
            why = "Fix the template error first.";
        } else if (!rendered.unknown().isEmpty()) {
            why = "Not a known variable: " + String.join(", ", rendered.unknown()) + ".";
        } else if (rendered.gaps().size() > 2) {
            why = rendered.gaps().size() + " values missing: fill them in above the preview.";
        } else if (!rendered.gaps().isEmpty()) {
            why = "Fill in " + String.join(" and ", rendered.gaps()) + " first.";
        } else {
            why = "";
        }
        sendState.set(why);
        sendDisabled.set(!why.isEmpty());
    }

    /** Leaves the sent message: the editor takes a new one, with no values typed. */
    private void unlock() {
        if (sent == null) {
            return;
        }
        sent = null;
        locked.set(false);
        fillIns.clear();
        render();
    }

    private void show(RenderedMessage r) {
        rendered = r;
        updateSendState();
        if (rendered.problem().isPresent()) {
            preview.set("");
            problem.set("Template error · " + rendered.problem().get().describe());
            return;
        }
        preview.set(rendered.text());
        StringBuilder sb = new StringBuilder();
        // the gaps have their own fields and the reason beside Mark as sent; here only what fields cannot fix
        if (!rendered.unknown().isEmpty()) {
            sb.append("Not a known variable: ").append(String.join(", ", rendered.unknown())).append('.');
        }
        problem.set(sb.toString().strip());
    }

    // actions

    /** Opens the editor on the next message of {@code step}: its template and format. */
    public void write(CadenceStep step) {
        unlock();
        channel.set(step);
        format.set(step.format());
        java.util.Optional<MessageTemplate> t = templates.stream().filter(x -> x.name().equals(step.template()))
                .findFirst();
        if (t.isEmpty()) {
            message.set("Template \"" + step.template() + "\" for " + step.label() + " was not found; "
                    + "the editor keeps the current one.");
            return;
        }
        template.set(t.get());
        source.set(t.get().source());
    }

    /**
     * Records the message as sent. Once per message: a second click while the first is on its way records
     * nothing, and a message already recorded (the editor is locked) is recorded again only after the
     * person confirms it.
     */
    public void markSent() {
        whenFresh(this::markSentNow);
    }

    private void markSentNow() {
        CadenceStep step = channel.get();
        if (sending || step == null) {
            return;
        }
        String text;
        OutputFormat f;
        Optional<Instant> seen;
        if (sent != null) {
            if (!dialogs.confirm("Send it again?", step.label() + " update was already recorded as sent at "
                    + time(sent.at()) + ". Record the same message as sent a second time?", "Record again")) {
                return;
            }
            text = sent.text();
            f = sent.format();
            seen = Optional.of(sent.at());
        } else {
            updateSendState();
            if (sendDisabled.get()) {
                return;
            }
            text = preview.get();
            f = format.get();
            seen = Optional.ofNullable(status.lastHandled().get(step.channel()));
        }
        sending = true;
        updateSendState();
        tasks.run(() -> service.markSent(step.channel(), f, text, seen), e -> {
            sending = false;
            sent = e;
            locked.set(true);
            preview.set(e.text());
            problem.set("");
            updateSendState();
            message.set(step.label() + " update recorded as sent at " + time(e.at()) + ". "
                    + step.repeat().map(r -> "Next one in " + dev.warroom.domain.Eta.describe(r) + ".")
                    .orElse("It was a one-off: no next one."));
            refresh();
        }, e -> {
            sending = false;
            updateSendState();
            dialogs.showError("Not recorded as sent", e.getMessage());
        });
    }

    public void skip(CadenceStep step) {
        java.util.Optional<java.time.Instant> seen = java.util.Optional.ofNullable(
                status.lastHandled().get(step.channel()));
        dialogs.ask(new SkipReasonDialog(step.label(), r -> r.isBlank() ? "Say why it is skipped." : r.length()
                > CommsEntry.MAX_REASON ? "Keep it under " + CommsEntry.MAX_REASON + " characters." : null))
                .ifPresent(reason -> tasks.run(() -> service.skip(step.channel(), reason, seen), e -> {
                    message.set(step.label() + " update skipped: " + reason);
                    refresh();
                }, e -> dialogs.showError("Not skipped", e.getMessage())));
    }

    /** Copies the message, filled from fresh values, to the clipboard. */
    public void copy() {
        whenFresh(this::copyNow);
    }

    private void copyNow() {
        if (preview.get().isEmpty()) {
            message.set("Nothing to copy: the template has an error.");
            return;
        }
        clipboard.accept(preview.get());
        message.set("Copied " + preview.get().length() + " characters as " + format.get().label() + ".");
    }

    /** Asks where, then saves the message, filled from fresh values, to a file. */
    public void save() {
        whenFresh(this::saveNow);
    }

    private void saveNow() {
        if (preview.get().isEmpty()) {
            message.set("Nothing to save: the template has an error.");
            return;
        }
        String text = preview.get();
        String name = (channel.get() == null ? "message" : channel.get().channel()) + "-"
                + status.crisis().map(c -> c.crisis().clock(status.now()).replace(":", "").replace("+", ""))
                .orElse("draft") + "." + format.get().extension();
        dialogs.ask(new SaveTargetDialog(saveFolder.get(), name)).ifPresent(req -> tasks.run(() -> MessageFiles.check(req.folder(),
                req.name()), target -> {
                    if (target.needsConfirmation() && !dialogs.confirm("Save message", target.confirmation(), "Write file")) {
                        return;
                    }
                    saveFolder.set(req.folder());
                    tasks.run(() -> MessageFiles.write(target, text), p -> message.set("Saved to " + p + "."),
                            e -> dialogs.showError("Not saved", e.getMessage()));
                }, e -> dialogs.showError("Not saved", e instanceof InvalidInputException ? e.getMessage()
                        : "The file cannot be written: " + e.getMessage())));
    }
}
