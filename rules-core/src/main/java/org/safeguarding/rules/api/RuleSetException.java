package org.safeguarding.rules.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The workbooks could not be made into a rule set: they do not follow the template, do not
 * compile, or break a safety property. {@link #problems()} locates each one.
 */
public final class RuleSetException extends Exception {
    private final List<Problem> problems;

    public RuleSetException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the decision tables:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
