package dev.warroom.connect.delivery;

import dev.warroom.config.ChannelSettings;
import dev.warroom.crisis.outbox.Outbox;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers queued messages, one at a time, on its own thread: claims the next due message, sends it,
 * records the outcome, and sleeps until the next one is due or {@link #wake()} says a new one was queued.
 * Retries survive restarts because the queue is the database. The owner stops it with {@link #close()}.
 */
public final class Courier implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Courier.class.getName());
    /** How often an idle courier looks for newly sent messages. */
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final Clock clock;
    private final Map<String, DeliveryChannel> channels;
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private final BooleanSupplier mayDeliver;
    private volatile boolean running = true;

    Courier(Outbox outbox, Clock clock, Map<String, DeliveryChannel> channels) {
        this(outbox, clock, channels, () -> true);
    }

    /** @param mayDeliver asked before each message: false while another client delivers (team mode) */
    Courier(Outbox outbox, Clock clock, Map<String, DeliveryChannel> channels, BooleanSupplier mayDeliver) {
        this.outbox = outbox;
        this.clock = clock;
        this.channels = Map.copyOf(channels);
        this.mayDeliver = mayDeliver;
        this.thread = new Thread(this::run, "delivery-courier");
        this.thread.setDaemon(true);
    }

    /** Builds the channels from the configuration ({@code env} looks up secrets) and starts delivering. */
    public static Courier start(Outbox outbox, Clock clock, List<ChannelSettings> settings, UnaryOperator<String> env) {
        return start(outbox, clock, settings, env, () -> true);
    }

    /**
     * As {@link #start(Outbox, Clock, List, UnaryOperator)}, delivering only while {@code mayDeliver} says so:
     * on the team database one client at a time holds the courier's lease, so no message goes out twice.
     */
    public static Courier start(Outbox outbox, Clock clock, List<ChannelSettings> settings, UnaryOperator<String> env,
                                BooleanSupplier mayDeliver) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, DeliveryChannel> channels = new LinkedHashMap<>();
        for (ChannelSettings s : settings) {
            HttpCall call = new HttpCall(http, s.requestTimeout());
            String address = s.urlEnv() != null ? env.apply(s.urlEnv()) : s.url();
            String token = s.tokenEnv() == null ? null : env.apply(s.tokenEnv());
            channels.put(s.name(), switch (s.kindValue()) {
                case SLACK -> new SlackChannel(call, s.urlEnv(), address);
                case WEBHOOK -> new WebhookChannel(call, address, token);
                case STATUSPAGE -> new StatuspageChannel(call, s.url() == null ? ChannelSettings.STATUSPAGE_API
                        : s.url(), s.pageId(), s.tokenEnv(), token);
            });
        }
        Courier c = new Courier(outbox, clock, channels, mayDeliver);
        c.thread.start();
        return c;
    }

    /** A message was queued: look now instead of at the next planned time. */
    public void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    private void run() {
        while (running) {
            try {
                if (!mayDeliver.getAsBoolean()) {
                    wakeups.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS); // another client delivers
                    continue;
                }
                if (!deliverOne()) {
                    Optional<Instant> next = outbox.nextDue();
                    Duration wait = next.map(t -> Duration.between(clock.instant(), t)).orElse(IDLE);
                    if (wait.compareTo(IDLE) > 0) {
                        wait = IDLE;
                    }
                    if (!wait.isNegative() && !wait.isZero()) {
                        wakeups.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "delivery paused after a database problem; trying again in 1 s", e);
                try {
                    wakeups.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Claims and tries one message; false when none was due. */
    boolean deliverOne() {
        Optional<Outbox.Claim> claim = outbox.claimNext();
        if (claim.isEmpty()) {
            return false;
        }
        Outbox.Claim c = claim.get();
        DeliveryChannel channel = channels.get(c.message().target());
        Delivery result = channel == null
                ? new Delivery.Failed("no channel named " + c.message().target() + " in the configuration any more")
                : channel.deliver(c);
        if (!running && result instanceof Delivery.Retry) {
            return true; // closing: leave it DELIVERING; the next start checks and sends it
        }
        if (result instanceof Delivery.Delivered d) {
            outbox.delivered(c.message(), d.detail(), d.incidentId());
        } else if (result instanceof Delivery.Retry r) {
            outbox.retryLater(c.message(), r.reason(), r.retryAfter(), r.mayHaveArrived());
        } else if (result instanceof Delivery.Failed f) {
            outbox.failed(c.message(), f.reason());
        }
        return true;
    }

    /** Stops the thread (an attempt in flight is abandoned and checked again at the next start). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
