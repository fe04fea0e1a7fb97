package dev.warroom.crisis.comms;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.comms.TemplateProblem;
import dev.warroom.domain.comms.TemplateSyntax;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a logic-less template, sandboxed: the only data it sees is maps, lists and strings built here
 * (no objects whose methods it could call, no lambdas), partials are refused, and every value is
 * escaped for the output format before the template sees it, so no tag in the template can undo it.
 * Rendering has a budget: at most {@link #MAX_OUTPUT} characters of text and {@link #MAX_TIME} of work.
 * Six sections nested over the card list multiply to billions of lines; such a template is stopped with
 * a message naming it instead of running the app out of memory.
 */
public final class TemplateRenderer {
    /** The most text one message may come to; far above any real update (a sent message keeps 20,000). */
    public static final int MAX_OUTPUT = 200_000;
    /** The most time one rendering may take; a real template takes milliseconds. */
    public static final Duration MAX_TIME = Duration.ofSeconds(2);

    private static final String GAP_OPEN = "⟦missing: ";
    private static final String GAP_CLOSE = "⟧";
    private static final Pattern GAP = Pattern.compile(Pattern.quote(GAP_OPEN) + "([^⟧]*)" + GAP_CLOSE);

    /** A rendering that went over its budget; thrown from inside the template engine to stop it. */
    private static final class OverBudget extends RuntimeException {
        final boolean time;

        OverBudget(boolean time) {
            super(null, null, false, false);
            this.time = time;
        }
    }

    /** The deadline of one rendering, checked at every write and every turn of a section's loop. */
    private static final class Budget {
        final long deadline;
        final int maxChars;

        Budget(Duration time, int maxChars) {
            this.deadline = System.nanoTime() + time.toNanos();
            this.maxChars = maxChars;
        }

        void checkTime() {
            if (System.nanoTime() - deadline > 0) {
                throw new OverBudget(true);
            }
        }
    }

    /** Collects output until the budget says stop. */
    private static final class BudgetWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final Budget budget;

        BudgetWriter(Budget budget) {
            this.budget = budget;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            if (text.length() + len > budget.maxChars) {
                throw new OverBudget(false);
            }
            budget.checkTime();
            text.append(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            if (text.length() + len > budget.maxChars) {
                throw new OverBudget(false);
            }
            budget.checkTime();
            text.append(s, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Only maps and lists: no reflection, so a template cannot reach a method of any object. Every turn of
     * a section's loop checks the clock, so nested sections that write nothing still stop in time.
     */
    private static Mustache.Compiler compiler(Budget budget) {
        Mustache.Collector mapsAndLists = new BasicCollector() {
            @Override
            public <K, V> Map<K, V> createFetcherCache() {
                return new ConcurrentHashMap<>();
            }

            @Override
            public Iterator<?> toIterator(Object value) {
                Iterator<?> inner = super.toIterator(value);
                if (inner == null) {
                    return null;
                }
                return new Iterator<Object>() {
                    @Override
                    public boolean hasNext() {
                        budget.checkTime();
                        return inner.hasNext();
                    }

                    @Override
                    public Object next() {
                        return inner.next();
                    }
                };
            }
        };
        return Mustache.compiler()
                .escapeHTML(false)
                // a value known to be empty (a one-off channel's next update) turns its section off
                .emptyStringIsFalse(true)
                .defaultValue(GAP_OPEN + "{{name}}" + GAP_CLOSE)
                .withCollector(mapsAndLists)
                .withLoader(name -> {
                    throw new MustacheException("Templates cannot include other templates (" + name + ")");
                });
    }

    private TemplateRenderer() {
    }

    /** How a value without a value looks in the text, e.g. "⟦missing: traffic_multiple⟧". */
    public static String gap(String name) {
        return GAP_OPEN + name + GAP_CLOSE;
    }

    public static boolean hasGaps(String text) {
        return text.contains(GAP_OPEN);
    }

    /**
     * Renders {@code source} with {@code values} (variable → String, or List of Map of String for
     * lists). Variables of {@link TemplateVariable#ALL} that are absent become visible gaps.
     */
    public static RenderedMessage render(String source, Map<String, Object> values, OutputFormat format) {
        return render("", source, values, format, MAX_OUTPUT, MAX_TIME);
    }

    /**
     * As {@link #render(String, Map, OutputFormat)} for the template called {@code name}, within a budget of
     * {@code maxChars} characters of output and {@code maxTime}; over budget, the problem names the template
     * and says which limit it hit.
     */
    public static RenderedMessage render(String name, String source, Map<String, Object> values, OutputFormat format,
                                         int maxChars, Duration maxTime) {
        Budget budget = new Budget(maxTime, maxChars);
        TemplateSyntax.Result syntax = TemplateSyntax.check(source);
        if (syntax.problem().isPresent()) {
            return new RenderedMessage("", syntax.problem(), List.of(), List.of());
        }
        Map<String, Object> context = new LinkedHashMap<>();
        for (TemplateVariable v : TemplateVariable.ALL) {
            context.put(v.name(), gap(v.name()));
        }
        values.forEach((k, v) -> {
            Object safe = escaped(v, format);
            if (safe != null) {
                context.put(k, safe);
            }
        });
        List<String> unknown = syntax.names().stream().filter(n -> !TemplateVariable.known(n)).toList();
        String text;
        try {
            Template t = compiler(budget).compile(source);
            BudgetWriter out = new BudgetWriter(budget);
            t.execute(context, out);
            text = out.toString();
        } catch (OverBudget e) {
            return overBudget(name, e, maxChars, maxTime, unknown);
        } catch (MustacheException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof OverBudget over) {
                    return overBudget(name, over, maxChars, maxTime, unknown);
                }
            }
            int line = e instanceof com.samskivert.mustache.MustacheParseException ? lineOf(e.getMessage()) : 1;
            return new RenderedMessage("", Optional.of(new TemplateProblem(line, 1, e.getMessage())), List.of(),
                    unknown);
        }
        Set<String> gaps = new LinkedHashSet<>();
        Matcher m = GAP.matcher(text);
        while (m.find()) {
            gaps.add(m.group(1));
        }
        return new RenderedMessage(text, Optional.empty(), new ArrayList<>(gaps), unknown);
    }

    private static RenderedMessage overBudget(String name, OverBudget e, int maxChars, Duration maxTime,
                                              List<String> unknown) {
        String which = name == null || name.isBlank() ? "This template" : "Template \"" + name + "\"";
        String why = e.time
                ? which + " was stopped after " + HumanTime.of(maxTime) + " without finishing"
                : which + " was stopped: it came to more than " + String.format(java.util.Locale.ROOT, "%,d", maxChars)
                        + " characters";
        return new RenderedMessage("", Optional.of(new TemplateProblem(0, 0, why
                + ". Sections nested inside each other repeat for every combination of items; "
                + "take the inner sections out of the outer ones.")), List.of(), unknown);
    }

    /** "2 s", "300 ms". */
    private static final class HumanTime {
        static String of(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }
    }

    private static Object escaped(Object v, OutputFormat format) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object e = escaped(item, format);
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String field : TemplateVariable.ITEM_FIELDS) {
                out.put(field, gap(field));
            }
            map.forEach((k, x) -> {
                Object e = escaped(x, format);
                if (e != null) {
                    out.put(String.valueOf(k), e);
                }
            });
            return out;
        }
        return format.escape(String.valueOf(v));
    }

    private static int lineOf(String message) {
        Matcher m = Pattern.compile("@line (\\d+)").matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
