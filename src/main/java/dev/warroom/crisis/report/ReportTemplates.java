package dev.warroom.crisis.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.warroom.domain.report.ReportText;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The two renderings of a {@link PostMortemModel}: {@code data/report/post-mortem.md.mustache} and
 * {@code post-mortem.html.mustache}, each compiled with the escaper its format needs (Markdown
 * punctuation, HTML entities) so that no recorded text reaches the output unescaped. Each may include
 * its own {@code table} partial. Loaded once; rendering is thread-safe.
 */
final class ReportTemplates {
    private static final String FOLDER = "data/report/";
    private static final Template MARKDOWN = compile("md", ReportText::markdown);
    private static final Template HTML = compile("html", ReportText::html);

    private ReportTemplates() {
    }

    /** Nothing to do here: calling it loads this class, which compiles both templates. */
    static void prepare() {
    }

    static String markdown(PostMortemModel model) {
        return MARKDOWN.execute(model);
    }

    static String html(PostMortemModel model) {
        return HTML.execute(model);
    }

    private static Template compile(String format, Function<String, String> escape) {
        Mustache.Compiler compiler = Mustache.compiler()
                .escapeHTML(false)
                .withEscaper(escape::apply)
                .emptyStringIsFalse(true)
                .strictSections(true)
                .withLoader(name -> new StringReader(text(FOLDER + name + "." + format + ".mustache")));
        return compiler.compile(text(FOLDER + "post-mortem." + format + ".mustache"));
    }

    private static String text(String resource) {
        try (InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The report template " + resource + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
