package dev.warroom.crisis.report;

/** Told how far a report has got: a fraction from 0 to 1 and the step under way ("Reading metric samples"). */
@FunctionalInterface
public interface ReportProgress {
    ReportProgress NONE = (fraction, step) -> { };

    void update(double fraction, String step);
}
