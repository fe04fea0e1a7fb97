package dev.warroom.domain.plan;

import dev.warroom.domain.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A monthly scale-readiness check: capacity in concurrent users (running now, proven by a load test,
 * aimed for), the bottleneck, the action, and which readiness checks passed. One per date; saving the
 * same date again replaces it.
 */
public record ReadinessAssessment(long id, LocalDate date, long current, long tested, long target,
                                  String bottleneck, String action, Set<String> checks, String by, Instant at,
                                  long version) {

    /** The readiness checks, id → text. */
    public static final List<String[]> CHECKS = List.of(
            new String[] {"load-tested", "Current capacity load-tested this month"},
            new String[] {"bottleneck-known", "The first bottleneck is identified"},
            new String[] {"autoscaling-tested", "Auto-scaling exercised, not just configured"},
            new String[] {"response-plan", "Incident response plan reviewed"},
            new String[] {"roles-defined", "Roles for a scale event agreed"});

    public ReadinessAssessment {
        checks = Set.copyOf(checks);
    }

    public static ReadinessAssessment of(LocalDate date, String current, String tested, String target,
                                         String bottleneck, String action, Set<String> checks) {
        if (date == null) {
            throw new InvalidInputException("date", "Assessment date is empty.");
        }
        long c = users(current, "current", "Current capacity");
        long t = users(tested, "tested", "Tested capacity");
        long g = users(target, "target", "Target capacity");
        if (g == 0) {
            throw new InvalidInputException("target", "Target capacity must be more than 0 users.");
        }
        String b = text(bottleneck, "bottleneck", "Bottleneck", "e.g. \"database connections\"");
        String a = text(action, "action", "Action", "e.g. \"add read replicas\"");
        for (String id : checks) {
            if (CHECKS.stream().noneMatch(x -> x[0].equals(id))) {
                throw new InvalidInputException("checks", "Unknown readiness check \"" + id + "\".");
            }
        }
        return new ReadinessAssessment(0, date, c, t, g, b, a, checks, "", null, 0);
    }

    public ReadinessAssessment recorded(String who, Instant when, long newId, long newVersion) {
        return new ReadinessAssessment(newId, date, current, tested, target, bottleneck, action, checks, who, when,
                newVersion);
    }

    /** Tested capacity as a share of the target, 0–100 (capped). */
    public int testedPercent() {
        return (int) Math.min(100, Math.round(100.0 * tested / target));
    }

    public String checkSummary() {
        return checks.size() + " / " + CHECKS.size();
    }

    private static long users(String text, String field, String name) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (t.isEmpty()) {
            throw new InvalidInputException(field, name + " is empty: give it in concurrent users.");
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, name + " \"" + text.strip() + "\" is not a whole number of users.");
        }
        if (v < 0) {
            throw new InvalidInputException(field, name + " cannot be negative.");
        }
        return v;
    }

    private static String text(String value, String field, String name, String example) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, name + " is empty: " + example + ".");
        }
        if (v.length() > 200) {
            throw new InvalidInputException(field, name + " is longer than 200 characters.");
        }
        return dev.warroom.domain.PlainText.check(field, name, v, false);
    }
}
