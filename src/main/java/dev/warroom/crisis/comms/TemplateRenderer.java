package dev.warroom.crisis.comms;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.comms.TemplateProblem;
import dev.warroom.domain.comms.TemplateSyntax;
import java.util.ArrayList;
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
 */
public final class TemplateRenderer {
    private static final String GAP_OPEN = "⟦missing: ";
    private static final String GAP_CLOSE = "⟧";
    private static final Pattern GAP = Pattern.compile(Pattern.quote(GAP_OPEN) + "([^⟧]*)" + GAP_CLOSE);

    /** Only maps and lists: no reflection, so a template cannot reach a method of any object. */
    private static final Mustache.Collector MAPS_AND_LISTS = new BasicCollector() {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    };
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue(GAP_OPEN + "{{name}}" + GAP_CLOSE)
            .withCollector(MAPS_AND_LISTS)
            .withLoader(name -> {
                throw new MustacheException("Templates cannot include other templates (" + name + ")");
            });

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
            Template t = COMPILER.compile(source);
            text = t.execute(context);
        } catch (MustacheException e) {
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
