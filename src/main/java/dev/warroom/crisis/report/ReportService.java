package dev.warroom.crisis.report;

import dev.warroom.domain.CrisisRole;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The post-mortem report of one crisis, as Markdown and as one self-contained HTML file (inline CSS and
 * SVG charts, no script, no external files). Read-only on the database. Long work: call it off the FX
 * thread; it reports progress and stops (throwing {@link CancellationException}, writing nothing) when
 * the cancellation check says so.
 *
 * <p>A crisis with no samples or no events still gets a report, which says what is missing.
 */
public final class ReportService {
    private final PostMortemReader reader;

    /** A built report, not yet on disk. */
    public record Report(PostMortem postMortem, String markdown, String html) {
    }

    /** Where a report went and how big each file is (bytes). */
    public record Written(Path markdown, Path html, long markdownBytes, long htmlBytes) {
    }

    /**
     * @param zone       the zone times are shown in
     * @param checklists the checklists whose completion the report shows
     * @param extraRoles roles from the config beyond commander, communications lead and scribe
     */
    public ReportService(Database db, Clock clock, ZoneId zone, List<ChecklistTemplate> checklists,
                         List<CrisisRole> extraRoles) {
        List<CrisisRole> roles = new ArrayList<>(List.of(CrisisRole.COMMANDER, CrisisRole.COMMS_LEAD, CrisisRole.SCRIBE));
        for (CrisisRole r : extraRoles) {
            if (roles.stream().noneMatch(x -> x.key().equals(r.key()))) {
                roles.add(r);
            }
        }
        this.reader = new PostMortemReader(db, clock, zone, checklists, roles);
    }

    /**
     * Compiles the report templates now, so that a caller with a spare thread can do it while the database opens;
     * otherwise the first report compiles them.
     */
    public static void prepareTemplates() {
        ReportTemplates.prepare();
    }

    /**
     * Builds the report of crisis {@code crisisId}.
     *
     * @throws ReportException       when there is no such crisis (the message lists the crises there are)
     * @throws CancellationException when {@code cancelled} turned true
     */
    public Report build(long crisisId, ReportProgress progress, BooleanSupplier cancelled) {
        PostMortemReader.Steps steps = new PostMortemReader.Steps(progress, cancelled);
        PostMortem pm = reader.read(crisisId, steps);
        steps.at(0.82, "Drawing charts");
        PostMortemModel model = PostMortemModel.of(pm);
        steps.at(0.86, "Writing Markdown");
        String md = ReportTemplates.markdown(model);
        steps.at(0.9, "Writing HTML");
        String html = ReportTemplates.html(model);
        steps.checkCancelled();
        return new Report(pm, md, html);
    }

    /**
     * Builds the report and writes it to {@code out}.md and {@code out}.html (see {@link ReportFiles#of}).
     * The folder is checked before any work; the files appear only when both are complete.
     *
     * @throws ReportException       no such crisis, or the place cannot be written (the message names it)
     * @throws CancellationException cancelled; nothing was written
     */
    public Written write(long crisisId, Path out, ReportProgress progress, BooleanSupplier cancelled) {
        ReportFiles files = ReportFiles.of(out);
        files.checkWritable();
        Report r = build(crisisId, progress, cancelled);
        PostMortemReader.Steps steps = new PostMortemReader.Steps(progress, cancelled);
        steps.at(0.96, "Saving " + files.markdown().getFileName() + " and " + files.html().getFileName());
        files.write(r.markdown(), r.html(), steps::checkCancelled);
        ReportProgress p = progress == null ? ReportProgress.NONE : progress;
        p.update(1.0, "Done");
        return new Written(files.markdown(), files.html(), utf8Length(r.markdown()), utf8Length(r.html()));
    }

    private static long utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
