package dev.warroom.domain.debt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The post-crisis cleanup plan: open debt grouped by fix-by week, each week with its theme.
 *
 * <p>When the weeks run: week 1 starts when the 72-hour response window closes (crisis start + 72 h)
 * or when the crisis is ended, whichever comes first; week N ends 7 × N days after that. An open entry
 * is overdue once its week has ended. Without a crisis nothing is overdue: there is no date to count from.
 */
public record CleanupPlan(Instant cleanupStart, List<Week> weeks) {
    public static final Duration RESPONSE_WINDOW = Duration.ofHours(72);

    /** One week of the plan with its open entries. */
    public record Week(int number, String theme, String focus, Instant ends, List<DebtEntry> entries,
                       boolean overdue) {
    }

    /** The seed's weekly themes, in our words. */
    public static String theme(int week) {
        return switch (week) {
            case 1 -> "Production-ready infrastructure";
            case 2 -> "Automated processes";
            case 3 -> "Monitoring and alerting";
            case 4 -> "Performance";
            default -> throw new IllegalArgumentException("week " + week);
        };
    }

    private static String focus(int week) {
        return switch (week) {
            case 1 -> "Replace temporary setups and hard-coded values with configuration that survives a restart.";
            case 2 -> "Turn the manual steps people did by hand at 3 a.m. into scripts and auto-scaling.";
            case 3 -> "Grow the quick alerts into dashboards and alerts someone would trust next time.";
            default -> "Profile, tune and plan capacity for the next surge.";
        };
    }

    /** When week 1 starts for a crisis, or null without one. */
    public static Instant cleanupStart(Instant crisisStart, Instant crisisEnd) {
        if (crisisStart == null) {
            return null;
        }
        Instant windowEnd = crisisStart.plus(RESPONSE_WINDOW);
        return crisisEnd != null && crisisEnd.isBefore(windowEnd) ? crisisEnd : windowEnd;
    }

    public static CleanupPlan of(List<DebtEntry> entries, Instant cleanupStart, Instant now) {
        List<Week> weeks = new ArrayList<>();
        for (int w = DebtDraft.FIRST_WEEK; w <= DebtDraft.LAST_WEEK; w++) {
            int week = w;
            Instant ends = cleanupStart == null ? null : cleanupStart.plus(Duration.ofDays(7L * w));
            List<DebtEntry> open = entries.stream().filter(e -> !e.status().closed() && e.fixWeek() == week)
                    .sorted(Comparator.comparing(DebtEntry::area, String.CASE_INSENSITIVE_ORDER)
                            .thenComparing(DebtEntry::id))
                    .toList();
            weeks.add(new Week(w, theme(w), focus(w), ends, open, ends != null && !now.isBefore(ends)));
        }
        return new CleanupPlan(cleanupStart, weeks);
    }

    public static boolean overdue(DebtEntry e, Instant cleanupStart, Instant now) {
        return !e.status().closed() && cleanupStart != null
                && !now.isBefore(cleanupStart.plus(Duration.ofDays(7L * e.fixWeek())));
    }

    public long overdueCount() {
        return weeks.stream().filter(Week::overdue).mapToLong(w -> w.entries().size()).sum();
    }
}
