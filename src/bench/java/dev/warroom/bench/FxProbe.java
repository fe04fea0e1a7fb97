package dev.warroom.bench;

import dev.warroom.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * In-process probe of the running app (or of {@link HelloWindow}) for the perf command. It starts the application
 * in this JVM and watches the FX thread from outside the app's code:
 * <ul>
 * <li>{@code firstframe MAIN [ARGS]}: milliseconds from JVM start to the end of the first scene pulse of a showing
 * window ({@code RESULT firstFrameMs=}).</li>
 * <li>{@code idle SECONDS VIEW MAIN [ARGS]}: process CPU (utime+stime of /proc/self/stat) over SECONDS while
 * nothing is touched, after 15 s of settling with VIEW shown ({@code RESULT cpuPercent=}), and the threads that
 * used it ({@code threads=}, % of a core each: the JIT compiler threads still warming up show there).</li>
 * <li>{@code board MOVES DB}: opens the app on DB (filled with 500 cards when it does not exist), records the
 * longest scene pulse (CSS + layout, timed by the scene's pre/post layout pulse listeners) and the longest time
 * the FX thread did not answer (a 5 ms heartbeat) during start, then MOVES Alt+Down / Alt+Up key presses on a
 * backlog card, each waited out until the card moved and the scene settled.</li>
 * </ul>
 * Run it under a display (Xvfb) with {@code -Dprism.order=sw}; it exits the JVM when done.
 */
public final class FxProbe {
    private static final long START_NANOS = System.nanoTime();
    private static final AtomicLong LONGEST_PULSE = new AtomicLong();
    private static final AtomicLong LONGEST_STALL = new AtomicLong();
    private static final AtomicLong PULSES = new AtomicLong();
    private static final AtomicLong LAST_LONG_PULSE = new AtomicLong(System.nanoTime());
    private static volatile long pulseStart;
    /** With -Dprobe.verbose=true, every pulse at least this long is printed (-Dprobe.verboseMs, default 100). */
    private static final long VERBOSE_FROM_NANOS = Long.getLong("probe.verboseMs", 100) * 1_000_000;
    /** What marks the full window: the app's shell, or the hello window's label. */
    private static final String MAIN_WINDOW = System.getProperty("probe.main", "#shell");

    private FxProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "firstframe" -> firstFrame(args[1], Arrays.copyOfRange(args, 2, args.length));
            case "idle" -> idle(Integer.parseInt(args[1]), args[2], args[3], Arrays.copyOfRange(args, 4, args.length));
            case "pulses" -> pulses(Integer.parseInt(args[1]), args[2], args[3],
                    Arrays.copyOfRange(args, 4, args.length));
            case "board" -> board(Integer.parseInt(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("firstframe, idle or board, not " + args[0]);
        }
        System.out.flush();
        if (Boolean.getBoolean("probe.exitHooks")) {
            System.exit(0); // lets a flight recording started with -XX:StartFlightRecording write its file
        }
        Runtime.getRuntime().halt(0);
    }

    private static void firstFrame(String main, String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        launch(main, args);
        CountDownLatch framed = new CountDownLatch(1);
        AtomicLong at = new AtomicLong();
        Scene scene = awaitScene(120);
        onFx(() -> scene.addPostLayoutPulseListener(() -> {
            if (at.compareAndSet(0, System.currentTimeMillis())) {
                framed.countDown();
            }
        }));
        onFx(() -> scene.getRoot().requestLayout());
        framed.await(120, TimeUnit.SECONDS);
        long first = at.get() - jvmStart;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        long ready = -1;
        while (ready < 0 && System.nanoTime() < deadline) {
            boolean shown = onFxGet(() -> Window.getWindows().stream().filter(Window::isShowing)
                    .map(Window::getScene).anyMatch(x -> x != null && x.getRoot().lookup(MAIN_WINDOW) != null));
            if (shown) {
                ready = System.currentTimeMillis() - jvmStart;
            }
            Thread.sleep(5);
        }
        System.out.println("RESULT firstFrameMs=" + first + " windowReadyMs=" + ready);
    }

    private static void idle(int seconds, String view, String main, String[] args) throws Exception {
        launch(main, args);
        Scene scene = mainScene(180);
        if (!view.equals("-")) {
            onFx(() -> {
                Node nav = scene.lookup("#nav-" + view);
                if (nav instanceof ButtonBase b) {
                    b.fire();
                }
            });
        }
        // settle: the start's work, and the JIT compiling it, are not 'nothing changes' (-Dprobe.settle=SECONDS)
        Thread.sleep(Long.getLong("probe.settle", 15) * 1000L);
        onFx(() -> scene.addPostLayoutPulseListener(PULSES::incrementAndGet));
        long before = cpuTicks();
        java.util.Map<String, Long> threadsBefore = threadTicks();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long used = cpuTicks() - before;
        java.util.Map<String, Long> threadsAfter = threadTicks();
        double wall = (System.nanoTime() - t0) / 1e9;
        double percent = 100.0 * used / ticksPerSecond() / wall;
        System.out.printf("RESULT cpuPercent=%.2f pulsesPerSecond=%.1f seconds=%.0f view=%s threads=%s%n", percent,
                PULSES.get() / wall, wall, view, busiest(threadsBefore, threadsAfter, wall));
    }

    /** CPU ticks so far per thread name (Linux: /proc/self/task/TID/stat; names as the kernel keeps them). */
    private static java.util.Map<String, Long> threadTicks() throws Exception {
        java.util.Map<String, Long> ticks = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[-#]?[0-9]+$", "").strip().replace(' ', '_');
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    /** "C2_CompilerThre:3.1,JavaFX_Applicat:1.2,...": the threads that used the CPU meanwhile, in % of a core. */
    private static String busiest(java.util.Map<String, Long> before, java.util.Map<String, Long> after, double wall) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> String.format(java.util.Locale.ROOT, "%s:%.2f", e.getKey(),
                        100.0 * e.getValue() / ticksPerSecond() / wall))
                .collect(java.util.stream.Collectors.joining(","));
    }

    private static void pulses(int seconds, String view, String main, String[] args) throws Exception {
        launch(main, args);
        Scene shown = mainScene(180);
        onFx(() -> {
            Node nav = shown.lookup("#nav-" + view);
            if (nav instanceof ButtonBase b) {
                b.fire();
            }
        });
        Thread.sleep(15_000);
        List<Long> took = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] start = new long[1];
        onFx(() -> {
            shown.addPreLayoutPulseListener(() -> start[0] = System.nanoTime());
            shown.addPostLayoutPulseListener(() -> took.add(System.nanoTime() - start[0]));
        });
        Thread.sleep(seconds * 1000L);
        List<Long> sorted;
        synchronized (took) {
            sorted = took.stream().sorted().toList();
        }
        long over = sorted.stream().filter(t -> t > 16_700_000).count();
        System.out.printf("RESULT pulses=%d p99Ms=%.1f maxMs=%.1f over16msPercent=%.2f seconds=%d view=%s%n",
                sorted.size(), sorted.isEmpty() ? 0 : sorted.get((int) Math.floor(0.99 * (sorted.size() - 1))) / 1e6,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                sorted.isEmpty() ? 0 : 100.0 * over / sorted.size(), seconds, view);
    }

    private static void board(int moves, Path db) throws Exception {
        if (!Files.exists(db.resolveSibling(db.getFileName() + ".mv.db"))) {
            try (Database d = Database.open(db)) {
                PerfFixtures.board(d, 500);
                PerfFixtures.returningUser(d);
            }
        }
        startHeartbeat();
        launch("dev.warroom.app.WarRoomApp", new String[] {"--db", db.toString(), "--theme", "light"});
        watchEveryScene();
        Scene scene = mainScene(300);
        Node tile = awaitNode(scene, () -> firstBacklogCard(scene), 180);
        settle(scene, 3000);
        long startMs = System.nanoTime() / 1_000_000 - START_NANOS / 1_000_000;
        System.out.printf("RESULT phase=start longestPulseMs=%d longestStallMs=%d pulses=%d shownAfterMs=%d%n",
                LONGEST_PULSE.get() / 1_000_000, LONGEST_STALL.get() / 1_000_000, PULSES.get(), startMs);
        List<Long> pulses = new ArrayList<>();
        List<Long> stalls = new ArrayList<>();
        List<Long> focusPulses = new ArrayList<>();
        // whether a garbage collection ran while the move was measured: its pause stops the FX thread too
        List<Boolean> withCollection = new ArrayList<>();
        // what a move allocates, every thread together (the writer's transaction, the FX thread's update, the probe's
        // own polling): the more it allocates, the sooner the next young collection pauses every thread
        List<Long> allocatedKb = new ArrayList<>();
        String id = tile.getId();
        long cardId = Long.parseLong(id.substring("card-".length()));
        // Alt+Down/Up reorders the card inside its column: it stays in this list
        javafx.scene.control.ListView<?> list = listOf(scene, id);
        for (int i = 0; i < moves; i++) {
            int before = indexOf(list, cardId);
            // a person focuses the card (click, Tab) before moving it: that pulse is measured on its own
            LONGEST_PULSE.set(0);
            onFx(() -> scene.lookup("#" + id).requestFocus());
            afterPulses(scene, 300);
            focusPulses.add(LONGEST_PULSE.get() / 1_000_000);
            LONGEST_PULSE.set(0);
            LONGEST_STALL.set(0);
            long collections = collections();
            long allocated = allocatedBytes();
            KeyCode key = i % 2 == 0 ? KeyCode.DOWN : KeyCode.UP;
            onFx(() -> {
                Node card = scene.lookup("#" + id);
                if (!card.isFocused()) {
                    card.requestFocus();
                }
                Event.fireEvent(card, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, true, false));
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (indexOf(list, cardId) == before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // the list changed on the FX thread; the pulse that lays it out (and any that follow) comes after
            afterPulses(scene, 300);
            pulses.add(LONGEST_PULSE.get() / 1_000_000);
            stalls.add(LONGEST_STALL.get() / 1_000_000);
            withCollection.add(collections() != collections);
            allocatedKb.add((allocatedBytes() - allocated) / 1024);
        }
        if (moves == 0) {
            return;
        }
        if (Boolean.getBoolean("probe.verbose")) {
            System.out.println("move pulses in order (ms): " + pulses + "; focus pulses before them: " + focusPulses
                    + "; a collection ran during: " + withCollection + "; KB allocated by all threads: " + allocatedKb);
        }
        // "none" when a collection ran in every move: a 0 there would read as a perfect move
        String worstWithoutCollection = java.util.stream.IntStream.range(0, pulses.size())
                .filter(i -> !withCollection.get(i)).mapToObj(pulses::get).max(Long::compare)
                .map(String::valueOf).orElse("none");
        List<Long> sorted = pulses.stream().sorted().toList();
        System.out.printf("RESULT phase=move moves=%d worstPulseMs=%d medianPulseMs=%d over16Ms=%d worstStallMs=%d "
                        + "worstFocusPulseMs=%d movesWithCollection=%d worstPulseWithoutCollectionMs=%s medianAllocatedKb=%d%n", moves,
                sorted.get(sorted.size() - 1), sorted.get(sorted.size() / 2),
                pulses.stream().filter(ms -> ms > 16).count(), stalls.stream().max(Long::compare).orElse(0L),
                focusPulses.stream().max(Long::compare).orElse(0L),
                withCollection.stream().filter(b -> b).count(), worstWithoutCollection,
                allocatedKb.stream().sorted().toList().get(allocatedKb.size() / 2));
    }

    /** Bytes allocated so far by the threads alive now (HotSpot counts them per thread). */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    /** Garbage collections so far, of every collector (young and old). */
    private static long collections() {
        long n = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static Node firstBacklogCard(Scene scene) {
        Node column = scene.lookup("#column-BACKLOG");
        if (column == null) {
            return null;
        }
        return column.lookupAll(".card").stream().skip(3).findFirst().orElse(null);
    }

    /** The list (a virtualised column) showing the card with node id {@code id}. */
    private static javafx.scene.control.ListView<?> listOf(Scene scene, String id) throws Exception {
        return onFxGet(() -> {
            Node n = scene.lookup("#" + id);
            while (n != null && !(n instanceof javafx.scene.control.ListView)) {
                n = n.getParent();
            }
            return (javafx.scene.control.ListView<?>) n;
        });
    }

    /**
     * The card's place in its column's list, or -1. Read from the list's items only: the probe polls it every 5 ms
     * while a move is on its way, and a selector lookup each time would add the probe's own garbage to the move's.
     */
    private static int indexOf(javafx.scene.control.ListView<?> list, long cardId) throws Exception {
        return onFxGet(() -> {
            List<?> items = list.getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof dev.warroom.domain.Card c && c.id() == cardId) {
                    return i;
                }
            }
            return -1;
        });
    }

    /**
     * Times the pulses of every scene any window shows from now on, the main window's very first pulse included
     * (the one that styles and lays out the whole window): registered as soon as the toolkit runs, before the app's
     * background start hands over the main window.
     */
    private static void watchEveryScene() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                onFx(() -> {
                    java.util.Set<Scene> watched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                    java.util.function.Consumer<Window> follow = w -> {
                        if (w.getScene() != null && watched.add(w.getScene())) {
                            watchPulses(w.getScene());
                        }
                        w.sceneProperty().addListener((o, a, b) -> {
                            if (b != null && watched.add(b)) {
                                watchPulses(b);
                            }
                        });
                    };
                    Window.getWindows().forEach(follow);
                    Window.getWindows().addListener((javafx.collections.ListChangeListener<Window>) c -> {
                        while (c.next()) {
                            c.getAddedSubList().forEach(follow);
                        }
                    });
                });
                return;
            } catch (IllegalStateException toolkitNotUp) {
                if (System.nanoTime() > deadline) {
                    throw toolkitNotUp;
                }
                Thread.sleep(1);
            }
        }
    }

    private static void watchPulses(Scene scene) {
        scene.addPreLayoutPulseListener(() -> pulseStart = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> {
            long took = System.nanoTime() - pulseStart;
            PULSES.incrementAndGet();
            LONGEST_PULSE.accumulateAndGet(took, Math::max);
            if (took > 20_000_000) {
                LAST_LONG_PULSE.set(System.nanoTime());
            }
            if (took >= VERBOSE_FROM_NANOS && Boolean.getBoolean("probe.verbose")) {
                System.out.printf("pulse %d ms, %d nodes, in %s at %d ms%n", took / 1_000_000, nodes(scene.getRoot()),
                        scene.getRoot().getId() != null ? "#" + scene.getRoot().getId() : scene.getRoot().getStyleClass(),
                        (System.nanoTime() - START_NANOS) / 1_000_000);
            }
        });
    }

    private static int nodes(Node n) {
        int count = 1;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                count += nodes(child);
            }
        }
        return count;
    }

    /** Posts a task every 5 ms and records how long the FX thread took to run it. */
    private static void startHeartbeat() {
        Thread beat = new Thread(() -> {
            while (true) {
                try {
                    long posted = System.nanoTime();
                    CountDownLatch ran = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        LONGEST_STALL.accumulateAndGet(System.nanoTime() - posted, Math::max);
                        ran.countDown();
                    });
                    ran.await();
                    Thread.sleep(5);
                } catch (IllegalStateException notYet) {
                    sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-heartbeat");
        beat.setDaemon(true);
        beat.start();
    }

    /**
     * Waits for the next scene pulse to end (at most 1 s: the pulse may already have run, and nothing else may ask
     * for one), then {@code quietMs} more, so that the pulse a change asked for (and
     * whatever follows it) is counted: a change made on the FX thread is laid out in a pulse after it.
     */
    private static void afterPulses(Scene scene, long quietMs) throws Exception {
        long seen = onFxGet(PULSES::get);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (PULSES.get() == seen && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(quietMs);
        settle(scene, quietMs);
    }

    /** Waits until {@code quietMs} have passed without a scene pulse longer than 20 ms. */
    private static void settle(Scene scene, long quietMs) throws Exception {
        while ((System.nanoTime() - LAST_LONG_PULSE.get()) / 1_000_000 < quietMs) {
            onFxGet(() -> 0);
            Thread.sleep(20);
        }
    }

    private static void launch(String main, String[] args) throws Exception {
        Class<?> type = Class.forName(main);
        Thread app = new Thread(() -> {
            try {
                if (Application.class.isAssignableFrom(type)) {
                    @SuppressWarnings("unchecked")
                    Class<? extends Application> appType = (Class<? extends Application>) type;
                    Application.launch(appType, args);
                } else {
                    type.getMethod("main", String[].class).invoke(null, (Object) args);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }, "probe-launch");
        app.setDaemon(true);
        app.start();
    }

    private static Scene awaitScene(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                Scene s = onFxGet(() -> Window.getWindows().stream().filter(Window::isShowing)
                        .map(Window::getScene).filter(x -> x != null).findFirst().orElse(null));
                if (s != null) {
                    awaitPulse(s, seconds);
                    return s;
                }
            } catch (IllegalStateException toolkitNotUp) {
                // the toolkit is still starting
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no window showed within " + seconds + " s");
    }

    /** The scene of the full window (the app's shell, not its opening frame). */
    private static Scene mainScene(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                Scene s = onFxGet(() -> Window.getWindows().stream().filter(Window::isShowing)
                        .map(Window::getScene).filter(x -> x != null && x.getRoot().lookup(MAIN_WINDOW) != null)
                        .findFirst().orElse(null));
                if (s != null) {
                    awaitPulse(s, seconds);
                    return s;
                }
            } catch (IllegalStateException toolkitNotUp) {
                // the toolkit is still starting
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the main window did not show within " + seconds + " s");
    }

    /**
     * Waits for a pulse of {@code scene}. The app builds and styles its main window before showing it, so the
     * window can be found (cards and all) before its first pulse, which styles it for the window it shows in.
     */
    private static void awaitPulse(Scene scene, int seconds) throws Exception {
        CountDownLatch pulsed = new CountDownLatch(1);
        onFx(() -> {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                pulsed.countDown();
                Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
            };
            scene.addPostLayoutPulseListener(once[0]);
            scene.getRoot().requestLayout();
        });
        if (!pulsed.await(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the main window had no pulse within " + seconds + " s");
        }
    }

    private static Node awaitNode(Scene scene, Supplier<Node> find, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Node n = onFxGet(find::get);
            if (n != null) {
                return n;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the board showed no backlog card within " + seconds + " s");
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    private static long cpuTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long ticksPerSecond() {
        return 100;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
