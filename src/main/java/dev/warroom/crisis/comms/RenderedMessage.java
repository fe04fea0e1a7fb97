package dev.warroom.crisis.comms;

import dev.warroom.domain.comms.TemplateProblem;
import java.util.List;
import java.util.Optional;

/**
 * A template filled with values: the text, or the problem that stopped it, and the variables that
 * had no value (each shown in the text as {@link TemplateRenderer#gap(String)}).
 *
 * @param unknown names the template uses that War Room does not provide (typos)
 */
public record RenderedMessage(String text, Optional<TemplateProblem> problem, List<String> gaps,
                              List<String> unknown) {

    public boolean complete() {
        return problem.isEmpty() && gaps.isEmpty() && unknown.isEmpty();
    }
}
